package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which checkpoint configurations a later run may continue. */
class RunConfigurationTest {
    private static Map<String, Object> config(Map<String, Object> model) {
        return Map.of("task", "ner.flat", "model", model, "train", Map.of("lr", 0.001), "data", List.of(Map.of("sha256", "ab")));
    }

    @Test
    void onlyOptionsAddedAtTheirDefaultsAreAccepted() {
        Map<String, Object> written = RunConfiguration.of(config(Map.of("charDim", 50, "lexicon", List.of("hanlp"))), Set.of()).values();
        RunConfiguration same = RunConfiguration.of(config(Map.of("charDim", 50.0, "lexicon", List.of("hanlp"))), Set.of());
        assertEquals(List.of(), same.added(written), "numbers compare by value");
        RunConfiguration added = RunConfiguration.of(config(Map.of("charDim", 50, "lexicon", List.of("hanlp"), "embeddingsVocabulary",
                "training")), Set.of("model.embeddingsVocabulary"));
        assertEquals(List.of("model.embeddingsVocabulary"), added.added(written));

        RunConfiguration setByHand = RunConfiguration.of(config(Map.of("charDim", 50, "lexicon", List.of("hanlp"),
                "embeddingsVocabulary", "training")), Set.of());
        assertNull(setByHand.added(written), "an added option given by hand may differ from how the checkpoint was trained");
        RunConfiguration changed = RunConfiguration.of(config(Map.of("charDim", 64, "lexicon", List.of("hanlp"))), Set.of("model.charDim"));
        assertNull(changed.added(written), "a changed value, a changed default included, is refused");
        RunConfiguration removed = RunConfiguration.of(config(Map.of("charDim", 50)), Set.of());
        assertNull(removed.added(written), "an option the checkpoint had and this run lacks");
        assertNull(added.added(null), "a checkpoint that kept only its fingerprint");
        assertNull(RunConfiguration.named("toy").added(written));
    }

    @Test
    void aCheckpointFromBeforeAnOptionWhoseDefaultChangedContinuesOnlyWithItsFirstBehaviour() {
        // ner.lattice-lstm's init was added as uniform, then orthogonal became the default
        Map<String, Object> before = Map.of("task", "ner.lattice-lstm", "model", Map.of("hidden", 200), "train", Map.of("lr", 0.001),
                "data", List.of(Map.of("sha256", "ab")));
        Map<String, Object> written = RunConfiguration.of(before, Set.of()).values();
        Map<String, Object> firstDefaults = Map.of("model.init", "uniform");
        RunConfiguration byDefault = RunConfiguration.of(Map.of("task", "ner.lattice-lstm", "model", Map.of("hidden", 200, "init",
                "orthogonal"), "train", Map.of("lr", 0.001), "data", List.of(Map.of("sha256", "ab"))), Set.of("model.init"), firstDefaults);
        assertEquals(List.of("model.init: orthogonal here; the checkpoint predates the option and ran as uniform"
                + " (--set model.init=uniform continues it)"), byDefault.differences(written));
        RunConfiguration asItRan = RunConfiguration.of(Map.of("task", "ner.lattice-lstm", "model", Map.of("hidden", 200, "init",
                "uniform"), "train", Map.of("lr", 0.001), "data", List.of(Map.of("sha256", "ab"))), Set.of(), firstDefaults);
        assertEquals(List.of("model.init"), asItRan.added(written));
    }

    @Test
    void aCheckpointLeftAtADefaultThisVersionChangedIsToldHowToContinue() {
        // pretrain.mlm's maxPositions defaulted to 512, then to 0 (= maxLength); the checkpoint recorded 512
        Map<String, Object> written = RunConfiguration.of(Map.of("task", "pretrain.mlm", "model", Map.of("maxPositions", 512),
                "train", Map.of("lr", 0.001), "data", List.of(Map.of("sha256", "ab"))), Set.of("model.maxPositions")).values();
        Map<String, Object> firstDefaults = Map.of("model.maxPositions", 512);
        RunConfiguration now = RunConfiguration.of(Map.of("task", "pretrain.mlm", "model", Map.of("maxPositions", 0), "train",
                Map.of("lr", 0.001), "data", List.of(Map.of("sha256", "ab"))), Set.of("model.maxPositions"), firstDefaults);
        assertEquals(List.of("model.maxPositions: the checkpoint ran with the earlier default 512, this version's is 0"
                + " (--set model.maxPositions=512 continues it)"), now.differences(written));
        RunConfiguration asItRan = RunConfiguration.of(Map.of("task", "pretrain.mlm", "model", Map.of("maxPositions", 512), "train",
                Map.of("lr", 0.001), "data", List.of(Map.of("sha256", "ab"))), Set.of(), firstDefaults);
        assertEquals(List.of(), asItRan.differences(written), "the --set continues it");
    }

