package dev.nlpipe.bert.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.bert.Pooling;
import dev.nlpipe.nn.bert.TinyEncoder;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.DenseVector;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sentence vectors from a tiny random encoder: shapes, lengths, batching and threads (not their meaning). */
class BertEmbedStageTest {
    private static final List<String> TEXTS = List.of("酒店 很 干净", "the room was clean and quiet", "服务 太差 了", "quiet",
            "房间 很 大 the staff was friendly 早餐 也 不错");
    @TempDir
    static Path dir;
    static Path encoder;

    @BeforeAll
    static void writeEncoder() throws IOException {
        encoder = TinyEncoder.write(dir.resolve("encoder"), TEXTS, 3);
    }

    private static double norm(float[] v) {
        return Math.sqrt(SentenceEncoder.dot(v, v));
    }

    @Test
    void aModelTrainedBehindTheStageOnAGpuServesItWhereTheServingStageRuns() throws IOException {
        Path model = dir.resolve("served");
        Path copy = model.resolve("stages/0");
        Files.createDirectories(copy);
        try (var files = Files.list(encoder)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName().toString()));
            }
        }
        // as model.json records an embed.bert stage trained on a machine with eight GPUs
        ModelMeta meta = new ModelMeta(new java.util.LinkedHashMap<>(Map.of(dev.nlpipe.core.model.ModelPreprocessing.KEY,
                List.of(Map.of("type", "embed.bert", "with", Map.of("device", "gpu:7", "threads", 2, "name", "sv"), "model", "stages/0")))));
        assertThrows(RuntimeException.class, () -> dev.nlpipe.core.model.ModelPreprocessing.rebuild(model, meta, "pre").close(),
                "the recorded device, where no one serves");
        try (Pipeline p = dev.nlpipe.core.model.ModelPreprocessing.rebuild(model, meta, "pre", new LoadOptions("cpu", 4, 1))) {
            float[] v = ((DenseVector) p.process(new Document("d", TEXTS.get(0))).get(0).vectors().get("sv")).values();
            assertEquals(32, v.length);
        }
    }

    @Test
    void anEncoderGivenToTheNerStageIsToldToBeFineTunedAndAMissingOneToBeImported() {
        ConfigException e = assertThrows(ConfigException.class, () -> Pipeline.builder().add("ner", Map.of(), encoder).build().close());
        assertTrue(e.getMessage().contains("holds an 'encoder.bert' model, which is not a Tagger: it is a pretrained BERT encoder")
                && e.getMessage().contains("fine-tune it first (task ner.bert or classify.bert"), e.getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> Pipeline.builder().add("embed.bert", Map.of(), dir.resolve("no-such-encoder")).build().close());
        assertTrue(missing.getMessage().contains("make one with `nlpipe model import`"), missing.getMessage());
    }

    @Test
    void aStagedCopyBeingPublishedIsNamedAsTheDirectoryItWillBecome() throws IOException {
        // a training scores its test split with the model staged under a hidden name that is gone once it ends
        Path staged = dir.resolve(".published.tmp-1234-5678abcd");
        Files.createDirectories(staged);
        try (var files = Files.list(encoder)) {
            for (Path f : files.toList()) {
                Files.copy(f, staged.resolve(f.getFileName().toString()));
            }
        }
        try (SentenceEncoder e = SentenceEncoder.load(staged, Pooling.CLS, true, 0, new LoadOptions("cpu", 8, 1))) {
            assertEquals(dir.resolve("published").toString(), e.cutTexts().model());
        }
    }

    @Test
    void theStageWritesAUnitVectorOfTheHiddenSizeUnderItsName() {
        try (Pipeline p = Pipeline.builder().inputLayers().add("embed.bert", Map.of("name", "sv", "device", "cpu"), encoder).build()) {
            Document d = p.process(new Document("d", TEXTS.get(0))).get(0);
            float[] v = ((DenseVector) d.vectors().get("sv")).values();
            assertEquals(32, v.length);
            assertEquals(1.0, norm(v), 1e-5);
        }
    }

    @Test
    void aNormalizerBeforeTheStageChangesWhatTheEncoderReads() {
        try (Pipeline plain = Pipeline.builder().inputLayers().add("embed.bert", Map.of("device", "cpu"), encoder).build();
                Pipeline folded = Pipeline.builder().inputLayers().add("normalize.chinese").add("embed.bert", Map.of("device", "cpu"), encoder).build()) {
            float[] want = ((DenseVector) plain.process(new Document("h", "the room was clean")).get(0).vectors().get("bert")).values();
            float[] got = ((DenseVector) folded.process(new Document("f", "ｔｈｅ ｒｏｏｍ ｗａｓ ｃｌｅａｎ")).get(0).vectors().get("bert")).values();
            assertArrayEquals(want, got, 1e-6f);
        }
    }

    @Test
    void withoutNormalizationMeanPoolingKeepsItsLength() {
        try (SentenceEncoder cls = SentenceEncoder.load(encoder, Pooling.CLS, false, 0, new LoadOptions("cpu", 8, 1));
             SentenceEncoder mean = SentenceEncoder.load(encoder, Pooling.MEAN, false, 0, new LoadOptions("cpu", 8, 1))) {
            float[] a = cls.embed(TEXTS.get(1));
            float[] b = mean.embed(TEXTS.get(1));
            // BERT's last LayerNorm leaves each hidden state with a norm near sqrt(hidden); the mean of several is shorter
            assertEquals(Math.sqrt(32), norm(a), 1.0);
            assertEquals(true, norm(b) < norm(a), norm(b) + " vs " + norm(a));
        }
    }

    @Test
    void aTextHasTheSameVectorAloneAndInAPaddedBatch() {
        try (SentenceEncoder enc = SentenceEncoder.load(encoder, Pooling.MEAN, true, 0, new LoadOptions("cpu", 8, 1))) {
            float[] alone = enc.embed("quiet");
            float[][] batch = enc.embed(TEXTS);
            assertArrayEquals(alone, batch[3], 1e-5f);
        }
    }

    @Test
    void batchesOfOneGiveTheVectorsOfOneBatch() {
        try (SentenceEncoder small = SentenceEncoder.load(encoder, Pooling.CLS, true, 0, new LoadOptions("cpu", 1, 1));
             SentenceEncoder large = SentenceEncoder.load(encoder, Pooling.CLS, true, 0, new LoadOptions("cpu", 64, 1))) {
            float[][] a = small.embed(TEXTS);
            float[][] b = large.embed(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertArrayEquals(a[i], b[i], 1e-5f, TEXTS.get(i));
            }
        }
    }

    @Test
    void oneLoadedEncoderServesSeveralThreadsWithTheSameVectors() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add(TEXTS.get(i % TEXTS.size()) + " " + TEXTS.get((i * 7) % TEXTS.size()));
        }
        try (SentenceEncoder enc = SentenceEncoder.load(encoder, Pooling.CLS, true, 0, new LoadOptions("cpu", 8, 1))) {
            float[][] alone = enc.embed(texts);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[][]>> runs = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    runs.add(pool.submit(() -> enc.embed(texts)));
                }
                for (Future<float[][]> run : runs) {
                    float[][] got = run.get();
                    for (int i = 0; i < texts.size(); i++) {
                        assertArrayEquals(alone[i], got[i], 1e-5f, texts.get(i));
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void longTextsAreCutToMaxLength() {
        String longText = "quiet ".repeat(100);
        try (SentenceEncoder enc = SentenceEncoder.load(encoder, Pooling.MEAN, true, 8, new LoadOptions("cpu", 8, 1))) {
            assertArrayEquals(enc.embed("quiet ".repeat(6)), enc.embed(longText), 1e-5f);
            assertTrue(enc.cutTexts().advice().startsWith("raise the stage's maxLength up to the encoder's"), enc.cutTexts().advice());
        }
        // at the encoder's own limit there is nothing to raise
        try (SentenceEncoder enc = SentenceEncoder.load(encoder, Pooling.MEAN, true, 0, new LoadOptions("cpu", 8, 1))) {
            assertTrue(enc.cutTexts().advice().startsWith("the encoder reads no more"), enc.cutTexts().advice());
        }
    }

    @Test
    void aModelDirectoryOfAnotherKindIsRefusedBeforeAnyDocument() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        ModelDir.writeMeta(other, ModelMeta.create("classify.bert", 1));
        assertThrows(ConfigException.class, () -> Pipeline.builder().inputLayers().add("embed.bert", Map.of(), other).build());
    }
}
