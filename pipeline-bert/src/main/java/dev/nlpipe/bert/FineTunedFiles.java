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
import java.util.Map;

/**
 * The files of a fine-tuned BERT model directory beside its {@code model.json}, named as Hugging
 * Face names them: {@code config.json} (the encoder), {@code model.safetensors} (the encoder under
 * {@value #ENCODER_PREFIX} and the task's head), {@code vocab.txt} and {@code tokenizer.json}.
 *
 * @param config the encoder's sizes
 * @param tokenizer the tokenizer it was trained with
 * @param weights every weight, on the Java heap
 */
public record FineTunedFiles(BertConfig config, BertTokenizer tokenizer, Map<String, TensorFile.Tensor> weights) {
    /** Where the encoder's weights sit in a task model, as in Hugging Face's {@code BertFor...} models. */
    public static final String ENCODER_PREFIX = "bert.";

    /** Writes the files into a directory being built. */
    public void write(Path dir) throws IOException {
        PretrainedEncoder.writeWeights(dir, config, weights);
        tokenizer.save(dir);
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
