package dev.nlpipe.classify;

import dev.nlpipe.embed.vectorize.PyText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The classes of a classifier, in a fixed order: numerically when every label is a number, else
 * alphabetically (as scikit-learn's {@code classes_}), with a binary task's positive label second.
 */
public final class LabelSet {
    private final List<String> labels;
    private final Map<String, Integer> index = new HashMap<>();

    /** These labels in this order. */
    public LabelSet(List<String> labels) {
        this.labels = List.copyOf(labels);
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
    }

    /**
     * The sorted labels; with {@code positive} given and two labels, that one is put second.
     *
     * @throws IllegalArgumentException when {@code positive} is not one of the labels
     */
    public static LabelSet of(Collection<String> seen, String positive) {
        boolean numeric = seen.stream().allMatch(LabelSet::isNumber);
        // "1" and "1.0" are two labels, as in scikit-learn: equal numbers are ordered by their spelling, not merged
        // Python sorts str by code point; Java's compareTo by UTF-16 unit, which puts characters beyond U+FFFF (emoji)
        // before those from U+E000 (full-width forms) and would swap which of two such labels is the positive one
        Comparator<String> order = numeric ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(PyText.CODE_POINT_ORDER)
                : PyText.CODE_POINT_ORDER;
        TreeSet<String> unique = new TreeSet<>(order);
        unique.addAll(seen);
        List<String> sorted = new ArrayList<>(unique);
        if (positive != null) {
            if (sorted.size() > 2) {
                // it names the positive class of a binary task: with more labels it would change nothing
                throw new IllegalArgumentException("positiveLabel applies to two labels (a binary task); the data has " + sorted.size()
                        + ": remove it");
            }
            if (!sorted.contains(positive)) {
                throw new IllegalArgumentException("positiveLabel '" + positive + "' is not among the labels " + sorted);
            }
            if (sorted.size() == 2 && sorted.get(0).equals(positive)) {
                sorted = List.of(sorted.get(1), sorted.get(0));
            }
        }
        return new LabelSet(sorted);
    }

    /**
     * A decimal number as pandas reads a column of them: not Java's {@code 7d}, {@code 1f}, {@code NaN}
     * or {@code Infinity}, which {@link Double#parseDouble} takes and Python does not, so labels such
     * as {@code 7d}/{@code 30d} sort by code point, as scikit-learn sorts them.
     */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private static boolean isNumber(String s) {
        return DECIMAL.matcher(s).matches();
    }

    /** The labels in order. */
    public List<String> labels() {
        return labels;
    }

    /** The number of labels. */
    public int size() {
        return labels.size();
    }

    /** The label at an index. */
    public String get(int i) {
        return labels.get(i);
    }

    /** The index of a label, or -1. */
    public int indexOf(String label) {
        return index.getOrDefault(label, -1);
    }
}
