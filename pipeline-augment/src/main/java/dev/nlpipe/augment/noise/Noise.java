package dev.nlpipe.augment.noise;

import dev.nlpipe.augment.Augmenter;
import dev.nlpipe.augment.Gaps;
import dev.nlpipe.augment.Piece;
import dev.nlpipe.augment.Sentence;
import dev.nlpipe.augment.Variant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Character noise on free words: keyboard-neighbour typos and swapped letters in words of at least
 * {@code minLength} characters, spaces inserted inside words, and for Chinese characters
 * homophones (same pinyin) or shape neighbours. Word-level noises strike each word with their
 * probability (at most once each); Chinese substitutions strike each character.
 */
final class Noise implements Augmenter.Operation {
    private final double typo;
    private final double swap;
    private final double space;
    private final double homophone;
    private final double shape;
    private final boolean ignoreTone;
    private final int minLength;
    private final Homophones homophones;
    private final CharGroups shapes;

    Noise(double typo, double swap, double space, double homophone, double shape, boolean ignoreTone, int minLength,
          Homophones homophones, CharGroups shapes) {
        this.typo = typo;
        this.swap = swap;
        this.space = space;
        this.homophone = homophone;
        this.shape = shape;
        this.ignoreTone = ignoreTone;
        this.minLength = minLength;
        this.homophones = homophones;
        this.shapes = shapes;
    }

    @Override
    public Variant apply(Sentence s, SplittableRandom rng) {
        List<Piece> out = new ArrayList<>(s.pieces().size());
        Set<String> ops = new LinkedHashSet<>();
        for (Piece p : s.pieces()) {
            if (!p.editable()) {
                out.add(p);
                continue;
            }
            String w = chinese(p.surface(), rng, ops);
            int length = w.codePointCount(0, w.length());
            if (length >= minLength) {
                if (typo > 0 && rng.nextDouble() < typo) {
                    w = note(w, typo(w, rng), "typo", ops);
                }
                if (swap > 0 && rng.nextDouble() < swap) {
                    w = note(w, swap(w, rng), "swap", ops);
                }
            }
            if (length >= 2 && space > 0 && rng.nextDouble() < space) {
                int at = w.offsetByCodePoints(0, 1 + rng.nextInt(length - 1));
                // a space inside a word of a script written without spaces (北京) is no typo anyone makes, and
                // character-level outputs (BMES) drop it: the variant would be the original again
                if (!Gaps.spaceless(w.codePointBefore(at)) && !Gaps.spaceless(w.codePointAt(at))) {
                    w = note(w, w.substring(0, at) + " " + w.substring(at), "space", ops);
                }
            }
            out.add(w.equals(p.surface()) ? p : p.replacedBy(w));
        }
        return ops.isEmpty() ? null : new Variant(out, List.copyOf(ops));
    }

    private static String note(String before, String after, String op, Set<String> ops) {
        if (!after.equals(before)) {
            ops.add(op);
        }
        return after;
    }

    /** Homophone or shape-neighbour substitution of each Chinese character. */
    private String chinese(String word, SplittableRandom rng, Set<String> ops) {
        if ((homophone == 0 && shape == 0) || word.codePoints().noneMatch(Noise::han)) {
            return word;
        }
        StringBuilder b = new StringBuilder(word.length());
        int index = 0;
        for (int i = 0; i < word.length(); index++) {
            int cp = word.codePointAt(i);
            int out = cp;
            if (han(cp)) {
                if (homophone > 0 && rng.nextDouble() < homophone) {
                    String reading = homophones.reading(word, index);
                    int h = reading == null ? -1 : homophones.pick(cp, reading, ignoreTone, rng);
                    if (h >= 0) {
                        out = h;
                        ops.add("homophone");
                    }
                }
                if (out == cp && shape > 0 && rng.nextDouble() < shape) {
                    int[] n = shapes.neighbours(cp);
                    if (n != null) {
                        out = n[rng.nextInt(n.length)];
                        ops.add("shape");
                    }
                }
            }
            b.appendCodePoint(out);
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** One letter replaced by a neighbouring key, its case kept. */
    private static String typo(String w, SplittableRandom rng) {
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < w.length(); i++) {
            if (KeyboardLayout.neighbours(Character.toLowerCase(w.charAt(i))) != null) {
                letters.add(i);
            }
        }
        if (letters.isEmpty()) {
            return w;
        }
        int at = letters.get(rng.nextInt(letters.size()));
        char c = w.charAt(at);
        char[] n = KeyboardLayout.neighbours(Character.toLowerCase(c));
        char r = n[rng.nextInt(n.length)];
        return w.substring(0, at) + (Character.isUpperCase(c) ? Character.toUpperCase(r) : r) + w.substring(at + 1);
    }

    /** Two neighbouring characters trade places. */
    private static String swap(String w, SplittableRandom rng) {
        int[] cps = w.codePoints().toArray();
        int at = rng.nextInt(cps.length - 1);
        int t = cps[at];
        cps[at] = cps[at + 1];
        cps[at + 1] = t;
        return new String(cps, 0, cps.length);
    }

    static boolean han(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
