package dev.nlpipe.classify.linear;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code classify.linear} model directory loaded for prediction: {@code model.json} (labels,
 * classifier settings, features, the preprocessing stages it was trained behind, the input format,
 * grid search and metrics), {@code weights.bin}, and {@code features/} for a fitted vectorizer.
 * Thread-safe.
 */
public final class ClassifierModel {
    /** The model kind in {@code model.json}. */
    public static final String KIND = "classify.linear";
    /** The newest format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The weights file name. */
    public static final String WEIGHTS = "weights.bin";

    private final Path dir;
    private final ModelMeta meta;
    private final List<String> labels;
    private final LinearModel linear;
    private final Features features;

    ClassifierModel(Path dir, ModelMeta meta, List<String> labels, LinearModel linear, Features features) {
        this.dir = dir;
        this.meta = meta;
        this.labels = List.copyOf(labels);
        this.linear = linear;
        this.features = features;
    }

    /**
     * Loads and checks a model directory.
     *
     * @throws ModelException saying what is wrong with it
     */
    public static ClassifierModel load(Path dir) {
        ModelMeta meta = ModelDir.read(dir, FORMAT_VERSION, KIND);
        List<String> labels = meta.getStringList("labels");
        if (labels.size() < 2) {
            throw new ModelException(dir, "model.json lists fewer than two labels");
        }
        Path weights = dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(weights)) {
            throw new ModelException(dir, "has no " + WEIGHTS + "; the model directory is incomplete");
        }
        LinearModel linear;
        try {
            linear = LinearModel.read(weights);
        } catch (IOException e) {
            throw new ModelException(dir, "cannot read " + WEIGHTS + ": " + e.getMessage());
        }
        if (linear.classes() != labels.size()) {
            throw new ModelException(dir, WEIGHTS + " has " + linear.classes() + " classes but model.json lists " + labels.size());
        }
        Features features = Features.load(dir, meta.getMap("features"));
        if (features.dimension() != linear.dimension() && !(features instanceof Features.FromLayer)) {
            throw new ModelException(dir, "features have " + features.dimension() + " columns but the weights " + linear.dimension());
        }
        return new ClassifierModel(dir, meta, labels, linear, features);
    }

    public Path dir() {
        return dir;
    }

    public ModelMeta meta() {
        return meta;
    }

    public List<String> labels() {
        return labels;
    }

    LinearModel linear() {
        return linear;
    }

    /** The layers a preprocessed document needs for {@link #scores}. */
    public Set<Layer> requires() {
        return features.requires();
    }

    /** The feature vector of a preprocessed document. */
    public SparseVector features(Document doc) {
        return features.apply(doc);
    }

    /** A score per label (probabilities for logistic regression, decision values for the SVM); the argmax is the prediction. */
    public double[] scores(Document doc) {
        return linear.scores(features.apply(doc));
    }

    /** The scores by label, in label order. */
    public Map<String, Double> labelScores(Document doc) {
        double[] s = scores(doc);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < s.length; k++) {
            out.put(labels.get(k), s[k]);
        }
        return out;
    }

    /** The preprocessing stages recorded at training, rebuilt (tokenization, segmentation...). */
    public Pipeline preprocessing() {
        Pipeline.Builder b = Pipeline.builder().name("classify-preprocess");
        for (Object o : (List<?>) meta.asMap().getOrDefault("preprocess", List.of())) {
            Map<?, ?> stage = (Map<?, ?>) o;
            @SuppressWarnings("unchecked")
            Map<String, Object> with = stage.get("with") instanceof Map<?, ?> w ? (Map<String, Object>) w : Map.of();
            Object model = stage.get("model");
            b.add(String.valueOf(stage.get("type")), with, model == null ? null : Path.of(model.toString()));
        }
        return b.build();
    }

    /** The input format the training data had: {@code format} and its options. */
    public Map<String, Object> input() {
        return meta.getMap("input");
    }
}
