package dev.nlpipe.core.io.format;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.io.CorpusReader;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.tag.TagScheme;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Column files for labelled sequences: one token per line with its tag in a column, a blank line
 * between sentences, {@code -DOCSTART-} lines skipped. Each sentence becomes a document whose text
 * is its tokens joined by {@code join} ({@code " "} for CoNLL, nothing for character-level BMES),
 * with tokens and gold entity spans (decoded by conlleval's rules, any of BIO/IOB1/BIOES/BMES).
 *
 * <p>A line that is read but looks wrong is kept as it is and reported as a warning
 * ({@link dev.nlpipe.core.io.BadRecordSink#warn}, a bad record under {@code onError: fail}): a line
 * whose number of columns differs from the file's first line (a token with a space in it, say), and
 * in a character-per-line file a token longer than one character (a corpus that appends each
 * character's position in its word, {@code 我0}).
 */
public abstract class ColumnReader implements ReaderProvider {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * A token line without its trailing whitespace and, where spaces separate the columns, its
     * leading spaces and tabs: a token that is itself a space (U+3000, or a space before a tab
     * separator) stays a column, where {@link String#strip} would drop it with the sentence.
     */
    static String columnsOf(String line, boolean tab) {
        String s = line.stripTrailing();
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || !tab && s.charAt(i) == '\t')) {
            i++;
        }
        // with tabs between the columns, spaces up to the first tab are the token itself (" \tO"), not an indent
        return tab && i > 0 && i == s.indexOf('\t') ? s : s.substring(i);
    }
    private final String name;
    private final String defaultJoin;
    private final String what;
    private final boolean oneCharacter;

    ColumnReader(String name, String defaultJoin, String what, boolean oneCharacter) {
        this.name = name;
        this.defaultJoin = defaultJoin;
        this.what = what;
        this.oneCharacter = oneCharacter;
    }

    /** CoNLL column files ({@code word POS chunk NER}), tokens joined by a space. */
    public static final class Conll extends ColumnReader {
        public Conll() {
            super("conll", " ", "CoNLL column file (token ... tag per line, blank line between sentences, -DOCSTART- skipped)", false);
        }
    }

    /** Character-per-line BMES/BIO files ({@code 姚 B-PER}), characters joined without spaces. */
    public static final class Bmes extends ColumnReader {
        public Bmes() {
            super("bmes", "", "character-per-line tagged file (char tag; BMES or BIO), characters joined without spaces", true);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return what;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("tokenColumn", 0, "0-based column of the token").between(0, Integer.MAX_VALUE),
                OptionSpec.integer("tagColumn", -1, "0-based column of the tag; -1 for the last column (-2 the one before)"),
                OptionSpec.integer("posColumn", -1, "0-based column of a part-of-speech tag; -1 for none").between(-1, Integer.MAX_VALUE),
                OptionSpec.choice("separator", "whitespace", "column separator", "whitespace", "tab"),
                OptionSpec.string("join", defaultJoin, "text placed between tokens to rebuild the sentence text"));
    }

    @Override
    public Set<Layer> provides(Options options) {
        return Set.of(Layer.TOKENS, Layer.ENTITIES);
    }

    @Override
    public CorpusReader open(InputSource source, Options options, ReadSettings settings) throws IOException {
        int tokenCol = options.getInt("tokenColumn");
        int tagCol = options.getInt("tagColumn");
        int posCol = options.getInt("posColumn");
        boolean tab = options.getString("separator").equals("tab");
        String join = options.getString("join");
        return new LineRecordReader(source, settings) {
            /** The column count of the file's first token line, what the others are checked against. */
            private int columns = -1;
            /** The reader's count of skipped (unreadable) lines when last looked at. */
            private long skippedSeen;

            @Override
            protected Document readNext() throws IOException {
                List<String> words = new ArrayList<>();
                List<String> tags = new ArrayList<>();
                List<String> pos = new ArrayList<>();
                long first = 0;
                long chars = 0;
                boolean broken = false;
                String line;
                while ((line = lines.readLine()) != null) {
                    // a line the reader could not read (reported there) belonged to the sentence under way or to the one
                    // starting: that sentence would lose a token and shift its tags, so it is skipped whole
                    broken |= lostALine();
                    String trimmed = columnsOf(line, tab);
                    if (trimmed.isBlank()) {
                        if (!words.isEmpty() || broken) {
                            if (broken) {
                                words.clear();
                                tags.clear();
                                pos.clear();
                                chars = 0;
                                broken = false;
                                continue;
                            }
                            break;
                        }
                        continue;
                    }
                    if (trimmed.startsWith("-DOCSTART-")) {
                        continue;
                    }
                    if (words.isEmpty() && !broken) {
                        first = lines.lineNumber();
                    }
                    String[] cols = tab ? trimmed.split("\t") : WHITESPACE.split(trimmed);
                    int t = tagCol < 0 ? cols.length + tagCol : tagCol;
                    if (cols.length < 2 || t < 0 || t >= cols.length || tokenCol >= cols.length || posCol >= cols.length) {
                        if (!broken) {
                            settings.errors().accept(BadRecord.unreadable(source.name(), lines.lineNumber(),
                                    "expected a token and a tag column, found " + cols.length + " column(s); the sentence is skipped"));
                        }
                        broken = true;
                        continue;
                    }
                    String tagProblem = TagScheme.problem(cols[t]);
                    if (tagProblem != null) {
                        if (!broken) {
                            settings.errors().accept(BadRecord.unreadable(source.name(), lines.lineNumber(),
                                    tagProblem + "; the sentence is skipped"));
                        }
                        broken = true;
                        continue;
                    }
                    if (broken) {
                        continue;
                    }
                    checkLine(cols, tokenCol, t);
                    chars += cols[tokenCol].length() + join.length();
                    if (chars > settings.maxLineBytes()) {
                        // a file without blank lines (or read with the wrong format) would otherwise be one sentence
                        // held in memory to its end, as a document of a whole file is capped at the same length
                        settings.errors().accept(BadRecord.unreadable(source.name(), first, "a sentence runs past "
                                + settings.maxLineBytes() + " characters without a blank line; it is skipped up to the next blank line"
                                + " (are sentences separated by blank lines? raise " + settings.maxLineKey() + " to read it)"));
                        words.clear();
                        tags.clear();
                        pos.clear();
                        broken = true;
                        continue;
                    }
                    words.add(cols[tokenCol]);
                    tags.add(cols[t]);
                    if (posCol >= 0) {
                        pos.add(cols[posCol]);
                    }
                }
                // A broken last sentence with no blank line after it ends here, and is skipped like the others.
                broken |= lostALine();
                if (words.isEmpty() || broken) {
                    return null;
                }
                return stamp(sentence(idAt(first), words, tags, posCol >= 0 ? pos : null, join), first);
            }

            private boolean lostALine() {
                long now = lines.skippedLines();
                boolean lost = now != skippedSeen;
                skippedSeen = now;
                return lost;
            }

            /** Warns about a line that is read as it is but looks wrong (see the class comment). */
            private void checkLine(String[] cols, int tokenCol, int tagCol) {
                if (columns < 0) {
                    columns = cols.length;
                }
                String token = cols[tokenCol];
                int chars = token.codePointCount(0, token.length());
                boolean oddColumns = cols.length != columns;
                boolean longToken = oneCharacter && chars > 1;
                if (!oddColumns && !longToken) {
                    return;
                }
                StringBuilder why = new StringBuilder();
                if (oddColumns) {
                    why.append(cols.length).append(" columns where the first token line of the file has ").append(columns);
                }
                if (longToken) {
                    why.append(oddColumns ? "; " : "").append("token '").append(token).append("' has ").append(chars)
                            .append(" characters where a ").append(name).append(" line has one");
                }
                if (oddColumns) {
                    why.append("; read as token '").append(token).append("', tag '").append(cols[tagCol]).append('\'');
                } else {
                    why.append("; the token is read as it is");
                }
                settings.errors().warn(BadRecord.unreadable(source.name(), lines.lineNumber(), why.toString()));
            }
        };
    }

    /** A document for one tagged sentence: text, tokens with offsets, gold entities. */
    public static Document sentence(String id, List<String> words, List<String> tags, List<String> pos, String join) {
        StringBuilder text = new StringBuilder();
        List<Token> tokens = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                text.append(join);
            }
            int start = text.length();
            text.append(words.get(i));
            tokens.add(new Token(words.get(i), start, text.length(), pos == null ? null : pos.get(i), false));
        }
        String s = text.toString();
        List<Entity> entities = new ArrayList<>();
        for (TagScheme.TokenSpan span : TagScheme.decode(tags)) {
            int start = tokens.get(span.start()).start();
            int end = tokens.get(span.end() - 1).end();
            entities.add(Entity.of(s, span.type(), start, end));
        }
        return new Document(id, s).setTokens(tokens).setEntities(entities);
    }
}
