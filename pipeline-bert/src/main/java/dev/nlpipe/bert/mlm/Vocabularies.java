package dev.nlpipe.bert.mlm;

import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.nn.bert.BertTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The tokenizer of a directory given as {@code vocabulary:}, for an encoder pre-trained from scratch. */
final class Vocabularies {
    private Vocabularies() {
    }

    /**
     * The directory's {@code tokenizer.json} ({@link BertTokenizer#load}), or else its {@code vocab.txt}
     * lowercased as its {@code model.json} ({@code tokenizer.lowercase}) or Hugging Face's
     * {@code tokenizer_config.json} ({@code do_lower_case}) says, lowercasing when neither does (BERT's default).
     */
    static BertTokenizer load(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            return BertTokenizer.load(dir);
        }
        return BertTokenizer.fromVocab(dir.resolve("vocab.txt"), lowercase(dir));
    }

    private static boolean lowercase(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(ModelDir.MODEL_JSON))
                && ModelDir.read(dir).get("tokenizer") instanceof Map<?, ?> m && m.get("lowercase") instanceof Boolean b) {
            return b;
        }
        Path hf = dir.resolve("tokenizer_config.json");
        if (Files.isRegularFile(hf) && DocumentJson.mapper().readValue(hf.toFile(), Map.class).get("do_lower_case") instanceof Boolean b) {
            return b;
        }
        return true;
    }
}
