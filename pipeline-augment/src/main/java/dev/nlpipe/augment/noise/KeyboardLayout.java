package dev.nlpipe.augment.noise;

import java.util.HashMap;
import java.util.Map;

/**
 * Neighbouring letter keys on a QWERTY keyboard, the typos a finger slipping one key makes:
 * left and right on the same row, and the two touching keys on the rows above and below (rows are
 * staggered by half a key).
 */
final class KeyboardLayout {
    private static final String[] ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private static final Map<Character, char[]> NEIGHBOURS = build();

    private KeyboardLayout() {
    }

    private static Map<Character, char[]> build() {
        Map<Character, char[]> out = new HashMap<>();
        for (int r = 0; r < ROWS.length; r++) {
            String row = ROWS[r];
            for (int i = 0; i < row.length(); i++) {
                StringBuilder n = new StringBuilder();
                add(n, row, i - 1);
                add(n, row, i + 1);
                if (r > 0) {
                    // a key sits below the gap between keys i and i+1 of the row above
                    add(n, ROWS[r - 1], i);
                    add(n, ROWS[r - 1], i + 1);
                }
                if (r + 1 < ROWS.length) {
                    add(n, ROWS[r + 1], i - 1);
                    add(n, ROWS[r + 1], i);
                }
                out.put(row.charAt(i), n.toString().toCharArray());
            }
        }
        return out;
    }

    private static void add(StringBuilder n, String row, int i) {
        if (i >= 0 && i < row.length()) {
            n.append(row.charAt(i));
        }
    }

    /** The keys around a lower-case ASCII letter, or {@code null} for any other character. */
    static char[] neighbours(char c) {
        return NEIGHBOURS.get(c);
    }
}
