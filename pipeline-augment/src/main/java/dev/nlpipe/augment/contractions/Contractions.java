package dev.nlpipe.augment.contractions;

import dev.nlpipe.augment.Augmenter;
import dev.nlpipe.augment.Piece;
import dev.nlpipe.augment.Sentence;
import dev.nlpipe.augment.Variant;
import dev.nlpipe.augment.synonym.CasePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Expands English contractions ({@code it's} → {@code it is}) or makes them ({@code do not} →
 * {@code don't}), each occurrence with a probability. Handles both tokenizations: clitics inside the
 * word ({@code don't}, as {@code tokenize.regex} keeps them) and split off (Penn Treebank style,
 * {@code do n't}, as in SST-2); contractions are written in the document's own style.
 *
 * @param contract {@code true} to contract, {@code false} to expand
 * @param probability chance that each occurrence is changed
 * @param style {@code auto} (split when the document has split clitics), {@code joined} or {@code split}
 */
record Contractions(boolean contract, double probability, String style) implements Augmenter.Operation {

    @Override
    public Variant apply(Sentence s, SplittableRandom rng) {
        List<Piece> in = s.pieces();
        List<Piece> out = contract ? contract(in, split(in), rng) : expand(in, rng);
        return out == null ? null : new Variant(out, List.of(contract ? "contract" : "expand"));
    }

    private boolean split(List<Piece> pieces) {
        if (!style.equals("auto")) {
            return style.equals("split");
        }
        for (Piece p : pieces) {
            if (ContractionRules.clitic(norm(p.surface())) != null) {
                return true;
            }
        }
        return false;
    }

    private List<Piece> expand(List<Piece> in, SplittableRandom rng) {
        List<Piece> out = new ArrayList<>(in.size() + 4);
        boolean changed = false;
        for (int i = 0; i < in.size(); i++) {
            Piece p = in.get(i);
            if (!p.editable()) {
                out.add(p);
                continue;
            }
            String w = norm(p.surface());
            boolean splitClitic = i + 1 < in.size() && in.get(i + 1).editable() && ContractionRules.clitic(norm(in.get(i + 1).surface())) != null;
            String stem;
            String clitic;
            if (splitClitic) {
                stem = w;
                clitic = norm(in.get(i + 1).surface());
            } else if (w.endsWith("n't") && w.length() > 3) {
                stem = w.substring(0, w.length() - 3);
                clitic = "n't";
            } else if (w.indexOf('\'') > 0) {
                stem = w.substring(0, w.indexOf('\''));
                clitic = w.substring(w.indexOf('\''));
            } else {
                out.add(p);
                continue;
            }
            List<String> words = ContractionRules.expand(stem, clitic, following(in, splitClitic ? i + 2 : i + 1));
            if (words == null || !(rng.nextDouble() < probability)) {
                out.add(p);
                continue;
            }
            out.add(p.replacedBy(cased(p.surface(), words)));
            changed = true;
            if (splitClitic) {
                i++;
            }
        }
        return changed ? out : null;
    }

    private List<Piece> contract(List<Piece> in, boolean split, SplittableRandom rng) {
        List<Piece> out = new ArrayList<>(in.size());
        boolean changed = false;
        for (int i = 0; i < in.size(); i++) {
            Piece p = in.get(i);
            if (!p.editable()) {
                out.add(p);
                continue;
            }
            String w = norm(p.surface());
            List<String> parts = null;
            boolean pair = false;
            if (w.equals("cannot")) {
                parts = List.of("ca", "n't");
            } else if (negationAt(in, i + 1)) {
                out.add(p); // "we will not" contracts as "we won't", not "we'll not"
                continue;
            } else if (i + 1 < in.size() && in.get(i + 1).editable()) {
                parts = ContractionRules.contract(w, norm(in.get(i + 1).surface()), following(in, i + 2));
                pair = true;
            }
            if (parts == null || !(rng.nextDouble() < probability)) {
                out.add(p);
                continue;
            }
            String stem = CasePattern.like(p.surface(), parts.get(0));
            String clitic = upper(p.surface()) ? parts.get(1).toUpperCase(Locale.ROOT) : parts.get(1);
            out.add(p.replacedBy(split ? stem + " " + clitic : stem + clitic));
            changed = true;
            if (pair) {
                i++;
            }
        }
        return changed ? out : null;
    }

    /** Whether the pieces from {@code i} on start with an auxiliary and "not" that contract ("will not" → "won't"). */
    private static boolean negationAt(List<Piece> in, int i) {
        return i + 1 < in.size() && in.get(i).editable() && in.get(i + 1).editable() && norm(in.get(i + 1).surface()).equals("not")
                && ContractionRules.contract(norm(in.get(i).surface()), "not", following(in, i + 2)) != null;
    }

    /** The expansion written with the contraction's capitalization. */
    private static String cased(String surface, List<String> words) {
        boolean upper = upper(surface);
        StringBuilder b = new StringBuilder(CasePattern.like(surface, words.get(0)));
        for (int k = 1; k < words.size(); k++) {
            b.append(' ').append(upper ? words.get(k).toUpperCase(Locale.ROOT) : words.get(k));
        }
        return b.toString();
    }

    private static boolean upper(String s) {
        return s.length() > 1 && s.equals(s.toUpperCase(Locale.ROOT)) && !s.equals(s.toLowerCase(Locale.ROOT));
    }

    /** The lower-case words from a position on, up to the next punctuation (a few are enough). */
    private static List<String> following(List<Piece> pieces, int from) {
        List<String> out = new ArrayList<>(4);
        for (int i = from; i < pieces.size() && out.size() < 4; i++) {
            String w = norm(pieces.get(i).surface());
            out.add(w);
            if (!pieces.get(i).isWord()) {
                break;
            }
        }
        return out;
    }

    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }
}
