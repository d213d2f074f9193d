package dev.nlpipe.embed.io;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.io.DocumentWriter;
import dev.nlpipe.core.io.WriterProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code svmlight} (alias {@code libsvm}): one line per document, {@code LABEL INDEX:VALUE ...}
 * with indices ascending (1-based like libsvm's tools unless {@code zeroBased}), as scikit-learn's
 * {@code load_svmlight_file} reads it. Several gold labels are written comma-separated
 * (multilabel).
 */
public class SvmlightWriter implements WriterProvider {

    /** The same format under libsvm's name. */
    public static final class Libsvm extends SvmlightWriter {
        @Override
        public String name() {
            return "libsvm";
        }
    }

    @Override
    public String name() {
        return "svmlight";
    }

    @Override
    public String description() {
        return "svmlight/libsvm sparse rows: label index:value ... (a document's vector and label)";
    }

    @Override
    public String extension() {
        return "svm";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.string("vector", null, "name of the vector to write (default: the document's first vector)"),
                OptionSpec.bool("zeroBased", false, "write column indices from 0 (scikit-learn's dump default) instead of 1 (libsvm)"),
                OptionSpec.stringList("labels", null, "label names in order: a label is written as its position (needed for"
                        + " labels that are not numbers)"),
                OptionSpec.string("unlabeled", "0", "written for documents without a label (with labels given, no default: 0 would"
                        + " be the first label's position)"));
    }

    /** A row per document's vector: a pipeline without a vectorizer would write no document. */
    @Override
    public Set<Layer> requires(Options options) {
        return Set.of(Layer.VECTORS);
    }

    @Override
    public DocumentWriter create(Options options) {
        String vector = options.getString("vector");
        int base = options.getBoolean("zeroBased") ? 0 : 1;
        List<String> labels = options.get("labels") == null ? null : options.getStringList("labels");
        // with named labels, 0 is the first label's position: an unlabelled document must not silently become one of it
        String unlabeled = labels != null && !options.isSet("unlabeled") ? null : options.getString("unlabeled");
        return (doc, out) -> {
            SparseVector v = VectorColumns.of(doc, vector, name());
            out.append(label(doc, labels, unlabeled));
            int[] idx = v.indices();
            double[] val = v.values();
            for (int i = 0; i < idx.length; i++) {
                out.append(' ').append(idx[i] + base).append(':').append(val[i]);
            }
            out.append('\n');
        };
    }

    private static String label(Document doc, List<String> labels, String unlabeled) {
        Map<String, Double> all = doc.labels();
        List<String> gold = new ArrayList<>();
        boolean multiHot = all != null && all.values().stream().allMatch(v -> v == 0.0 || v == 1.0);
        if (all != null) {
            all.forEach((k, v) -> {
                if (v == 1.0) {
                    gold.add(k);
                }
            });
        }
        // no label, or labels all scored 0 (a multi-hot row with none set): the unlabelled value, not the first of the zeros
        if (all == null || all.isEmpty() || multiHot && gold.isEmpty()) {
            if (unlabeled == null) {
                throw new IllegalArgumentException("output svmlight: document " + doc.id() + " has no label; set output.unlabeled"
                        + " (e.g. -1) to write one for unlabelled documents");
            }
            return unlabeled;
        }
        List<String> chosen = gold.size() > 1 || multiHot ? gold : List.of(doc.topLabel());
        StringBuilder sb = new StringBuilder();
        for (String l : chosen) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(number(l, labels, doc));
        }
        return sb.toString();
    }

    private static String number(String label, List<String> labels, Document doc) {
        if (labels != null) {
            int at = labels.indexOf(label);
            if (at < 0) {
                throw new IllegalArgumentException("output svmlight: document " + doc.id() + " has label '" + label
                        + "', which is not in output.labels " + labels);
            }
            return Integer.toString(at);
        }
        // as Python's float() reads it: Java's parseDouble also takes 3d, 2f, NaN and Infinity, which load_svmlight_file refuses
        if (!PYTHON_FLOAT.matcher(label).matches()) {
            throw new IllegalArgumentException("output svmlight: label '" + label + "' of document " + doc.id()
                    + " is not a number; set output.labels: [...] (label names in order) to write positions instead");
        }
        return label;
    }

    private static final Pattern PYTHON_FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
}