    @Test
    void theSameFilesReadAnotherWayAreAnotherConfiguration() {
        Map<String, Object> model = Map.of("charDim", 50);
        Map<String, Object> data = Map.of("format", "bmes", "train", List.of(Map.of("sha256", "ab")));
        Map<String, Object> column1 = Map.of("format", "bmes", "options", Map.of("tagColumn", 1));
        Map<String, Object> written = RunConfiguration.of(Map.of("task", "ner.flat", "model", model, "train", Map.of("lr", 0.001),
                "data", data, "input", column1), Set.of()).values();
        RunConfiguration column2 = RunConfiguration.of(Map.of("task", "ner.flat", "model", model, "train", Map.of("lr", 0.001),
                "data", data, "input", Map.of("format", "bmes", "options", Map.of("tagColumn", 2))), Set.of());
        assertNull(column2.added(written), "another tag column is other labels");
        assertTrue(column2.differences(written).stream().anyMatch(d -> d.startsWith("input.options")), column2.differences(written).toString());
        // a checkpoint from before the reader's options were recorded continues as before
        Map<String, Object> older = RunConfiguration.of(Map.of("task", "ner.flat", "model", model, "train", Map.of("lr", 0.001),
                "data", data), Set.of()).values();
        assertEquals(List.of(), column2.added(older));
    }

    @Test
    void theDataLanguageIsPartOfTheConfigurationOnceRecorded() {
        Map<String, Object> model = Map.of("charDim", 50);
        Map<String, Object> data = Map.of("format", "jsonl", "train", List.of(Map.of("sha256", "ab")));
        java.util.function.Function<Map<String, Object>, RunConfiguration> reading = input -> RunConfiguration.of(Map.of("task",
                "ner.flat", "model", model, "train", Map.of("lr", 0.001), "data", data, "input", input), Set.of());
        Map<String, Object> none = new HashMap<>(Map.of("format", "jsonl", "options", Map.of()));
        none.put("language", null);
        Map<String, Object> written = reading.apply(none).values();
        RunConfiguration zh = reading.apply(Map.of("format", "jsonl", "options", Map.of(), "language", "zh"));
        assertTrue(zh.differences(written).stream().anyMatch(d -> d.startsWith("input.language")), zh.differences(written).toString());
        Map<String, Object> older = reading.apply(Map.of("format", "jsonl", "options", Map.of())).values();
        assertEquals(List.of(), zh.differences(older), "a checkpoint from before the language was recorded continues");
    }

    @Test
    void theTestSplitNeverKeepsARunFromContinuing() {
        Map<String, Object> data = Map.of("format", "bmes", "train", List.of(Map.of("sha256", "ab")), "test", List.of(Map.of("sha256", "t1")));
        Map<String, Object> written = RunConfiguration.of(Map.of("task", "ner.flat", "model", Map.of("charDim", 50), "train",
                Map.of("lr", 0.001), "data", data), Set.of()).values();
        Map<String, Object> withoutTest = new HashMap<>(data);
        withoutTest.remove("test");
        assertEquals(Map.of("format", "bmes", "train", List.of(Map.of("sha256", "ab"))), RunConfiguration.withoutTest(data));
        RunConfiguration fixedTest = RunConfiguration.of(Map.of("task", "ner.flat", "model", Map.of("charDim", 50), "train",
                Map.of("lr", 0.001), "data", RunConfiguration.withoutTest(data)), Set.of());
        assertEquals(List.of(), fixedTest.added(written), "a checkpoint written with a test split continues without one");
        withoutTest.put("train", List.of(Map.of("sha256", "cd")));
        RunConfiguration otherTrain = RunConfiguration.of(Map.of("task", "ner.flat", "model", Map.of("charDim", 50), "train",
                Map.of("lr", 0.001), "data", withoutTest), Set.of());
        assertEquals(List.of("data.train differs (files, their contents or nested settings)"), otherTrain.differences(written));
    }

