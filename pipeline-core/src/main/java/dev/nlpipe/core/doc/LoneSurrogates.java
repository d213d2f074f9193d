package dev.nlpipe.core.doc;

import java.util.List;
import java.util.Map;

/**
 * Finds lone UTF-16 surrogates, which a JSON escape such as {@code "\ud800"} can put into a Java
 * string but no UTF-8 output can hold: left in, they would be written as {@code ?} without a word.
 * A document that holds one is refused like a line of invalid UTF-8.
 */
public final class LoneSurrogates {
    private LoneSurrogates() {
    }

    /** The index of the first lone surrogate in {@code s}, or -1 when every surrogate is paired. */
    public static int find(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether {@code offset} falls between the two halves of a surrogate pair (inside an emoji or a
     * rare CJK character): a span bounded there cuts the character in two, the usual sign of offsets
     * counted in code points.
     */
    public static boolean splitsPair(CharSequence text, int offset) {
        return offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
                && Character.isLowSurrogate(text.charAt(offset));
    }

    /**
     * Checks every string of a document read from outside: id, text, language, token and entity
     * strings, label names and metadata (nested maps and lists included).
     *
     * @throws IllegalArgumentException naming the field and position of the first lone surrogate
     */
    public static void check(Document d) {
        check(d.id(), "id");
        check(d.text(), "text");
        check(d.lang(), "lang");
        if (d.tokens() != null) {
            for (Token t : d.tokens()) {
                check(t.text(), "tokens[].text");
                check(t.pos(), "tokens[].pos");
            }
        }
        if (d.entities() != null) {
            for (Entity e : d.entities()) {
                check(e.type(), "entities[].type");
                check(e.text(), "entities[].text");
            }
        }
        if (d.labels() != null) {
            for (String label : d.labels().keySet()) {
                check(label, "labels");
            }
        }
        checkValue(d.meta(), "meta");
    }

    private static void checkValue(Object value, String field) {
        switch (value) {
            case CharSequence s -> check(s, field);
            case Map<?, ?> m -> m.forEach((k, v) -> {
                check(String.valueOf(k), field);
                checkValue(v, field + "." + k);
            });
            case List<?> l -> l.forEach(v -> checkValue(v, field));
            case null, default -> {
                // numbers, booleans and null hold no text
            }
        }
    }

    private static void check(CharSequence s, String field) {
        if (s == null) {
            return;
        }
        int at = find(s);
        if (at >= 0) {
            throw new IllegalArgumentException("field '" + field + "' holds a lone UTF-16 surrogate (\\u"
                    + Integer.toHexString(s.charAt(at)) + " at index " + at + "), which is not a character and cannot be written as UTF-8");
        }
    }
}
