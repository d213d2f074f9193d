package dev.nlpipe.ner.flat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.ner.bilstm.SyntheticCorpus;
import dev.nlpipe.ner.bilstm.Training;
import dev.nlpipe.ner.bilstm.VectorFiles;
import dev.nlpipe.nn.TensorFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FLAT's character and bigram tables start from pretrained vectors ({@code model.embeddings}, {@code model.bigramEmbeddings}). */
class FlatCharVectorsTest {
    @TempDir
    Path dir;
    private final Map<String, float[]> chars = charVectors();
    private final Map<String, float[]> bigrams = bigramVectors();
    private Path train;
    private Path lexicon;
    private Path charFile;
    private Path bigramFile;

    @BeforeEach
    void writeCorpusAndVectors() throws IOException {
        train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 40, 1);
        lexicon = Files.write(dir.resolve("words.txt"), SyntheticCorpus.partialLexicon());
        charFile = VectorFiles.writeText(dir.resolve("chars.txt"), chars);
        bigramFile = VectorFiles.writeText(dir.resolve("bigrams.txt"), bigrams);
    }

    @Test
    @SuppressWarnings("unchecked")
    void frozenCharacterAndBigramVectorsStayAsLoaded() throws IOException {
        Path model = dir.resolve("flat-vectors");
        String log = Training.run(dir, FlatTaggerTest.yaml(train, train, train, lexicon, ", embeddings: " + charFile
                + ", bigramEmbeddings: " + bigramFile + ", freezeEmbeddings: true"), model, "train.epochs=2");
        assertTrue(log.contains("chars found in " + charFile) && log.contains("1 of ") && log.contains("bigrams found in " + bigramFile)
                && log.contains("frozen"), log);

        Map<String, Object> vocab = json(model.resolve(FlatModel.VOCAB));
        Map<String, TensorFile.Tensor> weights = TensorFile.read(model.resolve(FlatModel.WEIGHTS));
        assertArrayEquals(chars.get("伟"), row(weights.get("emb.char").values(), (List<String>) vocab.get("chars"), "伟", 16), 0f);
        assertArrayEquals(bigrams.get("张伟"), row(weights.get("emb.bigram").values(), (List<String>) vocab.get("bigrams"), "张伟", 8),
                0f);
        assertEquals(-1, ((List<String>) vocab.get("bigrams")).indexOf("鑫鑫"), "only bigrams of the training data get a row");
        Map<String, Object> pretrained = (Map<String, Object>) json(model.resolve("model.json")).get("pretrained");
        assertEquals(charFile.toString(), pretrained.get("embeddings"));
        assertEquals(true, pretrained.get("freezeEmbeddings"));

        IllegalArgumentException wrongDim = assertThrows(IllegalArgumentException.class, () -> Training.run(dir,
                FlatTaggerTest.yaml(train, train, train, lexicon, ", embeddings: " + charFile), dir.resolve("x"), "model.charDim=8"));
        assertTrue(wrongDim.getMessage().contains("set model.charDim: 16"), wrongDim.getMessage());
        ConfigException noBigrams = assertThrows(ConfigException.class, () -> Training.run(dir,
                FlatTaggerTest.yaml(train, train, train, lexicon, ", bigramEmbeddings: " + bigramFile), dir.resolve("y"),
                "model.bigramDim=0"));
        assertTrue(noBigrams.getMessage().contains("bigramEmbeddings") && noBigrams.getMessage().contains("bigramDim"),
                noBigrams.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void embeddingsVocabularyAllGivesVectorOnlyCharactersAndBigramsTheirRowsAndSparseUpdatesLeaveThemAsLoaded() throws IOException {
        float[] onlyInFile = chars.get("鑫");
        Path model = dir.resolve("flat-all");
        String log = Training.run(dir, FlatTaggerTest.yaml(train, train, train, lexicon, ", embeddings: " + charFile
                + ", bigramEmbeddings: " + bigramFile + ", embeddingsVocabulary: all"), model, "train.epochs=2",
                "train.sparseEmbeddings=true");
        assertTrue(log.contains("sparseEmbeddings: updating only the rows each batch reads of [emb.char, emb.bigram, emb.word]"), log);

        Map<String, Object> vocab = json(model.resolve(FlatModel.VOCAB));
        List<String> charVocab = (List<String>) vocab.get("chars");
        List<String> bigramVocab = (List<String>) vocab.get("bigrams");
        assertEquals(charVocab.size() - 1, charVocab.indexOf("鑫"), "the vector-only character follows the training ones");
        assertEquals(bigramVocab.size() - 1, bigramVocab.indexOf("鑫鑫"), "the vector-only bigram follows the training ones");
        Map<String, TensorFile.Tensor> weights = TensorFile.read(model.resolve(FlatModel.WEIGHTS));
        float[] charTable = weights.get("emb.char").values();
        assertEquals(charVocab.size() + 1, charTable.length / 16, "the trained table ends before the vector-only row");
        assertArrayEquals(onlyInFile, weights.get("emb.char.fixed").values(), 0f, "the vector-only row is kept fixed");
        assertArrayEquals(bigrams.get("鑫鑫"), weights.get("emb.bigram.fixed").values(), 0f);
        assertFalse(Arrays.equals(chars.get("伟"), row(charTable, charVocab, "伟", 16)), "rows the batches read are fine-tuned");
        assertEquals("all", ((Map<String, Object>) json(model.resolve("model.json")).get("pretrained")).get("embeddingsVocabulary"));
        try (Pipeline p = Pipeline.builder().add("ner", Map.of(), model).build()) {
            // 龘 is in neither the training data nor the vectors, so it reads the unknown row; 鑫 reads its own fixed row
            List<Double> vectorOnly = scores(p.process(new Document("a", "鑫张伟在北京。")).get(0));
            List<Double> unknown = scores(p.process(new Document("b", "龘张伟在北京。")).get(0));
            assertFalse(vectorOnly.equals(unknown), "a vector-only character is not read as unknown: " + vectorOnly + " " + unknown);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void withAMinimumCountTheRareTrainingCharactersThatHaveVectorsAreTrainedNotFixed() throws IOException {
        Path model = dir.resolve("flat-all-min-count");
        // every character of the 40 sentences is counted fewer than 10,000 times: none gets a row from the counts alone
        String log = Training.run(dir, FlatTaggerTest.yaml(train, train, train, lexicon, ", embeddings: " + charFile
                + ", embeddingsVocabulary: all, minCount: 10000"), model, "train.epochs=1");
        assertTrue(log.contains("embeddingsVocabulary all: 1 char and 0 bigram vectors"), log);

        List<String> charVocab = (List<String>) json(model.resolve(FlatModel.VOCAB)).get("chars");
        Map<String, TensorFile.Tensor> weights = TensorFile.read(model.resolve(FlatModel.WEIGHTS));
        assertArrayEquals(chars.get("鑫"), weights.get("emb.char.fixed").values(), 0f, "only the vector-only character is fixed");
        assertEquals(charVocab.size() + 1, weights.get("emb.char").values().length / 16);
        assertFalse(Arrays.equals(chars.get("伟"), row(weights.get("emb.char").values(), charVocab, "伟", 16)),
                "a training character below minCount that has a vector is fine-tuned");
    }

    /** 16-dimensional vectors of the synthetic corpus's characters, and of 鑫, which no training sentence holds. */
    private static Map<String, float[]> charVectors() {
        Map<String, float[]> chars = new LinkedHashMap<>(VectorFiles.characterVectors(16));
        float[] onlyInFile = chars.get("伟").clone();
        onlyInFile[0] = 42f;
        chars.put("鑫", onlyInFile);
        return chars;
    }

    /** 8-dimensional vectors of a training bigram (张伟) and of one no training sentence holds (鑫鑫). */
    private static Map<String, float[]> bigramVectors() {
        Map<String, float[]> bigrams = new LinkedHashMap<>();
        bigrams.put("张伟", new float[] {1, 2, 3, 4, 5, 6, 7, 8});
        bigrams.put("鑫鑫", new float[] {9, 9, 9, 9, 9, 9, 9, 9});
        return bigrams;
    }

    /** The tagger's entity scores, in order. */
    private static List<Double> scores(Document tagged) {
        return tagged.entities().stream().map(e -> e.score()).toList();
    }

    /** The table row of {@code key} (ids 0 and 1 are padding and unknown, then the vocabulary in order). */
    private static float[] row(float[] table, List<String> vocabulary, String key, int dim) {
        int id = vocabulary.indexOf(key) + 2;
        assertTrue(id >= 2, key + " has a row: " + vocabulary);
        float[] out = new float[dim];
        System.arraycopy(table, id * dim, out, 0, dim);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return DocumentJson.mapper().readValue(file.toFile(), LinkedHashMap.class);
    }
}
