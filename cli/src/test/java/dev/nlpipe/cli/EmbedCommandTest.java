package dev.nlpipe.cli;

import static dev.nlpipe.cli.CliTest.nlpipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nlpipe.bert.Pooling;
import dev.nlpipe.bert.embed.SentenceEncoder;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.testing.TempFiles;
import dev.nlpipe.embed.word2vec.VectorFormat;
import dev.nlpipe.embed.word2vec.WordVectors;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import dev.nlpipe.nn.bert.BertConfig;
import dev.nlpipe.nn.bert.BertEncoder;
import dev.nlpipe.nn.bert.BertNormalization;
import dev.nlpipe.nn.bert.BertTokenizer;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import dev.nlpipe.nn.bert.WordPieceVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlpipe embed ...} and {@code nlpipe eval embed} on hand-made vectors, and {@code train} on a tiny corpus. */
class EmbedCommandTest {
    @TempDir
    Path dir;

    private Path vectors() throws IOException {
        String[] words = {"man", "woman", "king", "queen", "apple"};
        float[] m = {1, 0, 0, -1, 0, 0, 1, 1, 0, -1, 1, 0, 0, 0, 1};
        Path f = dir.resolve("v.bin");
        VectorFormat.writeBinary(new WordVectors(words, m, 3), f);
        return f;
    }

    @Test
    void neighborsSimilarityAndAnalogy() throws IOException {
        Path v = vectors();
        CliTest.Result r = nlpipe("embed", "neighbors", v.toString(), "king", "-k", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("man\t0.707107\n"), r.out());
        assertEquals(2, r.out().lines().count());
        r = nlpipe("embed", "similarity", v.toString(), "king", "queen");
        assertEquals("0.000000", r.out().strip());
        r = nlpipe("embed", "analogy", v.toString(), "man", "king", "woman", "-k", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = DocumentJson.mapper().readTree(r.out());
        assertEquals("queen", json.get(0).get("word").asText());
        r = nlpipe("embed", "analogy", v.toString(), "man", "king", "woman", "-k", "1", "--method", "mul");
        assertTrue(r.out().startsWith("queen\t"), r.out());
    }

    @Test
    void aWordInAnotherCaseIsSuggested() throws IOException {
        CliTest.Result r = nlpipe("embed", "neighbors", vectors().toString(), "King");
        assertEquals(ExitCodes.CONFIG, r.code());
        assertTrue(r.err().contains("did you mean 'king'"), r.err());
    }

    @Test
    void aMisspeltWordGetsTheClosestSpelling() throws IOException {
        CliTest.Result r = nlpipe("embed", "neighbors", vectors().toString(), "quen");
        assertTrue(r.err().contains("'queen'"), r.err());
    }

    @Test
    void aMisspeltWordIsNotHiddenByShortWordsOfTheVocabulary() {
        WordVectors v = new WordVectors(new String[] {"the", "e", "en", "er", "government"}, new float[15], 3);
        assertEquals("; did you mean 'government'?", EmbedCommand.suggestion(v, "goverment"));
    }

    @Test
    void neighborsOfSeveralWordsListEachUnderItsName() throws IOException {
        CliTest.Result r = nlpipe("embed", "neighbors", vectors().toString(), "king", "queen", "-k", "1");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("king:", "queen:"), lines.stream().filter(l -> l.endsWith(":")).toList(), r.out());
        assertEquals(5, lines.size(), r.out());
    }

    @Test
    void unknownWordsAndFilesAreUsageErrors() throws IOException {
        CliTest.Result r = nlpipe("embed", "similarity", vectors().toString(), "king", "emperor");
        assertEquals(ExitCodes.CONFIG, r.code());
        assertTrue(r.err().contains("'emperor' is not in the vocabulary"), r.err());
        r = nlpipe("embed", "neighbors", dir.resolve("nope.bin").toString(), "king");
        assertEquals(ExitCodes.CONFIG, r.code());
        assertTrue(r.err().contains("nope.bin does not exist"), r.err());
        r = nlpipe("eval", "embed", "--vectors", vectors().toString(), "--analogy", "../shared/data/nothing/here.txt");
        assertEquals(ExitCodes.CONFIG, r.code());
        assertTrue(r.err().contains("evaluation file not found") && r.err().contains("../shared/data"), r.err());
    }

