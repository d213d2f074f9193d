package dev.nlpipe.bert.mlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.bert.FineTunedFiles;
import dev.nlpipe.nn.bert.TinyEncoder;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.SafeTensorsFile;
import dev.nlpipe.nn.SameSeedRuns;
import dev.nlpipe.nn.TensorFile;
import dev.nlpipe.nn.bert.BertEncoder;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny random encoder pre-trained once on a made-up corpus, then used as an encoder.bert directory. */
class MlmTrainingTest {
    @TempDir
    static Path dir;
    static Path encoder;
    static Path corpus;
    static Path model;

    static void train(Path out, String model, String train, String stages) throws IOException {
        trainOn(corpus, out, model, train, stages);
    }

    /** Trains on a corpus; returns the log. */
    static String trainOn(Path text, Path out, String model, String train, String stages) throws IOException {
        return trainWith("train: " + text + ", format: text", out, model, train, stages);
    }

    /** Trains with the given {@code data:} entries; returns the log. */
    static String trainWith(String data, Path out, String model, String train, String stages) throws IOException {
        Path cfg = dir.resolve("train-" + out.getFileName() + ".yaml");
        Files.writeString(cfg, "task: pretrain.mlm\n"
                + "data: { " + data + " }\n"
                + (stages == null ? "" : "stages: " + stages + "\n")
                + "model: { " + model + " }\n"
                + "train: { batchSize: 16, device: cpu, threads: 1, seed: 5, patience: 0, devFraction: 0.2" + train + " }\n");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (PrintStream p = new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
             TrainingJob job = TrainingJob.prepare(TrainConfig.load(cfg, List.of()), out, p)) {
            job.run();
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void pretrainOnce() throws IOException {
        encoder = TinyEncoder.write(dir.resolve("encoder"), MlmTexts.vocabulary(), 1);
        corpus = MlmTexts.write(dir.resolve("corpus.txt"), 400, 1);
        model = dir.resolve("mlm");
        train(model, "encoder: " + encoder + ", maxLength: 32", ", epochs: 8, lr: 0.01", null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return DocumentJson.mapper().readValue(file.toFile(), LinkedHashMap.class);
    }

    private static double dev(Path modelDir, String when, String score) throws IOException {
        Map<?, ?> dev = (Map<?, ?>) json(modelDir.resolve("metrics.json")).get("dev");
        return ((Number) ((Map<?, ?>) dev.get(when)).get(score)).doubleValue();
    }

    @Test
    void theLossFallsAndHeldOutMaskedAccuracyRises() throws IOException {
        List<String> lines = Files.readAllLines(model.resolve("metrics.jsonl"));
        double first = ((Number) DocumentJson.mapper().readValue(lines.get(0), Map.class).get("loss")).doubleValue();
        double last = ((Number) DocumentJson.mapper().readValue(lines.get(lines.size() - 1), Map.class).get("loss")).doubleValue();
        assertTrue(last < first * 0.6, first + " -> " + last);
        double before = dev(model, "before", "accuracy");
        double after = dev(model, "after", "accuracy");
        assertTrue(after > before + 0.15, before + " -> " + after);
        assertTrue(dev(model, "after", "perplexity") < dev(model, "before", "perplexity"));
    }

    @Test
    void theOutputIsAnEncoderDirectoryWhoseEncoderBindsWithoutTheHead() throws IOException {
        for (String f : List.of("model.json", "config.json", "model.safetensors", "vocab.txt", "tokenizer.json", "metrics.json")) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        PretrainedEncoder e = ModelKinds.get().load(model, PretrainedEncoder.class, LoadOptions.DEFAULT);
        assertEquals(TinyEncoder.config(e.config().vocabSize()), e.config());
        assertEquals(Set.of("cls.predictions.transform.dense.weight", "cls.predictions.transform.dense.bias",
                "cls.predictions.transform.LayerNorm.weight", "cls.predictions.transform.LayerNorm.bias", "cls.predictions.bias"),
                e.heads().keySet());
        assertFalse(e.weights().keySet().stream().anyMatch(n -> n.startsWith("cls.") || n.startsWith("bert.")));
        NeuralEngine.noGrad();
        try (Params p = new Params(Device.cpu(), false); NDManager scope = p.manager().newSubManager()) {
            e.weights().forEach((name, t) -> p.put(name, new Shape(t.shape()), t.values()));
            NDArray ids = scope.create(new long[] {2, 7, 8, 3}, new Shape(1, 4));
            NDArray h = BertEncoder.bind(p, "", e.config()).forward(ids, null, new int[] {4}, false);
            assertEquals(new Shape(1, 4, 32), h.getShape());
        }
    }

    @Test
    void theModelJsonRecordsTheStartingEncoderAndTheScores() throws IOException {
        Map<String, Object> meta = json(model.resolve("model.json"));
        assertEquals(PretrainedEncoder.KIND, meta.get("kind"));
        Map<?, ?> source = (Map<?, ?>) meta.get("source");
        assertEquals("pretrain.mlm", source.get("kind"));
        assertEquals(Map.of("kind", "test"), ((Map<?, ?>) source.get("encoder")).get("source"));
        assertEquals("pieces", ((Map<?, ?>) meta.get("mlm")).get("words"));
        assertTrue(((Map<?, ?>) ((Map<?, ?>) meta.get("metrics")).get("dev")).containsKey("after"));
    }

    @Test
    void aContinuedEncodersTokenizerCutsTextsWhereItsPositionsEnd() throws IOException {
        // the starting encoder's tokenizer, as an imported one's, has no cut of its own
        assertEquals(null, json(encoder.resolve("tokenizer_config.json")).get("model_max_length"));
        assertEquals(TinyEncoder.config(1).maxPositions(), json(model.resolve("tokenizer_config.json")).get("model_max_length"));
    }

    @Test
    void classifyBertFineTunesThePretrainedEncoder() throws IOException {
        Path tsv = dir.resolve("labelled.tsv");
        StringBuilder sb = new StringBuilder("label\ttext\n");
        for (int i = 0; i < 48; i++) {
            sb.append(i % 2 == 0 ? "pos\t我们 喜欢 音乐 很好\n" : "neg\t他们 讨论 历史 失望\n");
        }
        Files.writeString(tsv, sb);
        Path cfg = dir.resolve("classify.yaml");
        Files.writeString(cfg, "task: classify.bert\n"
                + "data: { train: " + tsv + ", format: tsv, textColumn: text, labelColumn: label }\n"
                + "model: { encoder: " + model + ", maxLength: 16 }\n"
                + "train: { epochs: 1, batchSize: 16, lr: 0.003, device: cpu, threads: 1, seed: 5 }\n");
        Path out = dir.resolve("clf");
        try (PrintStream p = new PrintStream(OutputStream.nullOutputStream());
             TrainingJob job = TrainingJob.prepare(TrainConfig.load(cfg, List.of()), out, p)) {
            job.run();
        }
        assertEquals("classify.bert", ModelDir.read(out).get("kind"));
        Set<String> names = FineTunedFiles.read(out).weights().keySet();
        assertTrue(names.contains("bert.embeddings.word_embeddings.weight"));
        assertFalse(names.stream().anyMatch(n -> n.contains("cls.")), names.toString());
    }

    @Test
    void continuedPreTrainingStartsFromTheSavedEncoderAndHead() throws IOException {
        Path again = dir.resolve("mlm-continued");
        train(again, "encoder: " + model + ", maxLength: 32", ", epochs: 1, lr: 0.01", null);
        assertEquals(dev(model, "after", "accuracy"), dev(again, "before", "accuracy"), 1e-9);
        assertEquals(dev(model, "after", "loss"), dev(again, "before", "loss"), 1e-5);
        // its masks follow the first run's epochs instead of drawing them again
        int first = ((Number) ((Map<?, ?>) json(model.resolve("model.json")).get("training")).get("epochs")).intValue();
        assertEquals(first, ((Map<?, ?>) json(model.resolve("model.json")).get("mlm")).get("maskEpochs"));
        assertEquals(first + 1, ((Map<?, ?>) json(again.resolve("model.json")).get("mlm")).get("maskEpochs"));
        // the continued run's first epoch draws as epoch first + 1 of one long run, not as the first run's first epoch
        assertEquals(MlmTrainer.maskDraw(5, 0, first + 1, 3).nextLong(), MlmTrainer.maskDraw(5, first, 1, 3).nextLong());
        assertNotEquals(MlmTrainer.maskDraw(5, 0, 1, 3).nextLong(), MlmTrainer.maskDraw(5, first, 1, 3).nextLong());
        int pad = Files.readAllLines(again.resolve("vocab.txt")).indexOf("[PAD]");
        assertEquals(pad, json(again.resolve("config.json")).get("pad_token_id"), "Hugging Face's padding row is [PAD]'s");
    }

    @Test
    void theSameSeedGivesTheSameWeights() throws IOException {
        SameSeedRuns.assertReproduced(model, dir.resolve("mlm-twin"),
                out -> train(out, "encoder: " + encoder + ", maxLength: 32", ", epochs: 8, lr: 0.01", null), MlmTrainingTest::sameRun);
    }

    /** Whether two trainings logged the same epochs and wrote the same weights. */
    private static boolean sameRun(Path a, Path b) throws IOException {
        if (!curve(a).equals(curve(b))) {
            return false;
        }
        Map<String, TensorFile.Tensor> x = SafeTensorsFile.read(a.resolve("model.safetensors"));
        Map<String, TensorFile.Tensor> y = SafeTensorsFile.read(b.resolve("model.safetensors"));
        if (!List.copyOf(x.keySet()).equals(List.copyOf(y.keySet()))) {
            return false;
        }
        for (Map.Entry<String, TensorFile.Tensor> e : x.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue().values(), y.get(e.getKey()).values())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> curve(Path model) throws IOException {
        return Files.readAllLines(model.resolve("metrics.jsonl")).stream().map(l -> l.replaceAll(",\"seconds.*", "")).toList();
    }

    @Test
    void aNewEncoderIsPreTrainedFromAVocabulary() throws IOException {
        Path scratch = dir.resolve("mlm-scratch");
        train(scratch, "vocabulary: " + encoder + ", layers: 1, hidden: 16, heads: 2, maxPositions: 40, maxLength: 32", ", epochs: 2, lr: 0.01",
                null);
        PretrainedEncoder e = ModelKinds.get().load(scratch, PretrainedEncoder.class, LoadOptions.DEFAULT);
        assertEquals(1, e.config().layers());
        assertEquals(16, e.config().hidden());
        assertEquals(64, e.config().intermediate());
        assertEquals(40, e.config().maxPositions());
        assertTrue(((Map<?, ?>) json(scratch.resolve("model.json")).get("source")).containsKey("scratch"));
    }

    @Test
    void aNewEncodersPositionsAreAsLongAsItsTrainingSequencesUnlessAskedAndThenWarned() throws IOException {
        Path plain = dir.resolve("mlm-scratch-positions");
        trainOn(corpus, plain, "vocabulary: " + encoder + ", layers: 1, hidden: 16, heads: 2, maxLength: 24", ", epochs: 1", null);
        assertEquals(24, ModelKinds.get().load(plain, PretrainedEncoder.class, LoadOptions.DEFAULT).config().maxPositions());
        assertEquals(24, dev.nlpipe.nn.bert.BertTokenizer.load(plain).truncation().maxLength(), "the saved tokenizer cuts there too");
        Map<String, Object> hf = json(plain.resolve("tokenizer_config.json"));
        assertEquals(24, hf.get("model_max_length"), "and transformers' tokenizers, which read this instead");
        assertEquals("[MASK]", hf.get("mask_token"));
        String log = trainOn(corpus, dir.resolve("mlm-scratch-longer"), "vocabulary: " + encoder + ", layers: 1, hidden: 16, heads: 2,"
                + " maxPositions: 40, maxLength: 24", ", epochs: 1", null);
        assertTrue(log.contains("warning: model.maxPositions 40 is longer than the training sequences (maxLength 24): position vectors"
                + " 24-39 stay as initialized"), log);
    }

    @Test
    void aTokenizersAddedTokenPastItsVocabularyGetsARowOfItsOwn() throws IOException {
        // a Hugging Face tokenizer.json after tokenizer.add_tokens(["covid"]): the token's id is past the vocabulary's last
        Path vocabulary = Files.createDirectories(dir.resolve("vocab-added"));
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) DocumentJson.mapper()
                .readTree(encoder.resolve("tokenizer.json").toFile());
        int pieces = json.path("model").path("vocab").size();
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.withArray("added_tokens")).addObject().put("id", pieces).put("content", "covid")
                .put("single_word", false).put("lstrip", false).put("rstrip", false).put("normalized", true).put("special", false);
        DocumentJson.mapper().writeValue(vocabulary.resolve("tokenizer.json").toFile(), json);
        List<String> lines = Files.readAllLines(corpus).subList(0, 200).stream().map(l -> l + " covid").toList();
        Path text = Files.write(dir.resolve("covid.txt"), lines);
        Path out = dir.resolve("mlm-scratch-added");
        trainOn(text, out, "vocabulary: " + vocabulary + ", layers: 1, hidden: 16, heads: 2, maxLength: 32", ", epochs: 1", null);
        assertEquals(pieces + 1, ModelKinds.get().load(out, PretrainedEncoder.class, LoadOptions.DEFAULT).config().vocabSize());
    }

    @Test
    void aVocabularyWithoutClsOrSepIsNamedAtItsOption() throws IOException {
        Path vocabulary = Files.createDirectories(dir.resolve("vocab-no-cls"));
        List<String> pieces = Files.readAllLines(encoder.resolve("vocab.txt")).stream().filter(p -> !p.equals("[CLS]")).toList();
        Files.write(vocabulary.resolve("vocab.txt"), pieces);
        dev.nlpipe.core.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(dev.nlpipe.core.config.ConfigException.class,
                () -> trainOn(corpus, dir.resolve("mlm-no-cls"), "vocabulary: " + vocabulary + ", layers: 1, hidden: 16, heads: 2",
                        ", epochs: 1", null));
        assertTrue(e.getMessage().contains("option 'vocabulary'") && e.getMessage().contains("lacks [CLS] or [SEP]")
                && e.getMessage().contains("specialTokens"), e.getMessage());
    }

    @Test
    void aVocabularyGivenAsItsFileOrMissingIsNamedWithTheFix() {
        for (String[] c : new String[][] {{encoder.resolve("vocab.txt").toString(), "is a file: give the directory that holds it"},
                {dir.resolve("nothere").toString(), "not found: "}}) {
            dev.nlpipe.core.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.nlpipe.core.config.ConfigException.class, () -> trainOn(corpus, dir.resolve("mlm-vocab-file"), "vocabulary: " + c[0]
                            + ", layers: 1, hidden: 16, heads: 2", ", epochs: 1", null));
            assertTrue(e.getMessage().contains("option 'vocabulary'") && e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    @Test
    void wholeWordMaskingTakesTheWordsOfTheStagesTokens() throws IOException {
        Path wwm = dir.resolve("mlm-wwm");
        train(wwm, "encoder: " + encoder + ", maxLength: 32, wholeWord: true", ", epochs: 1, lr: 0.01",
                "[{type: tokenize.regex, with: {pattern: '\\S+'}}]");
        assertEquals("tokens", ((Map<?, ?>) json(wwm.resolve("model.json")).get("mlm")).get("words"));
        assertTrue(dev(wwm, "after", "accuracy") >= 0);
    }

    @Test
    void tokensTheDataFormatGivesAreNotCalledASegmentersWords() throws IOException {
        // a CoNLL or BMES file gives tokens no stage made (one per character in a Chinese one): the log said "the stages' segmenter"
        StringBuilder conll = new StringBuilder();
        for (String line : Files.readAllLines(corpus)) {
            for (String w : line.trim().split("\\s+")) {
                conll.append(w).append("\tO\n");
            }
            conll.append('\n');
        }
        Path data = Files.writeString(dir.resolve("corpus.conll"), conll);
        Path out = dir.resolve("mlm-data-tokens");
        String log = trainWith("train: " + data + ", format: conll", out, "encoder: " + encoder + ", maxLength: 32, wholeWord: true",
                ", epochs: 1", null);
        assertEquals("data-tokens", ((Map<?, ?>) json(out.resolve("model.json")).get("mlm")).get("words"));
        assertTrue(log.contains("whole words = the tokens the data format gives, no stage making any"), log);
    }

    @Test
    void aSplitWithNothingToMaskIsRefusedBeforeTraining() throws IOException {
        Path blank = Files.writeString(dir.resolve("blank.txt"), "\n\n  \n");
        for (String split : List.of("train", "dev", "test")) {
            Path out = dir.resolve("mlm-blank-" + split);
            String data = split.equals("train") ? "train: " + blank : "train: " + corpus + ", " + split + ": " + blank;
            dev.nlpipe.core.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.nlpipe.core.config.ConfigException.class, () -> trainWith(data + ", format: text", out,
                            "encoder: " + encoder + ", maxLength: 32", ", epochs: 1", null));
            assertTrue(e.getMessage().contains("data." + split + ": " + blank + " holds no text with a piece to mask")
                    || split.equals("train") && e.getMessage().contains("data.train: no documents in " + blank), e.getMessage());
            assertFalse(Files.exists(out), split);
        }
    }

    @Test
    void aVocabularyGivenAsTheEncoderIsToldToBeTheVocabulary() throws IOException {
        Path vocabulary = Files.createDirectories(dir.resolve("wordpiece"));
        ModelDir.writeMeta(vocabulary, dev.nlpipe.core.model.ModelMeta.create("tokenize.wordpiece", 1));
        dev.nlpipe.core.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.nlpipe.core.config.ConfigException.class, () -> train(dir.resolve("mlm-vocab-as-encoder"), "encoder: " + vocabulary,
                        ", epochs: 1", null));
        assertTrue(e.getMessage().contains("option 'encoder'") && e.getMessage().contains("is a tokenize.wordpiece vocabulary, not an"
                + " encoder") && e.getMessage().contains("model.vocabulary: " + vocabulary), e.getMessage());
    }

    @Test
    void anOutputOverTheEncoderItReadsIsRefused() throws IOException {
        // it replaced the starting encoder, and model.json named itself as its source
        Path copy = TinyEncoder.write(dir.resolve("encoder-copy"), MlmTexts.vocabulary(), 1);
        for (Path out : List.of(copy, copy.resolve("continued"))) {
            dev.nlpipe.core.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.nlpipe.core.config.ConfigException.class, () -> train(out, "encoder: " + copy + ", maxLength: 32", ", epochs: 1",
                            null));
            assertTrue(e.getMessage().contains(out + (out.equals(copy) ? " is " : " lies inside ") + "model.encoder (" + copy
                    + "), which this training reads"), e.getMessage());
        }
        assertTrue(Files.isRegularFile(copy.resolve("model.safetensors")));
    }
}
