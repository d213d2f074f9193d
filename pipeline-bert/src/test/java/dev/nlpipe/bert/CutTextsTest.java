package dev.nlpipe.bert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.nn.bert.BertTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CutTextsTest {
    @TempDir
    Path dir;

    @Test
    void theFirstCutTextOfAModelIsSaidOnce() throws IOException {
        Path vocab = Files.write(dir.resolve("vocab.txt"), List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b"));
        BertTokenizer tokenizer = BertTokenizer.fromVocab(vocab, true).withMaxLength(4);
        CutTexts cut = new CutTexts(java.nio.file.Path.of("models/x"), 4, "raise maxLength");
        assertFalse(cut.check(tokenizer.encodeBatch(List.of("a b", "b"))), "texts that fit say nothing");
        assertTrue(cut.check(tokenizer.encodeBatch(List.of("a", "a b a b"))), "[CLS] a b a b [SEP] is cut to 4 pieces");
        assertFalse(cut.check(tokenizer.encodeBatch(List.of("b a b a"))), "once per model, not once per text");
    }
}
