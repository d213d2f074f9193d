package dev.nlpipe.ner.flat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.ner.NerEvaluator;
import dev.nlpipe.ner.bilstm.SyntheticCorpus;
import dev.nlpipe.ner.bilstm.Training;
import dev.nlpipe.nn.SafeTensorsFile;
import dev.nlpipe.nn.TensorFile;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import dev.nlpipe.nn.bert.TinyEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FLAT + BERT with a tiny random encoder: it trains, fine-tunes the encoder, and reloads to the same predictions. */
class FlatBertTest {
    @TempDir
    static Path dir;
    static Path encoder;
    static Path model;
    static Path test;
    static String yaml;

    @BeforeAll
    static void train() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 80, 1);
        Path dev = SyntheticCorpus.chinese(dir.resolve("dev.bmes"), 20, 2);
        test = SyntheticCorpus.chinese(dir.resolve("test.bmes"), 30, 3);
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(train)) {
            if (!line.isBlank()) {
                texts.add(line.substring(0, 1));
            }
        }
        encoder = TinyEncoder.write(dir.resolve("encoder"), List.of(String.join("", texts)), 5);
        Path words = Files.write(dir.resolve("words.txt"), SyntheticCorpus.partialLexicon());
        // 12 pieces per window: the longer sentences are read in several windows
        yaml = FlatTaggerTest.yaml(train, dev, test, words, ", encoder: " + encoder + ", encoderMaxLength: 12")
                .replace("train: {", "train: { encoderLrScale: 0.5,");
        model = dir.resolve("flat-bert");
        Training.run(dir, yaml, model);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return DocumentJson.mapper().readValue(file.toFile(), LinkedHashMap.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void learnsTheEntitiesAndFineTunesTheEncoder() throws IOException {
        Map<String, Object> metrics = json(model.resolve("metrics.json"));
        double f1 = ((Number) ((Map<?, ?>) metrics.get("test")).get("f1")).doubleValue();
        assertTrue(f1 > 0.8, "test F1 " + f1);
        Map<String, Object> meta = json(model.resolve("model.json"));
        assertEquals(true, ((Map<String, Object>) meta.get("network")).get("encoder"));
        assertEquals(0.5, ((Map<String, Object>) meta.get("encoder")).get("lrScale"));
        for (String f : List.of(PretrainedEncoder.CONFIG, PretrainedEncoder.TOKENIZER, PretrainedEncoder.VOCAB, "lexicon.txt")) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        Map<String, TensorFile.Tensor> weights = TensorFile.read(model.resolve(FlatModel.WEIGHTS));
        Map<String, TensorFile.Tensor> pretrained = SafeTensorsFile.read(encoder.resolve(PretrainedEncoder.WEIGHTS));
        String name = "encoder.layer.0.attention.self.query.weight";
        assertEquals(pretrained.get(name).values().length, weights.get(FlatNetwork.ENCODER_PREFIX + name).values().length);
        assertFalse(java.util.Arrays.equals(pretrained.get(name).values(), weights.get(FlatNetwork.ENCODER_PREFIX + name).values()),
                "the encoder is fine-tuned");
    }

    @Test
    void theReloadedModelPredictsWhatTheTrainedOneDid() throws IOException {
        double trained = ((Number) ((Map<?, ?>) json(model.resolve("metrics.json")).get("test")).get("f1")).doubleValue();
        NerEvaluator.Result r = NerEvaluator.evaluate(model, test, "bmes", new LoadOptions("cpu", 5, 1),
                new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(trained, r.scores().f1(), 1e-12);
        String longText = "张伟在北京的华为公司工作，王芳毕业于清华大学，李强说人民银行很好。";
        List<Document> docs = List.of(new Document("a", longText));
        try (FlatPredictor p = FlatModel.load(model).predictorOn(Device.cpu()); FlatPredictor q = FlatModel.load(model).predictorOn(Device.cpu())) {
            List<?> first = p.entities(docs, 1);
            assertEquals(first, q.entities(docs, 1));
            assertFalse(((List<?>) first.get(0)).isEmpty(), "a sentence read in several windows still gets its entities");
        }
    }

    @Test
    void theEncoderMustHoldTheWindow() {
        ConfigException e = assertThrows(ConfigException.class, () -> Training.run(dir, yaml, dir.resolve("too-long"),
                "model.encoderMaxLength=100"));
        assertTrue(e.getMessage().contains("encoderMaxLength") && e.getMessage().contains("64"), e.getMessage());
    }

    @Test
    void withoutAnEncoderNoEncoderWeightIsWritten() throws IOException {
        Path plain = dir.resolve("plain");
        Training.run(dir, yaml.replace(", encoder: " + encoder + ", encoderMaxLength: 12", "").replace("epochs: 8", "epochs: 1")
                .replace("encoderLrScale: 0.5,", ""), plain);
        assertTrue(TensorFile.read(plain.resolve(FlatModel.WEIGHTS)).keySet().stream().noneMatch(FlatNetwork::isEncoder));
        assertFalse(Files.exists(plain.resolve(PretrainedEncoder.CONFIG)));
    }

    @Test
    void anEncoderLearningRateOfZeroKeepsTheEncoderFixed() throws IOException {
        Path fixed = dir.resolve("fixed-encoder");
        String log = Training.run(dir, yaml.replace("encoderLrScale: 0.5,", "encoderLrScale: 0,").replace("epochs: 8", "epochs: 1"), fixed);
        // frozen, not only stepped by 0: its gradients are not computed, so clipNorm's global norm is FLAT's own
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9,]+) weights \\(([0-9,]+) trainable\\)").matcher(log);
        assertTrue(m.find(), log);
        long all = Long.parseLong(m.group(1).replace(",", ""));
        long trainable = Long.parseLong(m.group(2).replace(",", ""));
        long encoderScalars = dev.nlpipe.nn.SafeTensorsFile.read(encoder.resolve("model.safetensors")).values().stream()
                .mapToLong(t -> t.values().length).sum();
        assertTrue(trainable <= all - encoderScalars, all + " scalars, " + trainable + " trainable, the encoder's " + encoderScalars);
        var imported = dev.nlpipe.nn.SafeTensorsFile.read(encoder.resolve("model.safetensors"));
        var saved = TensorFile.read(fixed.resolve(FlatModel.WEIGHTS));
        String query = "encoder.layer.0.attention.self.query.weight";
        assertArrayEquals(imported.get(query).values(), saved.get(FlatNetwork.ENCODER_PREFIX + query).values());
    }
}
