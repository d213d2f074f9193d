package dev.nlpipe.embed.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Word2VecTrainingTest {
    @TempDir
    Path dir;

    private static final List<List<String>> TOPICS = Corpus.topics("abcd", 8, 2000, 10, 1);

    @ParameterizedTest(name = "{0} negative={1} hs={2}")
    @CsvSource({"skipgram, 5, false", "cbow, 5, false", "skipgram, 0, true", "cbow, 0, true", "skipgram, 3, true"})
    void wordsThatCoOccurBecomeNeighbours(String arch, int negative, boolean hs) throws IOException {
        Word2VecParams p = Corpus.params().withArch(Word2VecParams.Arch.of(arch)).withObjective(negative, hs)
                .withAlpha(Word2VecParams.defaultAlpha(Word2VecParams.Arch.of(arch)), 1e-4);
        Word2Vec.Result r = Word2Vec.train(TOPICS.iterator(), p);
        WordVectors v = r.model().wordVectors();
        assertEquals(32, v.size());
        double purity = Corpus.topicPurity(v, 5);
        assertTrue(purity > 0.9, "neighbours from the same topic: " + purity);
        List<Double> loss = r.stats().epochLoss();
        assertEquals(5, loss.size());
        assertTrue(loss.get(4) < loss.get(0), "loss falls: " + loss);
        assertEquals(20_000, r.stats().trainWords());
        assertTrue(r.stats().wordsPerSecond() > 0);
    }

    @Test
    void untrainedVectorsHaveNoTopicStructure() {
        Word2VecModel m = Word2VecModel.initialize(Vocabulary.select(table(TOPICS), 1, 0), Corpus.params(), null);
        assertTrue(Corpus.topicPurity(m.wordVectors(), 5) < 0.5, "the training test above is meaningful");
    }

    @Test
    void oneThreadAndASeedGiveIdenticalVectors() throws IOException {
        float[] a = Word2Vec.train(TOPICS.iterator(), Corpus.params()).model().wordVectors().matrix();
        float[] b = Word2Vec.train(TOPICS.iterator(), Corpus.params()).model().wordVectors().matrix();
        float[] c = Word2Vec.train(TOPICS.iterator(), Corpus.params().withSeed(8)).model().wordVectors().matrix();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "another seed gives other vectors");
    }

    @Test
    void twoThreadsTrainAsWell() throws IOException {
        Word2Vec.Result r = Word2Vec.train(TOPICS.iterator(), Corpus.params().withThreads(2));
        assertTrue(Corpus.topicPurity(r.model().wordVectors(), 5) > 0.9);
    }

    @Test
    void minCountMaxVocabAndDownSamplingShapeTheVocabulary() throws IOException {
        List<List<String>> corpus = new ArrayList<>(TOPICS);
        corpus.add(List.of("rare", "rare", "once"));
        Word2VecParams p = Corpus.params().withMinCount(2);
        Vocabulary v = Word2Vec.train(corpus.iterator(), p).model().vocabulary();
        assertTrue(v.indexOf("rare") >= 0);
        assertEquals(-1, v.indexOf("once"));
        assertEquals(v.size() - 1, v.indexOf("rare"), "most frequent first");
        assertEquals(10, Word2Vec.train(corpus.iterator(), p.withMaxVocab(10)).model().vocabulary().size());
        Word2Vec.Result sampled = Word2Vec.train(corpus.iterator(), p.withSample(1e-3));
        assertTrue(Corpus.topicPurity(sampled.model().wordVectors(), 5) > 0.8);
    }

    @Test
    void anEmptyOrTooRareCorpusIsAClearError() {
        var e = assertThrows(Word2VecParams.InvalidParameterException.class,
                () -> Word2Vec.train(List.of(List.of("a", "b")).iterator(), Corpus.params().withMinCount(5)));
        assertEquals("minCount", e.option());
        assertTrue(e.getMessage().contains("no word of the 2-token corpus occurs that often"), e.getMessage());
    }

    @Test
    void invalidParametersNameTheOption() {
        var e = assertThrows(Word2VecParams.InvalidParameterException.class, () -> Corpus.params().withObjective(0, false));
        assertEquals("negative", e.option());
        assertEquals("window", assertThrows(Word2VecParams.InvalidParameterException.class, () -> Corpus.params().withWindow(0)).option());
    }

    @Test
    void phraseDetectionJoinsWordsThatAlwaysAppearTogether() throws IOException {
        List<List<String>> corpus = new ArrayList<>();
        for (List<String> s : TOPICS) {
            List<String> t = new ArrayList<>(s);
            t.add(3, "new");
            t.add(4, "york");
            corpus.add(t);
        }
        Word2VecParams p = Corpus.params().withPhrases(new Word2VecParams.PhraseParams(1, 10, 5, "_"));
        Word2Vec.Result r = Word2Vec.train(corpus.iterator(), p);
        Vocabulary v = r.model().vocabulary();
        assertTrue(v.indexOf("new_york") >= 0, "phrase in the vocabulary");
        assertEquals(-1, v.indexOf("new"), "every 'new' was joined");
        assertEquals(2000, v.count(v.indexOf("new_york")));
        assertEquals(1, r.stats().phrases(), "topic words co-occur at random and stay apart");
    }

    @Test
    void continuingKeepsOldWordsAndAddsNewOnes() throws IOException {
        Word2VecModel old = Word2Vec.train(Corpus.topics("ab", 8, 1000, 10, 2).iterator(), Corpus.params()).model();
        float[] a0 = old.wordVectors().vector("a0");
        List<List<String>> fresh = Corpus.topics("bc", 8, 1000, 10, 3);
        Word2Vec.Result r = Word2Vec.train(fresh.iterator(), Corpus.params(), old, dir, null);
        WordVectors v = r.model().wordVectors();
        assertEquals(24, v.size());
        assertEquals(8, r.stats().newWords());
        assertArrayEquals(a0, v.vector("a0"), "a word absent from the new corpus keeps its vector");
        assertFalse(Arrays.equals(old.wordVectors().vector("b0"), v.vector("b0")), "a word in the new corpus trains further");
        assertTrue(Corpus.topicPurity(v, 5) > 0.85, "old and new topics stay apart: " + Corpus.topicPurity(v, 5));
        assertEquals(old.vocabulary().count(old.vocabulary().indexOf("b0")) + count(fresh, "b0"),
                r.model().vocabulary().count(r.model().vocabulary().indexOf("b0")), "counts add up");
        var e = assertThrows(Word2VecParams.InvalidParameterException.class,
                () -> Word2Vec.train(fresh.iterator(), Corpus.params().withDim(8), old, dir, null));
        assertEquals("dim", e.option());
    }

    @Test
    void aSavedModelLoadsAndContinues() throws IOException {
        Word2VecModel m = Word2Vec.train(TOPICS.iterator(), Corpus.params().withObjective(5, true)).model();
        m.save(dir.resolve("m"), Corpus.params());
        Word2VecModel back = Word2VecModel.load(dir.resolve("m"));
        assertArrayEquals(m.inputWeights(), back.inputWeights());
        assertArrayEquals(m.negativeWeights(), back.negativeWeights());
        assertArrayEquals(m.hsWeights(), back.hsWeights());
        assertArrayEquals(m.vocabulary().counts(), back.vocabulary().counts());
        assertEquals(m.wordVectors().size(), WordVectors.load(dir.resolve("m")).size());

        // saved again over itself: the directory is built beside and moved into place, leaving nothing else behind
        Files.writeString(dir.resolve("m/stale.txt"), "from an earlier save");
        m.save(dir.resolve("m"), Corpus.params());
        assertFalse(Files.exists(dir.resolve("m/stale.txt")), "the whole directory is replaced");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("m")), left.toList(), "no temporary directory left");
        }
        assertArrayEquals(m.inputWeights(), Word2VecModel.load(dir.resolve("m")).inputWeights());
    }

    @Test
    void vectorsReadFromAModelDirectoryAreCheckedAsTheModelIs() throws IOException {
        Word2VecModel m = Word2Vec.train(TOPICS.iterator(), Corpus.params()).model();
        Path d = dir.resolve("checked");
        m.save(d, Corpus.params());
        byte[] bin = Files.readAllBytes(d.resolve(VectorFormat.BINARY_FILE));
        bin[bin.length - 1] ^= 1;
        Files.write(d.resolve(VectorFormat.BINARY_FILE), bin);
        // a damaged vectors.bin read through the directory gave other neighbours without a word
        var damaged = assertThrows(dev.nlpipe.core.model.ModelException.class, () -> WordVectors.load(d));
        assertTrue(damaged.getMessage().contains(VectorFormat.BINARY_FILE), damaged.getMessage());
        // another kind of model holding a vectors.bin is not word vectors
        Path other = dir.resolve("other");
        m.save(other, Corpus.params());
        Files.writeString(other.resolve("model.json"), Files.readString(other.resolve("model.json")).replace("embed.word2vec", "classify.linear"));
        assertThrows(dev.nlpipe.core.model.ModelException.class, () -> WordVectors.load(other));
        // a plain folder holding a vectors file still reads
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.copy(other.resolve(VectorFormat.BINARY_FILE), plain.resolve(VectorFormat.BINARY_FILE));
        assertEquals(m.wordVectors().size(), WordVectors.load(plain).size());
    }

    @Test
    void aVocabularyTooLargeForOneTableNamesMaxVocab() {
        // 8 M words at dim 300 (a web corpus with minCount 1) exceed what one Java array holds
        var e = assertThrows(Word2VecParams.InvalidParameterException.class, () -> Word2VecModel.checkTableSize(8_000_000, 300));
        assertEquals("maxVocab", e.option());
        assertTrue(e.getMessage().contains("at most 7,158,278"), e.getMessage());
        Word2VecModel.checkTableSize(7_158_278, 300);
    }

    private static TokenTable table(List<List<String>> corpus) {
        TokenTable t = new TokenTable();
        corpus.forEach(s -> s.forEach(t::add));
        return t;
    }

    private static long count(List<List<String>> corpus, String w) {
        return corpus.stream().flatMap(List::stream).filter(w::equals).count();
    }

    @Test
    void aPhraseDelimiterTheVectorFormatsCannotHoldIsRefusedBeforeTraining() {
        // Python's whitespace, which the writer refuses after training: NBSP, NEL, figure and narrow no-break spaces
        for (String d : List.of("\u00A0", "\u0085", "\u2007", "\u202F", "a b")) {
            assertThrows(IllegalArgumentException.class, () -> new Word2VecParams.PhraseParams(1, 10, 5, d), "U+" + (int) d.charAt(0));
        }
        assertEquals("__", new Word2VecParams.PhraseParams(1, 10, 5, "__").delimiter());
    }
}
