package dev.nlpipe.ner.bilstm;

import ai.djl.Device;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trained BiLSTM-CRF tagger: its architecture ({@link BiLstmCrfSpec}), vocabularies and tag set, and
 * weights held on the Java heap. Immutable and shareable; {@link #predictorOn} makes the per-thread
 * objects that run it, and {@link BiLstmCrfKind} loads it as a {@link dev.nlpipe.core.model.Tagger}.
 *
 * <p>Its model directory holds {@code model.json} (kind {@value #KIND}, the network description,
 * labels, provenance, metrics), {@code vocab.json} and {@code weights.bin}.
 */
public final class BiLstmCrfModel {
    /** The model kind in {@code model.json}. */
    public static final String KIND = "ner.bilstm-crf";
    /** The newest format version this build writes and reads. */
    public static final int FORMAT = 1;
    static final String VOCAB = "vocab.json";
    static final String WEIGHTS = "weights.bin";
    private final BiLstmCrfSpec spec;
    private final Featurizer featurizer;
    private final Map<String, TensorFile.Tensor> weights;

    BiLstmCrfModel(BiLstmCrfSpec spec, Featurizer featurizer, Map<String, TensorFile.Tensor> weights) {
        this.spec = spec;
        this.featurizer = featurizer;
        this.weights = weights;
    }

    /** Loads and checks a model directory; a bad directory gives a {@link ModelException} saying what is wrong. */
    public static BiLstmCrfModel load(Path dir) {
        return load(dir, ModelDir.read(dir, FORMAT, KIND));
    }

    /** Loads a model directory whose {@code model.json} was read and checked. */
    static BiLstmCrfModel load(Path dir, ModelMeta meta) {
        try {
            BiLstmCrfSpec spec = BiLstmCrfSpec.fromMap(meta.getMap("network"));
            Featurizer f = Featurizer.load(dir.resolve(VOCAB), spec);
            Map<String, TensorFile.Tensor> w = TensorFile.read(dir.resolve(WEIGHTS));
            BiLstmCrfModel model = new BiLstmCrfModel(spec, f, w);
            model.predictorOn(Device.cpu()).close();
            return model;
        } catch (IOException | RuntimeException e) {
            throw ModelException.cannotLoad(dir, e);
        }
    }

    /** The architecture a model directory's {@code model.json} records, without loading its weights. */
    static BiLstmCrfSpec describe(Path dir, ModelMeta meta) {
        try {
            return BiLstmCrfSpec.fromMap(meta.getMap("network"));
        } catch (RuntimeException e) {
            throw ModelException.cannotLoad(dir, e);
        }
    }

    /** Writes {@code vocab.json} and {@code weights.bin} into a model directory being built. */
    void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        featurizer.save(dir.resolve(VOCAB));
        TensorFile.write(dir.resolve(WEIGHTS), weights);
    }

    /** The architecture. */
    public BiLstmCrfSpec spec() {
        return spec;
    }

    /** The tag set, {@code O} first. */
    public List<String> tags() {
        return featurizer.tags.tags();
    }

    /** The entity types the model predicts. */
    public Set<String> types() {
        return featurizer.tags.types();
    }

    Featurizer featurizer() {
        return featurizer;
    }

    /** A predictor with its own copy of the weights on {@code device}; one per thread. */
    public BiLstmCrfPredictor predictorOn(Device device) {
        return Params.bindCopy(device, weights, p -> new BiLstmCrfPredictor(this, BiLstmCrfNetwork.bind(spec, featurizer, p)));
    }
}
