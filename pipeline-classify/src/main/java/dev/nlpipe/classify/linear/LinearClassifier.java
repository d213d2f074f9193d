package dev.nlpipe.classify.linear;

import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TextClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A {@code classify.linear} model directory loaded for prediction: {@code model.json} (labels,
 * classifier settings, features, the preprocessing stages it was trained behind, the input format,
 * grid search and metrics), {@code weights.bin}, and {@code features/} for a fitted vectorizer.
 * Runs on the Java heap, with no neural engine; thread-safe. {@link LinearClassifierKind} loads it
 * for the {@code classify} stage.
 */
public final class LinearClassifier implements TextClassifier {
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

    LinearClassifier(Path dir, ModelMeta meta, List<String> labels, LinearModel linear, Features features) {
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
    public static LinearClassifier load(Path dir) {
        return load(dir, ModelDir.read(dir, FORMAT_VERSION, KIND));
    }

    /** Loads a model directory whose {@code model.json} was read and checked. */
    static LinearClassifier load(Path dir, ModelMeta meta) {
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
            throw new ModelException(dir, "cannot read " + WEIGHTS + ": " + IoErrors.describe(e));
        }
        if (linear.classes() != labels.size()) {
            throw new ModelException(dir, WEIGHTS + " has " + linear.classes() + " classes but model.json lists " + labels.size());
        }
        Features features = Features.load(dir, meta.getMap("features"));
        if (features.dimension() != linear.dimension() && !(features instanceof Features.FromLayer)) {
            throw new ModelException(dir, "features have " + features.dimension() + " columns but the weights " + linear.dimension());
        }
        return new LinearClassifier(dir, meta, labels, linear, features);
    }

    public Path dir() {
        return dir;
    }

    public ModelMeta meta() {
        return meta;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    LinearModel linear() {
        return linear;
    }

    /** The layers a preprocessed document needs for {@link #scores}. */
    @Override
    public Set<Layer> requires() {
        return features.requires();
    }

    /** The feature vector of a preprocessed document. */
    public SparseVector features(Document doc) {
        return features.apply(doc);
    }

    /** A score per label (probabilities for logistic regression, decision values for the SVM); the argmax is the prediction. */
    @Override
    public double[] scores(Document doc) {
        return linear.scores(features.apply(doc));
    }

    /** For a binary model, the decision value {@code w·x + b} (unsaturated, unlike the probability). */
    @Override
    public double margin(Document doc) {
        return linear.binary() ? linear.decision(features.apply(doc)) : TextClassifier.super.margin(doc);
    }

    /** Scores and margins from one feature vector per document. */
    @Override
    public List<Scored> score(List<Document> docs) {
        List<Scored> out = new java.util.ArrayList<>(docs.size());
        for (Document d : docs) {
            SparseVector x = features.apply(d);
            // the class by decision value, as scikit-learn's predict: one-vs-rest probabilities can tie at 1
            out.add(new Scored(linear.scores(x), linear.binary() ? linear.decision(x) : Double.NaN, linear.predict(x)));
        }
        return out;
    }

    /** Nothing to free: the model lives on the Java heap. */
    @Override
    public void close() {
    }
}
