package dev.nlpipe.ner.lattice;

import ai.djl.Device;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.ner.bilstm.Featurizer;
import dev.nlpipe.ner.lexicon.Lexicon;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trained Lattice LSTM tagger: its architecture ({@link LatticeSpec}), character vocabularies and
 * tag set, lexicon and weights held on the Java heap. Immutable and shareable; {@link #predictorOn}
 * makes the per-thread objects that run it, and {@link LatticeKind} loads it as a
 * {@link dev.nlpipe.core.model.Tagger}.
 *
 * <p>Its model directory holds {@code model.json} (kind {@value #KIND}, the network description,
 * the lexicon's description and checksum, labels, provenance, metrics), {@code vocab.json},
 * {@code lexicon.txt} and {@code weights.bin}.
 */
public final class LatticeModel {
    /** The model kind in {@code model.json}. */
    public static final String KIND = "ner.lattice-lstm";
    /** The newest format version this build writes and reads. */
    public static final int FORMAT = 1;
    static final String VOCAB = "vocab.json";
    static final String WEIGHTS = "weights.bin";
    private final LatticeSpec spec;
    private final Featurizer featurizer;
    private final Lexicon lexicon;
    private final Map<String, TensorFile.Tensor> weights;

    LatticeModel(LatticeSpec spec, Featurizer featurizer, Lexicon lexicon, Map<String, TensorFile.Tensor> weights) {
        this.spec = spec;
        this.featurizer = featurizer;
        this.lexicon = lexicon;
        this.weights = weights;
    }

    /** Loads and checks a model directory; a bad directory gives a {@link ModelException} saying what is wrong. */
    public static LatticeModel load(Path dir) {
        return load(dir, ModelDir.read(dir, FORMAT, KIND));
    }

    /** Loads a model directory whose {@code model.json} was read and checked. */
    static LatticeModel load(Path dir, ModelMeta meta) {
        try {
            LatticeSpec spec = LatticeSpec.fromMap(meta.getMap("network"));
            Lexicon lexicon = Lexicon.load(dir, meta.getMap("lexicon"));
            Featurizer f = Featurizer.load(dir.resolve(VOCAB), spec.chars());
            LatticeModel model = new LatticeModel(spec, f, lexicon, TensorFile.read(dir.resolve(WEIGHTS)));
            model.predictorOn(Device.cpu()).close();
            return model;
        } catch (IOException | RuntimeException e) {
            throw ModelException.cannotLoad(dir, e);
        }
    }

    /**
     * Writes {@code vocab.json}, {@code lexicon.txt} and {@code weights.bin} into a model directory
     * being built; returns the lexicon's description for {@code model.json}.
     */
    Map<String, Object> save(Path dir) throws IOException {
        Files.createDirectories(dir);
        featurizer.save(dir.resolve(VOCAB));
        TensorFile.write(dir.resolve(WEIGHTS), weights);
        return lexicon.save(dir);
    }

    /** The architecture. */
    public LatticeSpec spec() {
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

    Lexicon lexicon() {
        return lexicon;
    }

    /** A predictor with its own copy of the weights on {@code device}; one per thread. */
    public LatticePredictor predictorOn(Device device) {
        return Params.bindCopy(device, weights, p -> new LatticePredictor(this, LatticeNetwork.bind(spec.chars(), tags(), p)));
    }
}