    @Test
    void listOptionsThatCanListNothingAreUsageErrors() throws IOException {
        String v = vectors().toString();
        CliTest.Result r = nlpipe("embed", "neighbors", v, "king", "-k", "0");
        assertEquals(ExitCodes.CONFIG, r.code());
        assertTrue(r.err().contains("-k must be at least 1, not 0"), r.err());
        r = nlpipe("embed", "analogy", v, "man", "king", "woman", "--restrict-vocab", "-3");
        assertEquals(ExitCodes.CONFIG, r.code());
        assertTrue(r.err().contains("--restrict-vocab must be 0 (all words) or more, not -3"), r.err());
        // the three most frequent words are the question's own: nothing to answer, and the user is told why
        r = nlpipe("embed", "analogy", v, "man", "woman", "king", "--restrict-vocab", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("the 3 most frequent words (--restrict-vocab) are all query words"), r.err());
    }

    /** A tiny random BERT encoder directory (kind encoder.bert). */
    private Path encoder() throws IOException {
        return encoder(false);
    }

    private Path encoder(boolean pooler) throws IOException {
        Path enc = Files.createDirectories(dir.resolve(pooler ? "encoder-with-pooler" : "encoder"));
        List<String> vocab = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "酒", "店", "很", "好", "差", "房", "间");
        BertConfig config = new BertConfig(vocab.size(), 16, 1, 2, 32, 32, 2, 0.1f, 0.1f, 1e-12, pooler);
        try (Params p = new Params(Device.cpu(), false)) {
            new BertEncoder(p, "", config, new Random(1));
            Map<String, TensorFile.Tensor> weights = p.snapshot();
            if (pooler) {
                // at the initial scale [CLS] comes out nearly the same for every text, and so would any pooling of it alone
                weights.replaceAll((name, t) -> name.contains("LayerNorm") ? t : scaled(t, 8));
            }
            PretrainedEncoder.writeWeights(enc, config, weights);
        }
        BertTokenizer.of(WordPieceVocabulary.of(vocab), BertNormalization.cased()).save(enc);
        ModelDir.writeMeta(enc, ModelMeta.create(PretrainedEncoder.KIND, PretrainedEncoder.FORMAT));
        return enc;
    }

    @Test
    void similarityOfTwoTextsWithAnEncoderIsTheCosineOfTheirSentenceVectors() throws IOException {
        Path enc = encoder();
        CliTest.Result same = nlpipe("embed", "similarity", enc.toString(), "酒店很好", "酒店很好");
        assertEquals(0, same.code(), same.err());
        assertEquals(1.0, Double.parseDouble(same.out().strip()), 1e-5);
        CliTest.Result other = nlpipe("embed", "similarity", enc.toString(), "酒店很好", "房间很差", "--pooling", "mean");
        assertEquals(0, other.code(), other.err());
        double cos = Double.parseDouble(other.out().strip());
        assertTrue(cos < 1 - 1e-4 && cos > -1, other.out());
    }

    private static TensorFile.Tensor scaled(TensorFile.Tensor t, float by) {
        float[] v = t.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= by;
        }
        return new TensorFile.Tensor(t.shape(), v);
    }

    @Test
    void poolerPoolingIsTakenForAnEncoderThatHasOne() throws IOException {
        Path enc = encoder(true);
        CliTest.Result pooled = nlpipe("embed", "similarity", enc.toString(), "酒店很好", "房间很差", "--pooling", "pooler");
        assertEquals(0, pooled.code(), pooled.err());
        try (SentenceEncoder stage = SentenceEncoder.load(enc, Pooling.POOLER, true, 0, LoadOptions.DEFAULT)) {
            float[][] v = stage.embed(List.of("酒店很好", "房间很差"));
            assertEquals(String.format(Locale.ROOT, "%.6f", SentenceEncoder.dot(v[0], v[1])), pooled.out().strip());
        }
        CliTest.Result cls = nlpipe("embed", "similarity", enc.toString(), "酒店很好", "房间很差");
        assertNotEquals(cls.out(), pooled.out(), "the pooler's vectors, not [CLS]'s");
    }

    @Test
    void poolerPoolingOfAnEncoderWithoutOneIsRefusedAsTheStageRefusesIt() throws IOException {
        CliTest.Result r = nlpipe("embed", "similarity", encoder().toString(), "酒店很好", "房间很差", "--pooling", "pooler");
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertTrue(r.err().contains("has no pooler"), r.err());
    }

    @Test
    void maxLengthCutsTheTextsAsTheStageWithThatMaxLengthCutsThem() throws IOException {
        Path enc = encoder();
        String a = "酒店很好房间很差酒店很好";
        String b = "酒店很好房间很好房间很差";
        // mean pooling: at this tiny encoder's initial scale [CLS] comes out nearly the same for every text
        CliTest.Result cut = nlpipe("embed", "similarity", enc.toString(), a, b, "--max-length", "6", "--pooling", "mean");
        assertEquals(0, cut.code(), cut.err());
        try (SentenceEncoder stage = SentenceEncoder.load(enc, Pooling.MEAN, true, 6, LoadOptions.DEFAULT)) {
            float[][] v = stage.embed(List.of(a, b));
            assertEquals(String.format(Locale.ROOT, "%.6f", SentenceEncoder.dot(v[0], v[1])), cut.out().strip());
        }
        assertEquals("1.000000", cut.out().strip(), "both texts begin with the same four characters, all the encoder reads");
        CliTest.Result whole = nlpipe("embed", "similarity", enc.toString(), a, b, "--pooling", "mean");
        assertNotEquals(cut.out(), whole.out());
        CliTest.Result tooShort = nlpipe("embed", "similarity", enc.toString(), a, b, "--max-length", "2");
        assertEquals(ExitCodes.CONFIG, tooShort.code(), tooShort.err());
        CliTest.Result words = nlpipe("embed", "similarity", vectors().toString(), "king", "queen", "--max-length", "8");
        assertEquals(ExitCodes.CONFIG, words.code(), words.err());
        assertTrue(words.err().contains("--max-length is for an encoder directory"), words.err());
    }

    @Test
    void poolingIsRefusedForWordVectors() throws IOException {
        CliTest.Result r = nlpipe("embed", "similarity", vectors().toString(), "king", "queen", "--pooling", "mean");
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertTrue(r.err().contains("--pooling is for an encoder directory"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aDirectoryTheEncoderCannotOpenSaysWhyNotThatItHoldsNoWordVectors() throws IOException {
        // a Hugging Face directory not imported, and a model of another kind: the encoder's own refusal, not word2vec's
        Path hf = Files.createDirectories(dir.resolve("hf-not-imported"));
        Files.writeString(hf.resolve("config.json"), "{\"model_type\": \"bert\"}");
        CliTest.Result r = nlpipe("embed", "similarity", hf.toString(), "酒店", "房间");
        assertEquals(2, r.code(), r.err());
        assertFalse(r.err().contains("vectors.bin"), r.err());
        Path other = Files.createDirectories(dir.resolve("other-kind"));
        ModelDir.writeMeta(other, ModelMeta.create("classify.bert", 1));
        CliTest.Result o = nlpipe("embed", "similarity", other.toString(), "酒店", "房间");
        assertEquals(2, o.code(), o.err());
        assertFalse(o.err().contains("vectors.bin"), o.err());
    }

    @Test
    void evalEmbedWritesJson() throws IOException {
        Path q = TempFiles.write(dir.resolve("questions.txt"), ": royal\r\nman king woman queen\r\nman king woman prince\r\n");
        Path s = TempFiles.write(dir.resolve("pairs.tsv"), "king\tqueen\t7\nman\twoman\t8\nking\tapple\t1\nking\tprince\t5\n");
        Path json = dir.resolve("eval.json");
        CliTest.Result r = nlpipe("eval", "embed", "--vectors", vectors().toString(), "--analogy", q.toString(), "--similarity", s.toString(),
                "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("accuracy 1.0000"), r.out());
        JsonNode j = DocumentJson.mapper().readTree(json.toFile());
        assertEquals(1.0, j.get("analogy").get("accuracy").asDouble());
        assertEquals(1, j.get("analogy").get("answered").asInt());
        assertEquals(2, j.get("analogy").get("questions").asInt());
        assertEquals(1.0, j.get("analogy").get("sections").get("royal").get("accuracy").asDouble());
        assertEquals(1, j.get("similarity").get("pairs").get("oov").asInt());
        assertTrue(j.get("similarity").get("pairs").has("spearman"));

        // --json -: standard output is the JSON alone, the report goes to standard error
        CliTest.Result piped = nlpipe("eval", "embed", "--vectors", vectors().toString(), "--analogy", q.toString(), "--json", "-");
        assertEquals(0, piped.code(), piped.err());
        assertEquals(1.0, DocumentJson.mapper().readTree(piped.out()).get("analogy").get("accuracy").asDouble(), piped.out());
        assertTrue(piped.err().contains("accuracy 1.0000"), piped.err());

        // two similarity files of one name both reach the JSON
        Path other = TempFiles.write(dir.resolve("b/pairs.tsv"), "king\tqueen\t1\nman\twoman\t8\n");
        CliTest.Result both = nlpipe("eval", "embed", "--vectors", vectors().toString(), "--similarity", s.toString(), "--similarity",
                other.toString(), "--json", "-");
        assertEquals(0, both.code(), both.err());
        assertEquals(2, DocumentJson.mapper().readTree(both.out()).get("similarity").size(), both.out());
    }

    @Test
    void evalEmbedRestrictsTheSimilarityPairsToTheMostFrequentWords() throws IOException {
        // v.bin's words by frequency: man, woman, king, queen, apple; among the first two only man-woman is known
        Path s = TempFiles.write(dir.resolve("pairs.tsv"), "king\tqueen\t7\nman\twoman\t8\nking\tapple\t1\n");
        CliTest.Result r = nlpipe("eval", "embed", "--vectors", vectors().toString(), "--similarity", s.toString(), "--restrict-vocab", "2",
                "--json", "-");
        assertEquals(0, r.code(), r.err());
        JsonNode pairs = DocumentJson.mapper().readTree(r.out()).get("similarity").get("pairs");
        assertEquals(2, pairs.get("oov").asInt(), r.out());
        assertEquals(2, pairs.get("restrictVocab").asInt(), r.out());
    }

    @Test
    void evalEmbedRefusesAnAnalogyMethodWithoutAnalogies() throws IOException {
        Path s = TempFiles.write(dir.resolve("pairs.tsv"), "king\tqueen\t7\nman\twoman\t8\n");
        CliTest.Result r = nlpipe("eval", "embed", "--vectors", vectors().toString(), "--similarity", s.toString(), "--method", "mul");
        assertEquals(ExitCodes.CONFIG, r.code(), r.err());
        assertTrue(r.err().contains("--method scores analogies"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void neighborsOfSeveralWordsAsJsonAreOneObject() throws IOException {
        CliTest.Result r = nlpipe("embed", "neighbors", vectors().toString(), "king", "queen", "-k", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = DocumentJson.mapper().readTree(r.out());
        List<String> words = new ArrayList<>();
        j.fieldNames().forEachRemaining(words::add);
        assertEquals(List.of("king", "queen"), words, r.out());
        assertEquals("man", j.get("king").get(0).get("word").asText(), r.out());
    }

    @Test
    void trainsFromTheCommandLine() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append(i % 2 == 0 ? "red green blue red green blue\n" : "one two three one two three\n");
        }
        Path corpus = TempFiles.write(dir.resolve("c.txt"), text.toString());
        Path cfg = TempFiles.write(dir.resolve("w.yaml"), "task: embed.word2vec\ndata: { train: " + corpus + ", format: text }\n"
                + "model: { dim: 8, minCount: 1, sample: 0 }\ntrain: { epochs: 3, threads: 1 }\n");
        CliTest.Result r = nlpipe("train", cfg.toString(), "--output", dir.resolve("m").toString());
        assertEquals(0, r.code(), r.err());
        r = nlpipe("embed", "neighbors", dir.resolve("m").toString(), "red", "-k", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("green") || l.startsWith("blue")), r.out());
    }
}
