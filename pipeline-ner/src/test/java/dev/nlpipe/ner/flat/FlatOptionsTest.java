package dev.nlpipe.ner.flat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.ner.bilstm.SyntheticCorpus;
import dev.nlpipe.ner.bilstm.Training;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration errors of {@code ner.flat}: each names the option and the fix, before any training;
 * and how an older {@code model.json} reads.
 */
class FlatOptionsTest {
    @TempDir
    Path dir;
    String yaml;

    @BeforeEach
    void corpus() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 20, 1);
        Path words = Files.write(dir.resolve("words.txt"), SyntheticCorpus.partialLexicon());
        yaml = FlatTaggerTest.yaml(train, train, train, words, "");
    }

    private ConfigException refused(String... sets) {
        return assertThrows(ConfigException.class, () -> Training.run(dir, yaml, dir.resolve("m"), sets));
    }

    private static void names(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), e.getMessage());
        }
    }

    @Test
    void theModelWidthMustBeEvenForTheSinusoids() {
        names(refused("model.heads=3", "model.headDim=5"), "headDim", "15", "even");
    }

    @Test
    void sizesAndRatesOutOfRange() {
        names(refused("model.heads=0"), "heads", "at least 1");
        names(refused("model.embedDropout=1"), "embedDropout", "below 1");
        names(refused("model.attentionDropout=-0.1"), "attentionDropout");
        names(refused("model.maxLength=-1"), "maxLength", "0 turns clipping off");
        names(refused("model.bigramDim=-2"), "bigramDim");
        names(refused("train.encoderLrScale=-1"), "encoderLrScale");
        names(refused("train.encoderLrScale=0.5"), "encoderLrScale", "this FLAT has none (model.encoder)");
        names(refused("model.encoderMaxLength=12"), "encoderMaxLength", "this FLAT has none (model.encoder)");
        names(refused("model.freezeEmbeddings=true"), "freezeEmbeddings", "neither is given");
    }

    @Test
    void anUnknownVariantNamesBoth() {
        names(refused("model.variant=paper"), "variant", "standard", "reference");
    }

    @Test
    void aModelWrittenBeforeTheVariantOptionIsStandard() {
        FlatSpec spec = LatticeTest.tinySpec(FlatVariant.REFERENCE);
        Map<String, Object> stored = new LinkedHashMap<>(spec.toMap());
        assertEquals(FlatVariant.REFERENCE, FlatSpec.fromMap(stored, dir).variant());
        stored.remove("variant");
        assertEquals(FlatVariant.STANDARD, FlatSpec.fromMap(stored, dir).variant());
    }

    @Test
    void anEncoderThatIsNoDirectory() {
        names(refused("model.encoder=" + dir.resolve("no-such-encoder")), "encoder", "nlpipe model import");
    }

    @Test
    void anEncoderDirectoryOfAnotherModelIsRefusedAtTheOption() throws IOException {
        // a trained tagger given where an encoder belongs: refused before the training data is read
        Path other = Files.createDirectories(dir.resolve("a-tagger"));
        dev.nlpipe.core.model.ModelDir.writeMeta(other, dev.nlpipe.core.model.ModelMeta.create("ner.flat", 1));
        names(refused("model.encoder=" + other), "'encoder'", "a-tagger", "give an encoder directory");
    }

    @Test
    void aMissingWordList() {
        names(refused("model.lexicon=[" + dir.resolve("missing.txt") + "]"), "lexicon", "missing.txt");
    }

    @Test
    void wordDimMustMatchTheLexiconVectors() throws IOException {
        Path withVectors = Files.write(dir.resolve("vectors.txt"), List.of("北京 0.1 0.2 0.3", "上海 0.3 0.2 0.1"));
        names(refused("model.lexicon=[" + withVectors + "]"), "wordDim", "3 dimensions", "wordDim: 3");
    }
}
