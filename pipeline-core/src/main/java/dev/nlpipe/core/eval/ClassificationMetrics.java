package dev.nlpipe.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Single-label classification scores, computed the way scikit-learn's {@code classification_report}
 * does: per-class precision, recall and F1 (0 where undefined), their macro average (unweighted
 * mean over classes) and weighted average (by support), micro F1 (equal to accuracy for
 * single-label data) and the confusion matrix (rows gold, columns predicted, in label order).
 */
public final class ClassificationMetrics {
    private final List<String> labels;
    private final long[][] confusion;
    private final long total;

    private ClassificationMetrics(List<String> labels, long[][] confusion, long total) {
        this.labels = List.copyOf(labels);
        this.confusion = confusion;
        this.total = total;
    }

    /**
     * Scores predictions against gold labels given as indices into {@code labels}.
     *
     * @param labels the class names; index {@code i} is class {@code i}
     * @param gold gold class per example
     * @param predicted predicted class per example
     */
    public static ClassificationMetrics of(List<String> labels, int[] gold, int[] predicted) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException("gold and predicted differ in length: " + gold.length + " vs " + predicted.length);
        }
        int k = labels.size();
        long[][] m = new long[k][k];
        for (int i = 0; i < gold.length; i++) {
            m[gold[i]][predicted[i]]++;
        }
        return new ClassificationMetrics(labels, m, gold.length);
    }

    public List<String> labels() {
        return labels;
    }

    /** Number of examples scored. */
    public long total() {
        return total;
    }

    /** The confusion matrix: {@code [gold][predicted]} counts. */
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        return ratio(correct, total);
    }

    /** Examples whose gold class is {@code c}. */
    public long support(int c) {
        long s = 0;
        for (long v : confusion[c]) {
            s += v;
        }
        return s;
    }

    private long predictedAs(int c) {
        long s = 0;
        for (long[] row : confusion) {
            s += row[c];
        }
        return s;
    }

    public double precision(int c) {
        return ratio(confusion[c][c], predictedAs(c));
    }

    public double recall(int c) {
        return ratio(confusion[c][c], support(c));
    }

    public double f1(int c) {
        return f1(precision(c), recall(c));
    }

    /** Unweighted mean of the per-class precisions. */
    public double macroPrecision() {
        return classMean(this::precision);
    }

    /** Unweighted mean of the per-class recalls. */
    public double macroRecall() {
        return classMean(this::recall);
    }

    /** Unweighted mean of the per-class F1 scores (scikit-learn's {@code f1_score(average='macro')}). */
    public double macroF1() {
        return classMean(this::f1);
    }

    /**
     * The mean over the classes that occur in the gold labels or the predictions, as scikit-learn
     * takes them ({@code unique_labels(y_true, y_pred)}): a class the model knows but this data
     * neither has nor gets (a rare class missing from a fold) counts for nothing, not as a zero.
     */
    private double classMean(java.util.function.IntToDoubleFunction score) {
        double s = 0;
        int present = 0;
        for (int c = 0; c < labels.size(); c++) {
            if (support(c) + predictedAs(c) > 0) {
                s += score.applyAsDouble(c);
                present++;
            }
        }
        return present == 0 ? 0 : s / present;
    }

    /** F1 of the pooled counts; for single-label data this equals accuracy. */
    public double microF1() {
        return accuracy();
    }

    /** Mean of the per-class F1 scores weighted by support. */
    public double weightedF1() {
        double s = 0;
        for (int c = 0; c < labels.size(); c++) {
            s += f1(c) * support(c);
        }
        return ratio(s, total);
    }

    /**
     * The scores as a JSON-ready map: {@code accuracy, macro_precision, macro_recall, macro_f1,
     * micro_f1, weighted_f1, support, per_class {label: {precision, recall, f1, support}}, labels,
     * confusion}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy());
        m.put("macro_precision", macroPrecision());
        m.put("macro_recall", macroRecall());
        m.put("macro_f1", macroF1());
        m.put("micro_f1", microF1());
        m.put("weighted_f1", weightedF1());
        m.put("support", total);
        Map<String, Object> per = new LinkedHashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("precision", precision(c));
            e.put("recall", recall(c));
            e.put("f1", f1(c));
            e.put("support", support(c));
            per.put(labels.get(c), e);
        }
        m.put("per_class", per);
        m.put("labels", labels);
        List<List<Long>> rows = new ArrayList<>();
        for (long[] row : confusion) {
            List<Long> r = new ArrayList<>(row.length);
            for (long v : row) {
                r.add(v);
            }
            rows.add(r);
        }
        m.put("confusion", rows);
        return m;
    }

    /** A printable report: per-class table, averages and the confusion matrix. */
    public String format() {
        int w = Math.max(12, labels.stream().mapToInt(String::length).max().orElse(0) + 2);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%" + w + "s %9s %9s %9s %9s%n", "", "precision", "recall", "f1", "support"));
        for (int c = 0; c < labels.size(); c++) {
            sb.append(String.format(Locale.ROOT, "%" + w + "s %9.4f %9.4f %9.4f %9d%n", labels.get(c), precision(c), recall(c), f1(c), support(c)));
        }
        sb.append(String.format(Locale.ROOT, "%" + w + "s %9s %9s %9.4f %9d%n", "accuracy", "", "", accuracy(), total));
        sb.append(String.format(Locale.ROOT, "%" + w + "s %9.4f %9.4f %9.4f %9d%n", "macro avg", macroPrecision(), macroRecall(), macroF1(), total));
        sb.append(String.format(Locale.ROOT, "%" + w + "s %9s %9s %9.4f %9d%n", "weighted avg", "", "", weightedF1(), total));
        sb.append("confusion (rows gold, columns predicted):\n");
        sb.append(String.format(Locale.ROOT, "%" + w + "s", ""));
        for (String l : labels) {
            sb.append(String.format(Locale.ROOT, " %9s", abbreviate(l)));
        }
        sb.append('\n');
        for (int c = 0; c < labels.size(); c++) {
            sb.append(String.format(Locale.ROOT, "%" + w + "s", labels.get(c)));
            for (long v : confusion[c]) {
                sb.append(String.format(Locale.ROOT, " %9d", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 9 ? s : s.substring(0, 8) + "…";
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
