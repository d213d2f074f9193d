package dev.nlpipe.ner.flat;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.ner.lexicon.Lexicon;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import dev.nlpipe.nn.bert.BertConfig;
import dev.nlpipe.nn.bert.BertTokenizer;
import dev.nlpipe.nn.bert.PieceWindows;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trained FLAT tagger: its architecture ({@link FlatSpec}), vocabularies, lexicon and tag set,
 * the encoder's sizes and tokenizer for FLAT + BERT, and the weights held on the Java heap.
 * Immutable and shareable; {@link #predictorOn} makes the per-thread objects that run it, and
 * {@link FlatKind} loads it as a {@link dev.nlpipe.core.model.Tagger}.
 *
 * <p>Its model directory holds {@code model.json} (kind {@value #KIND}, the network description,
 * the lexicon's description with its checksum, labels, provenance, metrics), {@code vocab.json},
 * {@code weights.bin} (the encoder's weights included) and {@code lexicon.txt}; FLAT + BERT adds the
 * encoder's {@code config.json}, {@code tokenizer.json} and {@code vocab.txt}.
 */
public final class FlatModel {
    /** The model kind in {@code model.json}. */
    public static final String KIND = "ner.flat";
    /** The newest format version this build writes and reads. */
    public static final int FORMAT = 1;
    static final String VOCAB = "vocab.json";
    static final String WEIGHTS = "weights.bin";
    private final FlatSpec spec;
    private final FlatFeaturizer featurizer;
    private final BertConfig encoder;
    private final BertTokenizer tokenizer;
    private final Map<String, TensorFile.Tensor> weights;

    FlatModel(FlatSpec spec, FlatFeaturizer featurizer, BertConfig encoder, BertTokenizer tokenizer, Map<String, TensorFile.Tensor> weights) {
        this.spec = spec;
        this.featurizer = featurizer;
        this.encoder = encoder;
        this.tokenizer = tokenizer;
        this.weights = weights;
    }

    /** Loads and checks a model directory; a bad directory gives a {@link ModelException} saying what is wrong. */
    public static FlatModel load(Path dir) {
        return load(dir, ModelDir.read(dir, FORMAT, KIND));
    }

    /** Loads a model directory whose {@code model.json} was read and checked. */
    static FlatModel load(Path dir, ModelMeta meta) {
        try {
            FlatSpec spec = FlatSpec.fromMap(meta.getMap("network"), dir);
            Lexicon lexicon = Lexicon.load(dir, meta.getMap("lexicon"));
            BertConfig encoder = null;
            BertTokenizer tokenizer = null;
            PieceWindows pieces = null;
            if (spec.hasEncoder()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> hf = DocumentJson.mapper().readValue(dir.resolve(PretrainedEncoder.CONFIG).toFile(), LinkedHashMap.class);
                encoder = BertConfig.fromHuggingFace(hf, false);
                tokenizer = PretrainedEncoder.tokenizerOf(dir);
                pieces = new PieceWindows(tokenizer, spec.encoderMaxLength());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> vocab = DocumentJson.mapper().readValue(dir.resolve(VOCAB).toFile(), LinkedHashMap.class);
            FlatFeaturizer f = FlatFeaturizer.fromVocabularies(spec, vocab, lexicon, pieces);
            FlatModel model = new FlatModel(spec, f, encoder, tokenizer, TensorFile.read(dir.resolve(WEIGHTS)));
            model.predictorOn(Device.cpu()).close();
            return model;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelException(dir, "is incomplete: " + Path.of(e.getFile()).getFileName() + " is missing");
        } catch (ModelException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ModelException.cannotLoad(dir, e);
        }
    }

    /**
     * Writes {@code vocab.json}, {@code weights.bin}, the lexicon and the encoder's files into a model
     * directory being built, and records the lexicon in {@code meta}.
     */
    void save(Path dir, ModelMeta meta) throws IOException {
        Files.createDirectories(dir);
        ModelDir.writeJson(dir.resolve(VOCAB), featurizer.vocabularies());
        TensorFile.write(dir.resolve(WEIGHTS), weights);
        meta.put("lexicon", featurizer.lexicon.save(dir));
        if (encoder != null) {
            ModelDir.writeJson(dir.resolve(PretrainedEncoder.CONFIG), encoder.toHuggingFace());
            tokenizer.save(dir);
        }
    }

    /** The architecture. */
    public FlatSpec spec() {
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

    FlatFeaturizer featurizer() {
        return featurizer;
    }

    /** A predictor with its own copy of the weights on {@code device}; one per thread. */
    public FlatPredictor predictorOn(Device device) {
        Params p = new Params(device, false);
        try {
            weights.forEach((name, t) -> p.put(name, new Shape(t.shape()), t.values()));
            return new FlatPredictor(this, FlatNetwork.bind(spec, tags(), encoder, p));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }
}
