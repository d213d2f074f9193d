package dev.nlpipe.bert.wordpiece;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.testing.TempFiles;
import dev.nlpipe.core.testing.TrainingRuns;
import dev.nlpipe.nn.bert.BertTokenizer;
import dev.nlpipe.nn.bert.HfReference;
import dev.nlpipe.nn.bert.TokenizerCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code task: tokenize.wordpiece} as {@code nlpipe train} runs it, and the {@code tokenize.wordpiece} kind. */
class WordPieceTaskTest {
    private static final List<String> LINES = List.of(
            "The tokenizer learns pieces of words from raw text.",
            "Pieces, words and tokenizers: tokenization learns from the text.",
            "北京是中国的首都，上海是中国最大的城市。",
            "我们在北京学习中文和英文。",
            "Tokenizers split unseen words into known pieces.",
            "中文的每一个汉字都是一个词。");

    @TempDir
    Path dir;

    private Path train(String model) throws IOException {
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            corpus.addAll(LINES);
        }
        Path data = TempFiles.write(dir.resolve("corpus/train.txt"), String.join("\n", corpus) + "\n");
        TempFiles.write(dir.resolve("corpus/test.txt"), "Tokenizers learn 北京 and zebras.\n");
        return TrainingRuns.train(dir, """
                task: tokenize.wordpiece
                data: { train: %s, test: %s, format: text }
                model: { vocabSize: 300%s }
                """.formatted(data, dir.resolve("corpus/test.txt"), model), "wp");
    }

    @Test
    void writesAModelDirectoryWithVocabTokenizerJsonAndMetrics() throws IOException {
        Path out = train(", lowercase: true");
        JsonNode meta = DocumentJson.mapper().readTree(out.resolve("model.json").toFile());
        assertEquals("tokenize.wordpiece", meta.get("kind").asText());
        int size = meta.get("vocabSize").asInt();
        assertTrue(size > 100 && size <= 300, "size " + size);
        assertTrue(meta.get("normalization").get("lowercase").asBoolean());
        assertEquals(size, Files.readAllLines(out.resolve("vocab.txt")).size());
        JsonNode metrics = DocumentJson.mapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(120, metrics.get("documents").asInt());
        assertTrue(metrics.get("merges").asInt() > 0);
        assertTrue(metrics.get("test").get("unknownRate").asDouble() > 0, "zebras has letters the corpus lacks");
    }

    @Test
    void theDirectoryLoadsThroughTheKindRegistry() throws IOException {
        Path out = train("");
        BertTokenizer t = ModelKinds.get().load(out, BertTokenizer.class, LoadOptions.DEFAULT);
        for (String line : LINES) {
            assertFalse(t.tokenize(line).contains("[UNK]"), line);
        }
        assertEquals(List.of("[CLS]", "北", "京", "[SEP]"), List.of(t.encode("北京").tokens()));
        assertEquals(512, t.truncation().maxLength());
    }

    @Test
    void theKindIsRegisteredAsATokenizer() {
        assertEquals(List.of(WordPieceModelKind.KIND), ModelKinds.get().namesOf(BertTokenizer.class));
    }

    @Test
    void maxLengthZeroWritesNoTruncation() throws IOException {
        assertNull(BertTokenizer.load(train(", maxLength: 0")).truncation());
    }

    @Test
    void huggingFaceLoadsTheTokenizerJsonAndGivesTheSameIds() throws IOException {
        Path out = train(", lowercase: true");
        BertTokenizer mine = BertTokenizer.load(out).withTruncation(null);
        try (HuggingFaceTokenizer hf = HfReference.djl(Files.readAllBytes(out.resolve("tokenizer.json")), 0)) {
            List<String> texts = new ArrayList<>(LINES);
            texts.addAll(TokenizerCases.read());
            for (String text : texts) {
                assertNull(HfReference.compare(mine.encode(text), hf.encode(text), text, null), text);
            }
        }
    }

    @Test
    void everySpecialTokenIsMatchedWholeAsHuggingFacesTrainerMakesThem() throws IOException {
        Path out = train(", lowercase: true, specialTokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', '[E1]', '<num>']");
        BertTokenizer t = BertTokenizer.load(out).withTruncation(null).withSpecialTokens(false);
        assertEquals(List.of("[E1]", "the", "<num>", "[MASK]"), t.tokenize("[E1] the <num> [MASK]"));
        assertEquals(7, t.addedTokens().stream().filter(a -> a.special()).count());
        try (HuggingFaceTokenizer hf = HfReference.djl(Files.readAllBytes(out.resolve("tokenizer.json")), 0)) {
            String text = "[E1] Tokenizers <num> 北京";
            assertNull(HfReference.compare(BertTokenizer.load(out).withTruncation(null).encode(text), hf.encode(text), text, null));
        }
    }

    @Test
    void specialTokensWithoutUnkAreAConfigurationError() {
        assertThrows(ConfigException.class, () -> train(", specialTokens: ['[CLS]', '[SEP]']"));
    }

    @Test
    void aBlankSpecialTokenIsRefusedBeforeTheCorpusIsRead() {
        // found after the whole corpus was read, as "an added token needs a content", naming no option
        ConfigException e = assertThrows(ConfigException.class, () -> train(", specialTokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '']"));
        assertTrue(e.getMessage().contains("specialTokens") && e.getMessage().contains("empty or blank token"), e.getMessage());
    }

    @Test
    void aNegativeMinFrequencyIsAConfigurationError() {
        assertThrows(ConfigException.class, () -> train(", minFrequency: -1"));
    }

    @Test
    void aMaxLengthOfOneOrTwoIsRefusedAsItLeavesNoPiece() {
        ConfigException e = assertThrows(ConfigException.class, () -> train(", maxLength: 2"));
        assertTrue(e.getMessage().contains("at least 3"), e.getMessage());
    }

    @Test
    void dataWithoutDocumentsIsRefusedNotTrainedIntoTheSpecialTokensAlone() throws IOException {
        Path blank = TempFiles.write(dir.resolve("blank-data/train.txt"), "\n\n");
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingRuns.train(dir, """
                task: tokenize.wordpiece
                data: { train: %s, format: text }
                model: { vocabSize: 300 }
                """.formatted(blank), "blank"));
        assertTrue(e.getMessage().contains("data.train: no documents in"), e.getMessage());
    }
}