    @Test
    void theSameDataReadFromAnotherPathContinues() {
        // the data moved, or the run started from another working directory: the same bytes are the same data
        Map<String, Object> written = RunConfiguration.of(Map.of("task", "ner.flat", "model", Map.of("charDim", 50), "train",
                Map.of("lr", 0.001), "data", Map.of("train", List.of(Map.of("path", "../../d/train.bmes", "bytes", 10, "sha256", "ab")))),
                Set.of()).values();
        RunConfiguration moved = RunConfiguration.of(Map.of("task", "ner.flat", "model", Map.of("charDim", 50), "train",
                Map.of("lr", 0.001), "data", Map.of("train", List.of(Map.of("path", "/data/d/train.bmes", "bytes", 10, "sha256", "ab")))),
                Set.of());
        assertEquals(List.of(), moved.differences(written));
        RunConfiguration edited = RunConfiguration.of(Map.of("task", "ner.flat", "model", Map.of("charDim", 50), "train",
                Map.of("lr", 0.001), "data", Map.of("train", List.of(Map.of("path", "../../d/train.bmes", "bytes", 10, "sha256", "cd")))),
                Set.of());
        assertEquals(1, edited.differences(written).size(), "other contents at the same path still differ");
    }

    @Test
    void differencesNameEachOptionAndSection() {
        Map<String, Object> written = RunConfiguration.of(config(Map.of("charDim", 50, "lexicon", List.of("hanlp"), "heads", 8)),
                Set.of()).values();
        RunConfiguration later = RunConfiguration.of(Map.of("task", "ner.flat",
                "model", Map.of("charDim", 64, "lexicon", List.of("hanlp", "user"), "embeddingsVocabulary", "all"),
                "train", Map.of("lr", 0.001), "data", List.of(Map.of("sha256", "cd"))), Set.of("model.charDim"));
        assertEquals(Set.of("model.charDim: 50 in the checkpoint, 64 here",
                "model.lexicon: [hanlp] in the checkpoint, [hanlp, user] here",
                "model.heads: 8 in the checkpoint; this version has no such option",
                "model.embeddingsVocabulary: set to all here; the checkpoint predates the option",
                "data differs (files, their contents or nested settings)"), Set.copyOf(later.differences(written)));
        assertNull(later.added(written));

        RunConfiguration onlyAdded = RunConfiguration.of(config(Map.of("charDim", 50, "lexicon", List.of("hanlp"), "heads", 8,
                "embeddingsVocabulary", "training")), Set.of("model.embeddingsVocabulary"));
        assertEquals(List.of(), onlyAdded.differences(written), "an option added at its default is no difference");
        assertEquals(List.of(), onlyAdded.differences(null), "a checkpoint that kept only its fingerprint: nothing to name");
    }

