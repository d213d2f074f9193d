package dev.nlpipe.ner.bilstm;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trained BiLSTM-CRF tagger: its architecture ({@link NerSpec}), vocabularies and tag set, and
 * weights held on the Java heap. Immutable and shareable; {@link #predictor} makes the per-thread
 * objects that run it.
 *
 * <p>Its model directory holds {@code model.json} (kind {@value #KIND}, the network description,
 * labels, provenance, metrics), {@code vocab.json} and {@code weights.bin}.
 */
public final class NerModel {
    /** The model kind in {@code model.json}. */
    public static final String KIND = "ner.bilstm-crf";
    /** The newest format version this build writes and reads. */
    public static final int FORMAT = 1;
    static final String VOCAB = "vocab.json";
    static final String WEIGHTS = "weights.bin";
    private final NerSpec spec;
    private final Featurizer featurizer;
    private final Map<String, TensorFile.Tensor> weights;

    NerModel(NerSpec spec, Featurizer featurizer, Map<String, TensorFile.Tensor> weights) {
        this.spec = spec;
        this.featurizer = featurizer;
        this.weights = weights;
    }

    /** Loads and checks a model directory; a bad directory gives a {@link ModelException} saying what is wrong. */
    public static NerModel load(Path dir) {
        ModelMeta meta = ModelDir.read(dir, FORMAT, KIND);
        try {
            NerSpec spec = NerSpec.fromMap(meta.getMap("network"));
            @SuppressWarnings("unchecked")
            Map<String, Object> vocab = DocumentJson.mapper().readValue(dir.resolve(VOCAB).toFile(), LinkedHashMap.class);
            Featurizer f = Featurizer.fromVocabularies(spec, vocab);
            Map<String, TensorFile.Tensor> w = TensorFile.read(dir.resolve(WEIGHTS));
            NerModel model = new NerModel(spec, f, w);
            model.predictorOn(Device.cpu()).close();
            return model;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelException(dir, "is incomplete: " + Path.of(e.getFile()).getFileName() + " is missing");
        } catch (IOException | RuntimeException e) {
            throw new ModelException(dir, "cannot be loaded: " + e.getMessage());
        }
    }

    /** The architecture recorded in a model directory, without loading its weights. */
    public static NerSpec describe(Path dir) {
        ModelMeta meta = ModelDir.read(dir, FORMAT, KIND);
        try {
            return NerSpec.fromMap(meta.getMap("network"));
        } catch (RuntimeException e) {
            throw new ModelException(dir, "has a damaged network description in model.json: " + e.getMessage());
        }
    }

    /** Writes {@code vocab.json} and {@code weights.bin} into a model directory being built. */
    void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        ModelDir.writeJson(dir.resolve(VOCAB), featurizer.vocabularies());
        TensorFile.write(dir.resolve(WEIGHTS), weights);
    }

    /** The architecture. */
    public NerSpec spec() {
        return spec;
    }

    /** The tag set, {@code O} first. */
    public List<String> tags() {
        return featurizer.tags;
    }

    /** The entity types the model predicts. */
    public Set<String> types() {
        Set<String> out = new TreeSet<>();
        for (String t : featurizer.tags) {
            if (!t.equals("O")) {
                out.add(dev.nlpipe.core.tag.TagScheme.type(t));
            }
        }
        return out;
    }


    Featurizer featurizer() {
        return featurizer;
    }

    /** A predictor with its own copy of the weights on {@code device}; one per thread. */
    public NerPredictor predictorOn(Device device) {
        Params p = new Params(device, false);
        try {
            weights.forEach((name, t) -> p.put(name, new Shape(t.shape()), t.values()));
            return new NerPredictor(this, BiLstmCrfNetwork.bind(spec, featurizer, p));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }
}
