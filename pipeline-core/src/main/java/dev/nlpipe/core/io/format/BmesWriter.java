package dev.nlpipe.core.io.format;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.LoneSurrogates;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.io.DocumentWriter;
import dev.nlpipe.core.tag.TagScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Character-per-line tagged files ({@code 姚 B-NAME}), the counterpart of {@link ColumnReader.Bmes}:
 * every non-whitespace character of the text on a line of its own with its tag after a space (BMES
 * scheme by default), a blank line after each document. Characters are written whatever the
 * document's tokens are (words from a segmenter, or none at all), so reading the file back with
 * the {@code bmes} reader, which joins characters without spaces, gives the same text (less its
 * whitespace, which has no line) and the same entities.
 *
 * <p>A character is a Unicode code point: one outside the BMP is one line, two UTF-16 units.
 * Entities are written exactly where they are, never widened: an entity covers the characters
 * inside it, and one whose start or end falls between the two halves of a surrogate pair is an
 * error. An entity that covers no character (empty, or whitespace only) is not written. Of
 * overlapping entities only the first is written, as in {@link ConllWriter}, which also says which
 * documents are refused.
 */
public final class BmesWriter extends ConllWriter {
    private static final String DEFAULT_SCHEME = "bmes";
    private static final String DEFAULT_SEPARATOR = "space";

    public BmesWriter() {
        super("bmes", DEFAULT_SCHEME, DEFAULT_SEPARATOR, "character-per-line tagged file: char tag per line for every "
                + "non-whitespace character of the text (BMES tags from entities), blank line between documents");
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.choice("scheme", DEFAULT_SCHEME, "tag scheme of the written tags", "bio", "iob1", "bioes", "bmes"),
                OptionSpec.choice("separator", DEFAULT_SEPARATOR, "column separator", "tab", "space"),
                OptionSpec.bool("pos", false, "write the part-of-speech tag of the token holding each character as a middle "
                        + "column ('_' when there is none)"));
    }

    /** A line per character of the text, whatever the tokens are: no layer is needed. */
    @Override
    public Set<Layer> requires(Options options) {
        return Set.of();
    }

    @Override
    public DocumentWriter create(Options options) {
        TagScheme scheme = TagScheme.parse(options.getString("scheme"));
        boolean withPos = options.getBoolean("pos");
        char sep = options.getString("separator").equals("tab") ? '\t' : ' ';
        return (doc, out) -> {
            String text = doc.text();
            int[] starts = characterStarts(text);
            if (starts.length == 0) {
                throw new IllegalArgumentException(NO_LINE.replace("no token", "no character outside whitespace"));
            }
            List<String> tags = scheme.encode(characterSpans(doc, starts), starts.length);
            List<Token> tokens = withPos && doc.tokens() != null ? doc.tokens() : List.of();
            int token = 0;
            for (int i = 0; i < starts.length; i++) {
                int start = starts[i];
                out.append(text, start, start + Character.charCount(text.codePointAt(start)));
                if (withPos) {
                    while (token < tokens.size() && tokens.get(token).end() <= start) {
                        token++;
                    }
                    Token t = token < tokens.size() && tokens.get(token).start() <= start ? tokens.get(token) : null;
                    out.append(sep).append(t == null || t.pos() == null || t.pos().isBlank() ? "_" : t.pos());
                }
                out.append(sep).append(tags.get(i)).append('\n');
            }
            out.append('\n');
        };
    }

    /**
     * The UTF-16 index of every character written: each code point of {@code text} that is not
     * whitespace ({@link Character#isWhitespace(int)}, what the reader strips from a line).
     */
    static int[] characterStarts(String text) {
        int[] starts = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!Character.isWhitespace(cp)) {
                starts[n++] = i;
            }
            i += Character.charCount(cp);
        }
        return Arrays.copyOf(starts, n);
    }

    /** Entities as spans of the characters at {@code starts}: those inside each entity, no more. */
    static List<TagScheme.TokenSpan> characterSpans(Document doc, int[] starts) {
        String text = doc.text();
        return unitSpans(doc, e -> {
            checkBoundary(text, e, e.start());
            checkBoundary(text, e, e.end());
            int first = lowerBound(starts, e.start());
            int end = lowerBound(starts, e.end());
            return first < end ? new int[] {first, end} : null;
        });
    }

    private static void checkBoundary(String text, Entity e, int offset) {
        if (offset > text.length()) {
            throw new IllegalArgumentException("entity " + e.type() + " [" + e.start() + ", " + e.end()
                    + ") ends after the text (" + text.length() + " UTF-16 units)");
        }
        if (LoneSurrogates.splitsPair(text, offset)) {
            throw new IllegalArgumentException("entity " + e.type() + " [" + e.start() + ", " + e.end()
                    + ") has a boundary at offset " + offset + ", inside a character outside the BMP (a surrogate pair); "
                    + "offsets are UTF-16 units");
        }
    }

    /** The first index whose value is at least {@code key} ({@code starts.length} when none). */
    private static int lowerBound(int[] starts, int key) {
        int i = Arrays.binarySearch(starts, key);
        return i >= 0 ? i : -i - 1;
    }
}