    @Test
    void aWordListEditedSinceTheCheckpointIsNamed(@TempDir Path dir) throws IOException {
        Path words = dir.resolve("words.txt");
        Path vectors = dir.resolve("vectors.txt");
        Files.writeString(words, "北京\n上海\n");
        Files.writeString(vectors, "2 1\n北京 0.5\n上海 0.25\n");
        Options model = Options.of("ner.flat", Map.of("lexicon", List.of("hanlp", words.toString()), "lexiconVectors", vectors.toString()),
                List.of(OptionSpec.stringList("lexicon", List.of("hanlp"), "sources"), OptionSpec.path("lexiconVectors", "vectors"),
                        OptionSpec.integer("charDim", 50, "size")));
        Map<String, Object> written = withFiles(model).values();
        assertEquals(Set.of("lexicon", "lexiconVectors"), ((Map<?, ?>) written.get(RunConfiguration.FILES)).keySet(),
                "the built-in source and the number are no files");
        assertEquals(List.of(), withFiles(model).differences(written), "the same files");

        Files.writeString(words, "上海\n北京\n");
        assertEquals(List.of("model.lexicon: the contents of " + words + " differ from the checkpoint's (edited or replaced since it"
                + " was written)"), withFiles(model).differences(written));

        Map<String, Object> beforeFilesWereKept = new HashMap<>(written);
        beforeFilesWereKept.remove(RunConfiguration.FILES);
        assertEquals(List.of(), withFiles(model).added(beforeFilesWereKept), "an older checkpoint is continued as before");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStagesUserDictionaryOrModelChangedSinceTheCheckpointIsNamed(@TempDir Path dir) throws IOException {
        Path words = Files.writeString(dir.resolve("user.txt"), "北京大学\n");
        Path segModel = Files.createDirectories(dir.resolve("seg"));
        Files.writeString(segModel.resolve("model.json"), "{}");
        dev.nlpipe.core.config.Node.MapNode with = (dev.nlpipe.core.config.Node.MapNode) dev.nlpipe.core.config.PlainNodes.toNode(
                Map.of("userDictionaries", List.of(words.toString()), "threads", 2), dev.nlpipe.core.config.Location.NONE);
        List<dev.nlpipe.core.config.StageConfig> stages = List.of(
                new dev.nlpipe.core.config.StageConfig("segment.hanlp", "segment.hanlp", with, null, dev.nlpipe.core.config.Location.NONE,
                        null),
                new dev.nlpipe.core.config.StageConfig("tagger", "tag", null, segModel, dev.nlpipe.core.config.Location.NONE, null),
                // a pattern that happens to name the working directory is no file the stage reads
                new dev.nlpipe.core.config.StageConfig("tokenize.regex", "tokenize.regex", (dev.nlpipe.core.config.Node.MapNode)
                        dev.nlpipe.core.config.PlainNodes.toNode(Map.of("pattern", "."), dev.nlpipe.core.config.Location.NONE), null,
                        dev.nlpipe.core.config.Location.NONE, null));
        Map<String, Object> written = withStageFiles(stages).values();
        assertEquals(Set.of("stages[0] (segment.hanlp) with.userDictionaries", "stages[1] (tag) model"),
                ((Map<?, ?>) written.get(RunConfiguration.STAGE_FILES)).keySet(), "the number and the pattern are no files");
        assertEquals(List.of(), withStageFiles(stages).differences(written));

        Files.writeString(words, "北京大学\n清华大学\n");
        Files.writeString(segModel.resolve("model.json"), "{\"kind\": \"other\"}");
        assertEquals(Set.of("stages[0] (segment.hanlp) with.userDictionaries: the contents of " + words + " differ from the"
                + " checkpoint's (edited or replaced since it was written)", "stages[1] (tag) model: the contents of "
                + segModel.resolve("model.json")
                + " differ from the checkpoint's (edited or replaced since it was written)"), Set.copyOf(withStageFiles(stages)
                .differences(written)));

        // a key only the checkpoint has (an earlier version fingerprinted a value this one takes for no file) is no difference
        Map<String, Object> withExtraKey = new HashMap<>(written);
        Map<String, Object> stageFiles = new java.util.TreeMap<>((Map<String, Object>) written.get(RunConfiguration.STAGE_FILES));
        stageFiles.put("stages[2] (tokenize.regex) with.pattern", List.of(Map.of("path", ".", "sha256", "x")));
        withExtraKey.put(RunConfiguration.STAGE_FILES, stageFiles);
        Files.writeString(words, "北京大学\n");
        Files.writeString(segModel.resolve("model.json"), "{}");
        assertEquals(List.of(), withStageFiles(stages).differences(withExtraKey));

        Map<String, Object> beforeStageFilesWereKept = new HashMap<>(written);
        beforeStageFilesWereKept.remove(RunConfiguration.STAGE_FILES);
        assertEquals(List.of(), withStageFiles(stages).added(beforeStageFilesWereKept), "an older checkpoint is continued as before");
    }

    private static RunConfiguration withStageFiles(List<dev.nlpipe.core.config.StageConfig> stages) {
        Map<String, Object> config = new HashMap<>(config(Map.of()));
        config.put(RunConfiguration.STAGE_FILES, RunConfiguration.stageFiles(stages));
        return RunConfiguration.of(config, Set.of());
    }

    private static RunConfiguration withFiles(Options model) {
        Map<String, Object> config = new HashMap<>(config(model.asMap()));
        config.put(RunConfiguration.FILES, RunConfiguration.optionFiles(model));
        return RunConfiguration.of(config, Set.of());
    }
}
