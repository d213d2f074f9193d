package dev.nlpipe.bert.mlm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabulariesTest {
    @TempDir
    Path dir;

    @Test
    void aVocabTxtIsNormalizedAsItsTokenizerConfigSaysAsTheImportReadsIt() throws IOException {
        Files.write(dir.resolve("vocab.txt"), List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "café", "cafe"));
        // lowercased but accents kept, as some multilingual models set it
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"do_lower_case\": true, \"strip_accents\": false}");
        assertEquals(List.of("[CLS]", "café", "[SEP]"), List.of(Vocabularies.load(dir).encode("CAFÉ").tokens()));
        Files.delete(dir.resolve("tokenizer_config.json"));
        assertEquals(List.of("[CLS]", "cafe", "[SEP]"), List.of(Vocabularies.load(dir).encode("CAFÉ").tokens()),
                "BERT's defaults: lowercase and strip accents");
    }
}
