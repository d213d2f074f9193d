package dev.nlpipe.nn.bert;

import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.nn.SafeTensorsFile;
import dev.nlpipe.nn.TensorFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pretrained BERT encoder as an nlpipe model directory (kind {@value #KIND}), written by
 * {@code nlpipe model import} or by masked-LM pre-training: {@code model.json} (provenance, the
 * source and its checksums), and beside it the files a Hugging Face {@code BertModel} directory has
 * — {@code config.json}, {@code model.safetensors} (weights under HF's names), {@code vocab.txt}
 * and {@code tokenizer.json} — so the directory also loads in Python with
 * {@code BertModel.from_pretrained(DIR)}.
 *
 * <p>A directory written by masked-LM pre-training also keeps its MLM head in the same file, under
 * Hugging Face's {@code BertForMaskedLM} names ({@code cls.predictions.*}); they are kept apart in
 * {@link #heads()}, so {@link #weights()} is the encoder alone, what fine-tuning tasks copy.
 *
 * @param dir the directory
 * @param meta its {@code model.json}, read once at load
 * @param config the encoder's sizes
 * @param weights the encoder's weights under Hugging Face's names, on the Java heap
 * @param heads the weights of a pre-training head ({@value #HEAD_PREFIX}...), empty when there is none
 */
public record PretrainedEncoder(Path dir, ModelMeta meta, BertConfig config, Map<String, TensorFile.Tensor> weights,
                                Map<String, TensorFile.Tensor> heads) {
    /** The model kind in {@code model.json}. */
    public static final String KIND = "encoder.bert";
    /** The newest format this build writes and reads. */
    public static final int FORMAT = 1;
    /** Hugging Face's configuration file. */
    public static final String CONFIG = "config.json";
    /** The weights. */
    public static final String WEIGHTS = "model.safetensors";
    /** The word-piece vocabulary, one piece per line in id order. */
    public static final String VOCAB = "vocab.txt";
    /** Hugging Face's tokenizer description. */
    public static final String TOKENIZER = "tokenizer.json";
    /** The prefix of the pre-training heads' weights (Hugging Face's {@code BertForMaskedLM} and {@code BertForPreTraining}). */
    public static final String HEAD_PREFIX = "cls.";

    /** Loads a directory whose {@code model.json} was read and checked. */
    public static PretrainedEncoder load(Path dir, ModelMeta meta) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> hf = DocumentJson.mapper().readValue(dir.resolve(CONFIG).toFile(), LinkedHashMap.class);
            Map<String, TensorFile.Tensor> weights = new LinkedHashMap<>();
            Map<String, TensorFile.Tensor> heads = new LinkedHashMap<>();
            SafeTensorsFile.read(dir.resolve(WEIGHTS)).forEach((name, t) -> (name.startsWith(HEAD_PREFIX) ? heads : weights).put(name, t));
            BertConfig config = BertConfig.fromHuggingFace(hf, weights.containsKey("pooler.dense.weight"));
            if (!Files.isRegularFile(dir.resolve(VOCAB))) {
                throw new ModelException(dir, "is incomplete: " + VOCAB + " is missing");
            }
            return new PretrainedEncoder(dir, meta, config, weights, heads);
        } catch (IOException | IllegalArgumentException e) {
            throw ModelException.cannotLoad(dir, e);
        }
    }

    /** Loads and checks a model directory. */
    public static PretrainedEncoder load(Path dir) {
        return load(dir, ModelDir.read(dir, FORMAT, KIND));
    }

    /**
     * Loads the encoder directory a task names ({@code model.encoder}) through the model-kind
     * registry. A fine-tuned model named in its place (a {@code ner.bert} or {@code classify.bert}
     * directory, which holds the Hugging Face files too) is refused with the command that takes
     * its encoder out, since starting from a fine-tuned encoder is a reasonable thing to want.
     *
     * @throws ModelException saying what is wrong with the directory and how to fix it
     */
    public static PretrainedEncoder open(Path dir, LoadOptions options) {
        try {
            return ModelKinds.get().load(dir, PretrainedEncoder.class, options);
        } catch (ModelException e) {
            // only a refused directory is looked at again, so a good encoder's model.json is read once
            if (!Files.isRegularFile(dir.resolve(CONFIG)) || !Files.isRegularFile(dir.resolve(WEIGHTS))) {
                throw e;
            }
            if (!Files.isRegularFile(dir.resolve(ModelDir.MODEL_JSON))) {
                throw new ModelException(dir, "is a Hugging Face model directory (config.json, model.safetensors), not yet an"
                        + " nlpipe encoder: import it once with `nlpipe model import " + dir + " --output ENCODER_DIR` and name that"
                        + " directory");
            }
            String kind = ModelDir.read(dir).kind();
            if (KIND.equals(kind)) {
                throw e;
            }
            throw new ModelException(dir, "holds a fine-tuned '" + kind + "' model, not an encoder; to start from its"
                    + " encoder, take it out with `nlpipe model import " + dir + " --output ENCODER_DIR` and name that directory");
        }
    }

    /**
     * The encoder's tokenizer: its {@code tokenizer.json}, or its {@code vocab.txt} with the
     * lowercasing {@code model.json} records.
     */
    public BertTokenizer tokenizer() throws IOException {
        return tokenizerOf(dir, meta);
    }

    /**
     * Where a model made from this encoder started, for its {@code model.json}: the directory and the
     * source that directory's {@code model.json} names (a Maven artifact, a Hugging Face directory).
     */
    public Map<String, Object> provenance() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", dir.toString());
        m.put("source", meta.get("source"));
        return m;
    }

    /** The tokenizer of a directory written by this class or by a fine-tuning task. */
    public static BertTokenizer tokenizerOf(Path dir) throws IOException {
        return tokenizerOf(dir, null);
    }

    private static BertTokenizer tokenizerOf(Path dir, ModelMeta meta) throws IOException {
        if (Files.isRegularFile(dir.resolve(TOKENIZER))) {
            return BertTokenizer.fromTokenizerJson(dir.resolve(TOKENIZER));
        }
        Object tokenizer = (meta != null ? meta : ModelDir.read(dir)).get("tokenizer");
        boolean lowercase = !(tokenizer instanceof Map<?, ?> m) || !Boolean.FALSE.equals(m.get("lowercase"));
        return BertTokenizer.fromVocab(dir.resolve(VOCAB), lowercase);
    }

    /**
     * Writes the encoder's files ({@code config.json}, {@code model.safetensors}) into a directory being built.
     */
    public static void writeWeights(Path dir, BertConfig config, Map<String, TensorFile.Tensor> weights) throws IOException {
        writeWeights(dir, config, Map.of(), weights);
    }

    /**
     * Writes {@code config.json} with a task model's own entries beside the encoder's (Hugging
     * Face's {@code architectures}, {@code id2label}, {@code label2id}) and {@code model.safetensors}.
     */
    public static void writeWeights(Path dir, BertConfig config, Map<String, Object> taskConfig, Map<String, TensorFile.Tensor> weights)
            throws IOException {
        Map<String, Object> json = config.toHuggingFace();
        json.putAll(taskConfig);
        ModelDir.writeJson(dir.resolve(CONFIG), json);
        SafeTensorsFile.write(dir.resolve(WEIGHTS), weights);
    }
}
