package dev.nlpipe.bert;

import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.nn.SafeTensorsFile;
import dev.nlpipe.nn.TensorFile;
import dev.nlpipe.nn.bert.BertConfig;
import dev.nlpipe.nn.bert.BertTokenizer;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a fine-tuned BERT model directory beside its {@code model.json}, named as Hugging
 * Face names them: {@code config.json} (the encoder), {@code model.safetensors} (the encoder under
 * {@value #ENCODER_PREFIX} and the task's head), {@code vocab.txt} and {@code tokenizer.json}.
 *
 * @param config the encoder's sizes
 * @param tokenizer the tokenizer it was trained with, cut where the model stops reading: its truncation is
 *     written as {@code model_max_length}, where Hugging Face's tokenizers cut (none without one)
 * @param weights every weight, on the Java heap
 */
public record FineTunedFiles(BertConfig config, BertTokenizer tokenizer, Map<String, TensorFile.Tensor> weights) {
    /** Where the encoder's weights sit in a task model, as in Hugging Face's {@code BertFor...} models. */
    public static final String ENCODER_PREFIX = "bert.";
    /** The task head's output layer, one row per label or tag, as Hugging Face's {@code BertFor...} models name it. */
    public static final String OUTPUT_WEIGHT = "classifier.weight";

    /** Writes the files into a directory being built. */
    public void write(Path dir) throws IOException {
        write(dir, Map.of());
    }

    /**
     * Writes the files into a directory being built, with the task's entries in {@code config.json}.
     *
     * @param taskConfig Hugging Face's keys for the task model ({@code architectures}, {@code id2label}...)
     */
    public void write(Path dir, Map<String, Object> taskConfig) throws IOException {
        PretrainedEncoder.writeWeights(dir, config, taskConfig, weights);
        tokenizer.save(dir);
    }

    /**
     * Hugging Face's label entries of {@code config.json} ({@code id2label}, {@code label2id}), by
     * which {@code AutoModelFor...} knows the number of outputs and names its predictions.
     *
     * @param labels the labels in output order
     */
    public static Map<String, Object> labelConfig(List<String> labels) {
        Map<String, Object> id2label = new LinkedHashMap<>();
        Map<String, Object> label2id = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            id2label.put(Integer.toString(i), labels.get(i));
            label2id.put(labels.get(i), i);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id2label", id2label);
        m.put("label2id", label2id);
        return m;
    }

    /**
     * Checks what {@code model.json} says against these files, so an edited or mismatched
     * {@code model.json} is refused at load instead of failing at the first long text or giving
     * scores for labels the output layer does not have.
     *
     * @param dir the model directory, for the message
     * @param maxLength {@code network.maxLength}: at most the encoder's {@code max_position_embeddings}
     * @param outputName what one output row stands for ("label", "tag")
     * @param outputs how many {@code model.json} lists: the rows of {@code classifier.weight}
     * @throws ModelException naming the disagreement
     */
    public void checkAgainst(Path dir, int maxLength, String outputName, int outputs) {
        if (maxLength < 3 || maxLength > config.maxPositions()) {
            throw new ModelException(dir, "model.json's network.maxLength " + maxLength + " does not fit its encoder (" + config.maxPositions()
                    + " positions in config.json); was model.json edited? Set it back to what training wrote");
        }
        TensorFile.Tensor head = weights.get(OUTPUT_WEIGHT);
        if (head != null && head.shape().length == 2 && head.shape()[0] != outputs) {
            throw new ModelException(dir, "model.json lists " + outputs + " " + outputName + "s, but " + PretrainedEncoder.WEIGHTS + "'s "
                    + OUTPUT_WEIGHT + " has " + head.shape()[0] + " rows; was model.json edited? Set it back to what training wrote");
        }
    }

    /**
     * Reads the files of a model directory.
     *
     * @throws ModelException saying what is missing or damaged
     */
    public static FineTunedFiles read(Path dir) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> hf = DocumentJson.mapper().readValue(dir.resolve(PretrainedEncoder.CONFIG).toFile(), LinkedHashMap.class);
            Map<String, TensorFile.Tensor> weights = SafeTensorsFile.read(dir.resolve(PretrainedEncoder.WEIGHTS));
            BertConfig config = BertConfig.fromHuggingFace(hf, weights.containsKey(ENCODER_PREFIX + "pooler.dense.weight"));
            return new FineTunedFiles(config, PretrainedEncoder.tokenizerOf(dir), weights);
        } catch (IOException | IllegalArgumentException e) {
            throw ModelException.cannotLoad(dir, e);
        }
    }
}
