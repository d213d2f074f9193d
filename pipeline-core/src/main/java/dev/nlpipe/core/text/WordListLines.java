package dev.nlpipe.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fields of a line of a word list (a user dictionary, a stop-word file, a lexicon), read the
 * same way everywhere: separated by white space or any Unicode space, so that a no-break space or
 * the ideographic space U+3000 a Chinese input method types ({@code 码农　n　100}) separates as a
 * tab does.
 */
public final class WordListLines {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern EDGES = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");

    private WordListLines() {
    }

    /** The line's fields, without the spaces at its edges; one empty field for a blank line. */
    public static String[] fields(String line) {
        return SEPARATORS.split(EDGES.matcher(line).replaceAll(""));
    }

    /**
     * Characters no tokenizer keeps inside a word: a byte-order mark (in the middle of a file, two
     * files joined by {@code cat}), a zero-width space, a word joiner. Other format characters stay:
     * a zero-width non-joiner is part of a Persian word (می‌شود), and tokens keep it.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\uFEFF\\u200B\\u2060]");

    /**
     * The line's fields each without the characters of {@link #INVISIBLE}, leaving out fields that
     * were only those; none for a blank line. A byte-order mark in the middle of a file or a
     * zero-width space left a word that matched nothing.
     */
    public static List<String> visibleFields(String line) {
        List<String> out = new ArrayList<>();
        for (String f : fields(line)) {
            String visible = INVISIBLE.matcher(f).replaceAll("");
            if (!visible.isEmpty()) {
                out.add(visible);
            }
        }
        return out;
    }
}
