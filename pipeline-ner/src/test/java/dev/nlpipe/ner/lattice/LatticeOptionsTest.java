package dev.nlpipe.ner.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.ner.bilstm.SyntheticCorpus;
import dev.nlpipe.ner.bilstm.Training;
import dev.nlpipe.ner.lexicon.Lexicon;
import dev.nlpipe.ner.lexicon.LexiconSpec;
import dev.nlpipe.nn.LrSchedule;
import dev.nlpipe.nn.TrainSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options of {@code ner.lattice-lstm}: defaults, the stored form, and errors that name the option and the fix. */
class LatticeOptionsTest {
    @TempDir
    Path dir;

    private String yaml(Path train, String model) {
        return "task: ner.lattice-lstm\n"
                + "data: { train: " + train + ", format: bmes }\n"
                + "model: { charDim: 8, bigramDim: 4, hidden: 8, " + model + " }\n"
                + "train: { epochs: 1, batchSize: 8, device: cpu, threads: 1 }\n";
    }

    private ConfigException fails(String model) throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 10, 1);
        return assertThrows(ConfigException.class, () -> Training.run(dir, yaml(train, model), dir.resolve("out")));
    }

    @Test
    void thePapersSizesAreTheDefaultsAndSurviveTheStoredForm() {
        LatticeSpec spec = LatticeSpec.from(Options.of("model", Map.of(), LatticeSpec.options()));
        assertEquals(50, spec.chars().charDim());
        assertEquals(50, spec.chars().bigramDim());
        assertEquals(50, spec.wordDim());
        assertEquals(200, spec.chars().hidden());
        assertEquals(0.5, spec.chars().dropout());
        assertEquals(0.5, spec.chars().unkReplace(), "characters and bigrams seen once train the unknown vectors");
        assertEquals(List.of(LexiconSpec.HANLP), spec.lexicon().sources());
        assertEquals(0.5, spec.lexicon().unknownWords(), "words matched once train the unknown-word vector");
        assertEquals(spec, LatticeSpec.fromMap(spec.toMap()));
        assertTrue(spec.orthogonalInit(), "the reference code's orthogonal start by default");
        LatticeSpec uniform = LatticeSpec.from(Options.of("model", Map.of("init", "uniform"), LatticeSpec.options()));
        assertFalse(uniform.orthogonalInit());
        assertEquals(uniform, LatticeSpec.fromMap(uniform.toMap()));
        Map<String, Object> older = new java.util.LinkedHashMap<>(spec.toMap());
        older.remove("init");
        assertFalse(LatticeSpec.fromMap(older).orthogonalInit(), "a model saved before the option started uniform");
        assertEquals("uniform", Options.of("model", Map.of(), LatticeSpec.options()).firstDefault("init"),
                "a checkpoint from before the option continues only as it started");
    }

    @Test
    void theTrainingDefaultsAreTheRecipeMeasuredOnResume() {
        TrainSettings settings = TrainSettings.from(Options.of("train", Map.of(), new LatticeTrainer().trainOptions()));
        assertEquals("adam", settings.optimizer());
        assertEquals(0.0015, settings.lr());
        assertEquals(16, settings.batchSize());
        assertEquals(200, settings.warmupSteps());
        assertEquals(LrSchedule.Kind.INVERSE, settings.schedule());
        assertEquals(0.05, settings.decayRate());
        assertEquals(30, settings.epochs());
        assertEquals(10, settings.patience());
    }

    @Test
    void aCharacterOptionMistakeIsLocatedInTheFileAndWordedForTheLattice() throws IOException {
        ConfigException range = fails("unkReplace: 3");
        assertTrue(range.getMessage().matches("(?s).*\\.yaml:3:\\d+: option 'unkReplace'.*"), "at the option's place: " + range.getMessage());
        Path bigrams = Files.writeString(dir.resolve("bv.txt"), "北京 0.1 0.2\n");
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 10, 1);
        ConfigException e = assertThrows(ConfigException.class, () -> Training.run(dir, yaml(train, "bigramEmbeddings: " + bigrams),
                dir.resolve("out"), "model.bigramDim=0"));
        assertTrue(e.getMessage().contains("option 'bigramEmbeddings'") && !e.getMessage().contains("unit:"),
                "the lattice has no unit option: " + e.getMessage());
    }

    @Test
    void aWordDimOtherThanTheLexiconVectorsNamesTheSizeToSet() throws IOException {
        Path words = Files.writeString(dir.resolve("words.txt"), "北京 0.1 0.2 0.3\n上海 0.3 0.2 0.1\n");
        ConfigException e = fails("wordDim: 8, lexicon: [" + words + "]");
        assertTrue(e.getMessage().contains("wordDim") && e.getMessage().contains("wordDim: 3"), e.getMessage());
    }

    @Test
    void badSizesAndMissingWordListsAreConfigurationErrors() throws IOException {
        ConfigException wordDim = fails("wordDim: 0");
        assertTrue(wordDim.getMessage().contains("wordDim"), wordDim.getMessage());
        ConfigException hidden = fails("hidden: 0");
        assertTrue(hidden.getMessage().contains("hidden"), hidden.getMessage());
        ConfigException missing = fails("lexicon: [" + dir.resolve("no-such-words.txt") + "]");
        assertTrue(missing.getMessage().contains("lexicon") && missing.getMessage().contains("no-such-words.txt"), missing.getMessage());
        ConfigException unknown = fails("lexiconUnknown: 1");
        assertTrue(unknown.getMessage().contains("lexiconUnknown"), unknown.getMessage());
        ConfigException tokens = fails("segDim: 10");
        assertTrue(tokens.getMessage().contains("segDim"), tokens.getMessage());
        // options about vectors that are not given did nothing (FLAT refused them)
        for (String noVectors : List.of("freezeEmbeddings: true", "embeddingsFormat: text", "embeddingsVocabulary: all")) {
            ConfigException e = fails(noVectors);
            assertTrue(e.getMessage().contains(noVectors.substring(0, noVectors.indexOf(':'))) && e.getMessage().contains("neither is given"),
                    e.getMessage());
        }
        ConfigException lexiconFormat = fails("lexiconVectorsFormat: text");
        assertTrue(lexiconFormat.getMessage().contains("lexiconVectorsFormat") && lexiconFormat.getMessage().contains("not given"),
                lexiconFormat.getMessage());
        ConfigException oneCharacterWords = fails("lexiconMinLength: 1");
        assertTrue(oneCharacterWords.getMessage().contains("lexiconMinLength") && oneCharacterWords.getMessage().contains("at least 2"),
                oneCharacterWords.getMessage());
    }

    @Test
    void hanlpCustomIsASourceNameAndAMisspeltOneIsAMissingFileThatNamesBoth() {
        LatticeSpec spec = LatticeSpec.from(Options.of("model", Map.of("lexicon", List.of("hanlp", "hanlp-custom")), LatticeSpec.options()));
        assertEquals(List.of(LexiconSpec.HANLP, LexiconSpec.HANLP_CUSTOM), spec.lexicon().sources());
        assertEquals(spec, LatticeSpec.fromMap(spec.toMap()));
        ConfigException e = assertThrows(ConfigException.class,
                () -> LatticeSpec.from(Options.of("model", Map.of("lexicon", List.of("hanlp-costum")), LatticeSpec.options())));
        assertTrue(e.getMessage().contains("hanlp-costum") && e.getMessage().contains("'hanlp-custom'"), e.getMessage());
    }

    @Test
    void aVectorsFileThatDisagreesWithTheWordListsIsAConfigurationErrorAtLexiconVectors() throws IOException {
        Path words = Files.writeString(dir.resolve("words-3d.txt"), "北京 0.1 0.2 0.3\n上海 0.3 0.2 0.1\n");
        Path vectors = Files.writeString(dir.resolve("vectors-2d.txt"), "2 2\n北京 1 2\n中国 3 4\n");
        ConfigException e = fails("wordDim: 3, lexicon: [" + words + "], lexiconVectors: " + vectors + ", lexiconVectorsFormat: text");
        assertTrue(e.getMessage().contains("'lexiconVectors'") && e.getMessage().contains("has 2 dimensions, but the word lists'"),
                e.getMessage());
    }

    @Test
    void aLexiconWithoutAWordOfTheTrainingDataIsRefused() throws IOException {
        Path words = Files.writeString(dir.resolve("english.txt"), "hello\nworld\n");
        ConfigException e = fails("lexicon: [" + words + "]");
        assertTrue(e.getMessage().contains("no word of the lexicon occurs"), e.getMessage());
        // with vectors too: they were kept, no word cell was ever read in training, and the unknown-word row stayed random
        Path withVectors = Files.writeString(dir.resolve("english-vectors.txt"), "hello 0.1 0.2 0.3 0.4\nworld 0.5 0.6 0.7 0.8\n");
        ConfigException vectors = fails("lexicon: [" + withVectors + "], wordDim: 4");
        assertTrue(vectors.getMessage().contains("no word of the lexicon occurs") && vectors.getMessage().contains("its 2 words with"
                + " vectors would reach the model only after training"), vectors.getMessage());
    }

    @Test
    void aLexiconOfWordsOutsideTheMatchedLengthsNamesTheLengths() throws IOException {
        // words that do occur, but all of one character: the default lexiconMinLength 2 never matches them
        Path words = Files.writeString(dir.resolve("one-character.txt"), String.join("\n", SyntheticCorpus.chineseWords().stream()
                .flatMap(w -> w.codePoints().mapToObj(Character::toString)).distinct().toList()) + "\n");
        ConfigException e = fails("lexicon: [" + words + "]");
        assertTrue(e.getMessage().contains("option 'lexiconMinLength'") && e.getMessage().contains("shorter than lexiconMinLength (2)"),
                e.getMessage());
    }

    @Test
    void wordsLongerThanLexiconMaxLengthAreSaidToBeNeverMatched() throws IOException {
        // a list of full company names lost its long ones without a word
        Path words = Files.writeString(dir.resolve("long.txt"), String.join("\n", SyntheticCorpus.chineseWords()) + "\n山东三维石化工程股份有限公司\n");
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 10, 1);
        String log = Training.run(dir, yaml(train, "lexicon: [" + words + "]"), dir.resolve("long-out"));
        assertTrue(log.contains("1 words longer than lexiconMaxLength (10) characters are never matched"), log);
    }

    @Test
    void lexiconVectorsStartTheWordEmbeddingAndWordsWithoutOneStartRandom() throws IOException {
        Path words = Files.writeString(dir.resolve("vectors.txt"), "北京 0.5 -0.5 0.25\n上海\n");
        Lexicon lexicon = Lexicon.build(LexiconSpec.from(Options.of("model", Map.of("lexicon", List.of(words.toString())),
                LexiconSpec.options())), new PrintStream(OutputStream.nullOutputStream()));
        float[] table = lexicon.initialTable(42);
        assertArrayEquals(new float[] {0.5f, -0.5f, 0.25f}, Arrays.copyOfRange(table, 3, 6));
        assertNotEquals(0f, table[6] * table[6] + table[7] * table[7] + table[8] * table[8]);
        assertArrayEquals(table, lexicon.initialTable(42));
    }
}
