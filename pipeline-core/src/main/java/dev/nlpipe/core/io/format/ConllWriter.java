package dev.nlpipe.core.io.format;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.io.DocumentWriter;
import dev.nlpipe.core.io.WriterProvider;
import dev.nlpipe.core.tag.TagScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * CoNLL columns: {@code token<TAB>tag} per line (tags from the document's entities, in the chosen
 * scheme), a blank line after each document. Entities that do not fall on token boundaries are
 * snapped to the tokens they overlap; of overlapping entities only the first is written (see
 * {@link #unitSpans}). A document the reader would not read back as written (no token, a token
 * starting {@code -DOCSTART-}, an entity type that is empty or holds whitespace) is refused, which
 * makes it a bad record of the step {@code output}. {@link BmesWriter} is the character-per-line variant, which writes characters
 * whatever the tokens are.
 */
public class ConllWriter implements WriterProvider {
    /** Why a document with nothing to write is a bad record: the reader would never see it, and later documents would renumber. */
    static final String NO_LINE = "the document has no token, and so no line: the file read back would not hold it";
    private static final String DOCUMENT_START = "-DOCSTART-";

    private final String name;
    private final String defaultScheme;
    private final String defaultSeparator;
    private final String description;

    public ConllWriter() {
        this("conll", "bio", "tab", "CoNLL columns: token<TAB>tag per line (tags from entities), blank line between documents");
    }

    /** A column writer under another name, with its own default scheme and separator ({@code tab} or {@code space}). */
    protected ConllWriter(String name, String defaultScheme, String defaultSeparator, String description) {
        this.name = name;
        this.defaultScheme = defaultScheme;
        this.defaultSeparator = defaultSeparator;
        this.description = description;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String extension() {
        return name;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.choice("scheme", defaultScheme, "tag scheme of the written tags", "bio", "iob1", "bioes", "bmes"),
                OptionSpec.choice("separator", defaultSeparator, "column separator", "tab", "space"),
                OptionSpec.bool("pos", false, "write the part-of-speech tag as a middle column (posColumn: 1)"),
                // the reader's column options, so a file written with a reader's options reads back with them
                OptionSpec.integer("tokenColumn", 0, "0-based column of the token").between(0, 1_000),
                OptionSpec.integer("tagColumn", -1, "0-based column of the tag; -1 for the last column (-2 the one before)")
                        .between(-1_000, 1_000),
                OptionSpec.integer("posColumn", -1, "0-based column of the part-of-speech tag; -1 for none").between(-1, 1_000));
    }

    /** A line per token: a pipeline that makes no tokens would write no document. */
    @Override
    public Set<Layer> requires(Options options) {
        return Set.of(Layer.TOKENS);
    }

    @Override
    public DocumentWriter create(Options options) {
        TagScheme scheme = TagScheme.parse(options.getString("scheme"));
        int tokenCol = options.getInt("tokenColumn");
        int posCol = options.getInt("posColumn") >= 0 ? options.getInt("posColumn") : options.getBoolean("pos") ? tokenCol + 1 : -1;
        int tagOption = options.getInt("tagColumn");
        // a tag counted from the end comes after the token and part-of-speech columns; columns no option names hold "_"
        int width = tagOption >= 0 ? Math.max(tagOption, Math.max(tokenCol, posCol)) + 1 : Math.max(tokenCol, posCol) + 1 - tagOption;
        int tagCol = tagOption >= 0 ? tagOption : width + tagOption;
        if (tagCol == tokenCol || tagCol == posCol || posCol == tokenCol) {
            throw options.error("tagColumn", "the token, tag and part-of-speech columns must differ (token " + tokenCol + ", tag "
                    + tagCol + ", part of speech " + posCol + ")");
        }
        char sep = options.getString("separator").equals("tab") ? '\t' : ' ';
        // a space inside a token reads back only with the reader's separator: tab too, which a user who set it knows to give
        boolean spacesKept = sep == '\t' && options.isSet("separator");
        return (doc, out) -> {
            List<Token> tokens = doc.requireTokens("output conll");
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException(NO_LINE);
            }
            List<String> tags = scheme.encode(tokenSpans(doc, tokens), tokens.size());
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                int lineStart = out.length();
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        out.append(sep);
                    }
                    if (c == tokenCol) {
                        appendField(t.text(), "token", spacesKept, out);
                    } else if (c == tagCol) {
                        out.append(tags.get(i));
                    } else if (c == posCol) {
                        appendField(t.pos() == null ? "_" : t.pos(), "part of speech", spacesKept, out);
                    } else {
                        out.append('_');
                    }
                }
                if (out.indexOf(DOCUMENT_START, lineStart) == lineStart) {
                    throw new IllegalArgumentException("the line of token '" + t.text() + "' at " + t.start() + " starts with "
                            + DOCUMENT_START + ", which the conll reader skips as a document separator");
                }
                out.append('\n');
            }
            out.append('\n');
        };
    }

    /** Entities as token index spans, snapped to the tokens they overlap; see {@link #unitSpans} for overlaps. */
    static List<TagScheme.TokenSpan> tokenSpans(Document doc, List<Token> tokens) {
        boolean inOrder = true;
        for (int i = 1; i < tokens.size() && inOrder; i++) {
            inOrder = tokens.get(i).start() >= tokens.get(i - 1).end();
        }
        // tokens in text order, as tokenizers make them: each entity's are found by binary search, not a scan of all of
        // them (a whole file read as one document has many entities and tokens)
        boolean sorted = inOrder;
        return unitSpans(doc, e -> {
            int first = -1;
            int last = -1;
            for (int i = sorted ? firstEndingAfter(tokens, e.start()) : 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (sorted && t.start() >= e.end()) {
                    break;
                }
                if (t.end() > e.start() && t.start() < e.end()) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            }
            return first < 0 ? null : new int[] {first, last + 1};
        });
    }

    /** The index of the first of {@code tokens} (in text order, not overlapping) that ends after {@code offset}. */
    private static int firstEndingAfter(List<Token> tokens, int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).end() > offset) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * A document's entities as spans of output units (tokens, or characters for {@link BmesWriter}),
     * in text order. Where entities overlap, the first one (the earliest start, the longest of those
     * starting together) is kept and those overlapping it are dropped.
     *
     * @param units an entity's units as {@code {first, end}} (end exclusive), or {@code null} when it covers none
     */
    static List<TagScheme.TokenSpan> unitSpans(Document doc, Function<Entity, int[]> units) {
        List<TagScheme.TokenSpan> spans = new ArrayList<>();
        if (doc.entities() == null) {
            return spans;
        }
        int lastEnd = 0;
        List<Entity> sorted = new ArrayList<>(doc.entities());
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        for (Entity e : sorted) {
            int[] u = units.apply(e);
            if (u != null && u[0] >= lastEnd) {
                checkType(e);
                spans.add(new TagScheme.TokenSpan(e.type(), u[0], u[1]));
                lastEnd = u[1];
            }
        }
        return spans;
    }

    /** A type the column readers read back as written: a tag column holds no whitespace, and {@code B-} is no tag. */
    private static void checkType(Entity e) {
        String type = e.type();
        // the reader splits columns at ASCII whitespace (\s), so only that breaks a tag
        if (type == null || type.isEmpty() || type.chars().anyMatch(c -> c == ' ' || (c >= '\t' && c <= '\r'))) {
            throw new IllegalArgumentException("entity [" + e.start() + ", " + e.end() + ") of type '" + (type == null ? "" : type)
                    + "' cannot be a tag: a column file's tag is one word after its prefix (B-PER); rename the type");
        }
    }

    /**
     * A token or tag column as the reader reads it back: a character that would split the column
     * (ASCII whitespace between space-separated columns; a tab or line break between tab-separated
     * ones) refuses the document rather than writing {@code New_York} for {@code New York} unsaid.
     */
    private static void appendField(String s, String what, boolean spacesKept, StringBuilder out) {
        if (s.isEmpty()) {
            out.append('_');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean splits = c == '\t' || c == '\n' || c == '\r' || !spacesKept && (c == ' ' || c == '\u000B' || c == '\f');
            if (splits) {
                throw new IllegalArgumentException("the " + what + " '" + s + "' holds " + (c == ' ' ? "a space" : String.format("U+%04X", (int) c))
                        + ", which would split its column" + (spacesKept || c != ' ' ? "" : "; write with separator: tab set (and read with"
                        + " separator: tab)"));
            }
            out.append(c);
        }
    }
}
