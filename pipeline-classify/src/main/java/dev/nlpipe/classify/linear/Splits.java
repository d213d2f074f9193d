package dev.nlpipe.classify.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Stratified splits and folds: every part keeps the class proportions, reproducibly under a seed. */
final class Splits {
    private Splits() {
    }

    private static List<List<Integer>> byClass(int[] y, int classes, long seed) {
        List<List<Integer>> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < y.length; i++) {
            out.get(y[i]).add(i);
        }
        Random r = new Random(seed);
        for (List<Integer> members : out) {
            java.util.Collections.shuffle(members, r);
        }
        return out;
    }

    /**
     * Splits examples into parts of the given fractions (summing to 1), class by class, so each
     * part has the class proportions of the whole. Indices in each part are ascending.
     */
    static int[][] stratified(int[] y, int classes, double[] fractions, long seed) {
        List<List<Integer>> parts = new ArrayList<>();
        for (int p = 0; p < fractions.length; p++) {
            parts.add(new ArrayList<>());
        }
        for (List<Integer> members : byClass(y, classes, seed)) {
            int n = members.size();
            int start = 0;
            double cumulative = 0;
            for (int p = 0; p < fractions.length; p++) {
                cumulative += fractions[p];
                int end = p == fractions.length - 1 ? n : (int) Math.round(cumulative * n);
                parts.get(p).addAll(members.subList(start, Math.max(start, end)));
                start = Math.max(start, end);
            }
        }
        int[][] out = new int[fractions.length][];
        for (int p = 0; p < out.length; p++) {
            out[p] = parts.get(p).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return out;
    }

    /** A fold number (0..k-1) per example; each class is dealt round-robin over the folds after shuffling. */
    static int[] folds(int[] y, int classes, int k, long seed) {
        int[] fold = new int[y.length];
        int next = 0;
        for (List<Integer> members : byClass(y, classes, seed)) {
            for (int i : members) {
                fold[i] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }

    /** The indices whose fold is (or, with {@code in} false, is not) {@code f}. */
    static int[] select(int[] fold, int f, boolean in) {
        return IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == in).toArray();
    }
}
