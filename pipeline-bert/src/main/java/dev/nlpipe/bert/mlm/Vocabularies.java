package dev.nlpipe.bert.mlm;

import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.nn.bert.BertNormalization;
import dev.nlpipe.nn.bert.BertTokenizer;
import dev.nlpipe.nn.bert.WordPieceVocabulary;
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
     * lowercased as its {@code model.json} ({@code tokenizer.lowercase}) says, or normalized as Hugging
     * Face's {@code tokenizer_config.json} says ({@link BertNormalization#ofTokenizerConfig}: lowercasing,
     * accents and Chinese characters, BERT's defaults where it is silent), as the import reads it.
     */
    static BertTokenizer load(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            return BertTokenizer.load(dir);
        }
        Path vocab = dir.resolve("vocab.txt");
        if (Files.isRegularFile(dir.resolve(ModelDir.MODEL_JSON))
                && ModelDir.read(dir).get("tokenizer") instanceof Map<?, ?> m && m.get("lowercase") instanceof Boolean b) {
            return BertTokenizer.fromVocab(vocab, b);
        }
        return BertTokenizer.of(WordPieceVocabulary.read(vocab), BertNormalization.ofTokenizerConfig(dir));
    }
}
