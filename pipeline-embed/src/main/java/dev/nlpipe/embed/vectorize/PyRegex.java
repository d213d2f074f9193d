package dev.nlpipe.embed.vectorize;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a Python {@code re} pattern (as scikit-learn's {@code token_pattern} is written) into
 * a Java {@link Pattern} that matches the same tokens: {@code \w \W \s \S \d \D \b \B} get
 * Python's Unicode meanings (see {@link PyText}), {@code (?P<name>...)} and {@code (?P=name)}
 * become Java's named groups, {@code \Z} becomes {@code \z}, and a {@code [} inside a character
 * class is literal as in Python. Other syntax is passed through; both dialects agree on it.
 */
public final class PyRegex {
    private static final String WORD = "\\p{L}\\p{Nd}\\p{Nl}\\p{No}_";
    private static final String SPACE = "\\t\\n\\x0B\\f\\r\\x1C-\\x1F\\x{85}\\p{Z}";
    private static final String DIGIT = "\\p{Nd}";
    private static final String W = "[" + WORD + "]";
    // Java sizes a lookbehind in UTF-16 units and counts a class as one, so "(?<=W)" never sees a
    // supplementary character before it; "W{1,2}" lets it start two units back and still means
    // "the previous code point is a word character".
    private static final String AFTER_W = "(?<=" + W + "{1,2})";
    private static final String NOT_AFTER_W = "(?<!" + W + "{1,2})";
    private static final String BOUNDARY = "(?:" + AFTER_W + "(?!" + W + ")|" + NOT_AFTER_W + "(?=" + W + "))";
    private static final String NON_BOUNDARY = "(?:" + AFTER_W + "(?=" + W + ")|" + NOT_AFTER_W + "(?!" + W + "))";

    private PyRegex() {
    }

    /**
     * Translates and compiles a Python pattern.
     *
     * @throws PatternSyntaxException when the pattern is invalid or uses the unsupported ASCII flag
     */
    public static Pattern compile(String python) {
        // UNIX_LINES: in Python only \n ends a line for '.', '^' and '$'; Java's '.' would also stop at \r, \u0085, \u2028
        return Pattern.compile(translate(python), Pattern.UNICODE_CASE | Pattern.UNIX_LINES);
    }

    /** The Java regex equivalent of a Python pattern. */
    public static String translate(String py) {
        StringBuilder out = new StringBuilder(py.length() + 32);
        boolean inClass = false;
        int i = 0;
        int n = py.length();
        while (i < n) {
            char c = py.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = py.charAt(i + 1);
                out.append(inClass ? classEscape(e) : escape(e));
                i += 2;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    out.append(']');
                } else if (c == '[' || (c == '&' && i + 1 < n && py.charAt(i + 1) == '&')) {
                    out.append('\\').append(c);
                } else {
                    out.append(c);
                }
                i++;
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append('[');
                i++;
                if (i < n && py.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                if (i < n && py.charAt(i) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == '(' && py.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 4;
                continue;
            }
            if (c == '(' && py.startsWith("(?P=", i)) {
                int close = py.indexOf(')', i);
                if (close < 0) {
                    throw new PatternSyntaxException("unterminated (?P=name)", py, i);
                }
                out.append("\\k<").append(py, i + 4, close).append('>');
                i = close + 1;
                continue;
            }
            if (c == '(' && i + 2 < n && py.charAt(i + 1) == '?' && isFlag(py.charAt(i + 2))) {
                int end = i + 2;
                while (end < n && isFlag(py.charAt(end))) {
                    end++;
                }
                String flags = py.substring(i + 2, end);
                if (flags.indexOf('a') >= 0 || flags.indexOf('L') >= 0) {
                    throw new PatternSyntaxException("the ASCII (a) and locale (L) flags are not supported", py, i);
                }
                String kept = flags.replace("u", "");
                if (end < n && py.charAt(end) == ')' && kept.isEmpty()) {
                    i = end + 1;
                    continue;
                }
                out.append("(?").append(kept);
                i = end;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isFlag(char c) {
        return c == 'a' || c == 'i' || c == 'L' || c == 'm' || c == 's' || c == 'u' || c == 'x';
    }

    private static String escape(char e) {
        return switch (e) {
            case 'w' -> W;
            case 'W' -> "[^" + WORD + "]";
            case 's' -> "[" + SPACE + "]";
            case 'S' -> "[^" + SPACE + "]";
            case 'd' -> "[" + DIGIT + "]";
            case 'D' -> "[^" + DIGIT + "]";
            case 'b' -> BOUNDARY;
            case 'B' -> NON_BOUNDARY;
            case 'Z' -> "\\z";
            default -> "\\" + e;
        };
    }

    private static String classEscape(char e) {
        return switch (e) {
            case 'w' -> WORD;
            case 'W' -> "[^" + WORD + "]";
            case 's' -> SPACE;
            case 'S' -> "[^" + SPACE + "]";
            case 'd' -> DIGIT;
            case 'D' -> "[^" + DIGIT + "]";
            case 'b' -> "\\x08";
            default -> "\\" + e;
        };
    }
}
