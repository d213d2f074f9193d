package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Options;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true);

    static TrainSettings settings(Map<String, Object> given) {
        Map<String, Object> m = new HashMap<>(Map.of("epochs", 6, "batchSize", 8, "lr", 0.05, "device", "cpu", "threads", 1));
        m.putAll(given);
        return TrainSettings.from(Options.of("train", m, TrainSettings.options()));
    }

    private TrainingResult train(ToyRegression model, TrainSettings s, Path ckpt) throws IOException {
        return new TrainingLoop(s, "score", new Checkpoints(ckpt), "toy", log).run(model, model.train, ToyRegression::length);
    }

    /** Makes training fail a few batches into the third epoch (batches of 8). */
    private static void interruptInEpochThree(ToyRegression m) {
        int[] calls = {0};
        int perEpoch = (m.train.size() + 7) / 8;
        m.beforeBatch = () -> {
            if (++calls[0] == 2 * perEpoch + 3) {
                throw new IllegalStateException("simulated interruption");
            }
            return 0;
        };
    }

    /** The toy model, recording the weights {@code w} it is scored with at each epoch in {@code atEpoch[epoch]}. */
    private static Trainable<Integer> recordingScoredWeights(ToyRegression m, float[][] atEpoch) {
        return recordingScoredWeights(m, atEpoch, m::evaluate);
    }

    /** The same, with {@code scores} as the dev evaluation (it must count {@code m.evaluations}). */
    private static Trainable<Integer> recordingScoredWeights(ToyRegression m, float[][] atEpoch, Supplier<Map<String, Double>> scores) {
        return new Trainable<>() {
            @Override
            public Params params() {
                return m.params;
            }

            @Override
            public NDArray loss(List<Integer> batch, NDManager scope) {
                return m.loss(batch, scope);
            }

            @Override
            public Map<String, Double> evaluate() {
                atEpoch[m.evaluations + 1] = m.params.get("w").toFloatArray();
                return scores.get();
            }
        };
    }

    @Test
    void everyOptimizerLowersTheLoss(@TempDir Path dir) throws IOException {
        for (String opt : List.of("adam", "adamw", "sgd")) {
            try (ToyRegression m = new ToyRegression(1, 400)) {
                double before = m.trainLoss();
                Map<String, Object> cfg = new HashMap<>(Map.of("optimizer", opt, "weightDecay", 0.0001, "resume", false));
                if (opt.equals("sgd")) {
                    cfg.put("lr", 0.02);
                }
                TrainingResult r = train(m, settings(cfg), dir.resolve(opt));
                double after = m.trainLoss();
                assertTrue(after < before * 0.2, opt + ": loss " + before + " -> " + after);
                double first = ((Number) r.history().get(0).get("loss")).doubleValue();
                double last = ((Number) r.history().get(r.history().size() - 1).get("loss")).doubleValue();
                assertTrue(last < first, opt + ": epoch loss " + first + " -> " + last);
            }
        }
    }

    @Test
    void aFixedSeedRepeatsTheRunExactly(@TempDir Path dir) throws IOException {
        float[] a;
        float[] b;
        try (ToyRegression m = new ToyRegression(7, 200)) {
            train(m, settings(Map.of("resume", false)), dir.resolve("a"));
            a = m.params.get("w").toFloatArray();
        }
        try (ToyRegression m = new ToyRegression(7, 200)) {
            train(m, settings(Map.of("resume", false)), dir.resolve("b"));
            b = m.params.get("w").toFloatArray();
        }
        assertArrayEquals(a, b);
    }

    @Test
    void randomBatchesTrainRepeatUnderTheSeedAndAreNotTheBucketedOnes(@TempDir Path dir) throws IOException {
        float[][] w = new float[3][];
        for (int run = 0; run < 3; run++) {
            try (ToyRegression m = new ToyRegression(7, 200)) {
                double before = m.trainLoss();
                train(m, settings(Map.of("resume", false, "batches", run < 2 ? "random" : "bucketed")), dir.resolve("r" + run));
                assertTrue(m.trainLoss() < before * 0.2, "loss " + before + " -> " + m.trainLoss());
                w[run] = m.params.get("w").toFloatArray();
            }
        }
        assertArrayEquals(w[0], w[1], "the same seed draws the same random batches");
        assertFalse(Arrays.equals(w[0], w[2]), "random batches are other batches than the bucketed ones");
        assertThrows(ConfigException.class, () -> settings(Map.of("batches", "sorted")));
    }

    @Test
    void anInterruptedRunResumesToTheSameWeights(@TempDir Path dir) throws IOException {
        assertResumesExactly(dir, false);
    }

    @Test
    void anInterruptedRunWithATableUpdatedByRowsResumesToTheSameWeights(@TempDir Path dir) throws IOException {
        assertResumesExactly(dir, true);
    }

    private void assertResumesExactly(Path dir, boolean offsetsByRows) throws IOException {
        String[] weights = offsetsByRows ? new String[] {"w", "offset"} : new String[] {"w"};
        Map<String, float[]> uninterrupted = new HashMap<>();
        List<Map<String, Object>> fullHistory;
        try (ToyRegression m = new ToyRegression(3, 200, offsetsByRows)) {
            TrainingResult r = train(m, settings(Map.of("epochs", 4, "patience", 0)), dir.resolve("full"));
            for (String w : weights) {
                uninterrupted.put(w, m.params.get(w).toFloatArray());
            }
            fullHistory = r.history();
        }
        Path ckpt = dir.resolve("interrupted");
        try (ToyRegression m = new ToyRegression(3, 200, offsetsByRows)) {
            interruptInEpochThree(m);
            assertThrows(IllegalStateException.class, () -> train(m, settings(Map.of("epochs", 4, "patience", 0)), ckpt));
        }
        assertEquals(2, new Checkpoints(ckpt).read().epoch(), "the checkpoint holds the last finished epoch");
        assertEquals(2, Files.readAllLines(ckpt.resolve(MetricsLog.FILE)).size());
        try (ToyRegression m = new ToyRegression(99, 200, offsetsByRows)) {
            TrainingResult r = train(m, settings(Map.of("epochs", 4, "patience", 0)), ckpt);
            assertEquals(2, r.resumedFrom());
            for (String w : weights) {
                assertArrayEquals(uninterrupted.get(w), m.params.get(w).toFloatArray(), w);
            }
            assertEquals(4, r.history().size());
            assertEquals(fullHistory.get(3).get("loss"), r.history().get(3).get("loss"));
        }
        if (offsetsByRows) {
            float[] offsets = uninterrupted.get("offset");
            assertTrue(offsets[1] != 0f, "training examples' offsets were learnt");
            assertEquals(0f, offsets[0], "a dev example's offset is never read while training, so never updated");
        }
        assertTrue(logBytes.toString().contains("resuming after epoch 2"));
    }

    @Test
    void aResumedRunHandsTheRecordedDevScoresBackBeforeItScoresAgain(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("interrupted");
        try (ToyRegression m = new ToyRegression(3, 200)) {
            interruptInEpochThree(m);
            assertThrows(IllegalStateException.class, () -> train(m, settings(Map.of("epochs", 4, "patience", 0)), ckpt));
        }
        List<Map<String, Object>> recorded = new Checkpoints(ckpt).read().history();
        List<String> calls = new ArrayList<>();
        try (ToyRegression m = new ToyRegression(3, 200)) {
            // through Trainable.of, as the taggers pass their DevScores
            Trainable<Integer> watched = Trainable.of(m.params, m::loss, new DevScores() {
                @Override
                public Map<String, Double> get() {
                    calls.add("evaluate");
                    return m.evaluate();
                }

                @Override
                public void replay(Map<String, Double> earlier) {
                    calls.add("replay " + earlier.get("score"));
                }
            });
            new TrainingLoop(settings(Map.of("epochs", 4, "patience", 0)), "score", new Checkpoints(ckpt), "toy", log)
                    .run(watched, m.train, ToyRegression::length);
        }
        List<String> want = new ArrayList<>();
        for (Map<String, Object> epoch : recorded) {
            want.add("replay " + ((Number) ((Map<?, ?>) epoch.get("dev")).get("score")).doubleValue());
        }
        want.addAll(List.of("evaluate", "evaluate"));
        assertEquals(want, calls, "epochs 1 and 2 from the checkpoint, in order, then epochs 3 and 4 scored");
    }

    @Test
    void aResumedRunWithNoEpochLeftReportsTheSpeedOfTheEpochsItRecorded(@TempDir Path dir) throws IOException {
        // as when the run was interrupted while its test split was scored: the same command resumes after the last epoch
        try (ToyRegression m = new ToyRegression(3, 200)) {
            TrainingResult full = train(m, settings(Map.of("epochs", 2, "patience", 0)), dir.resolve("ckpt"));
            TrainingResult again = train(m, settings(Map.of("epochs", 2, "patience", 0)), dir.resolve("ckpt"));
            assertEquals(2, again.resumedFrom());
            assertTrue(again.examplesPerSecond() > 0, "the recorded epochs' speed, not 0");
            assertEquals(TrainingLoop.recordedSpeed(full.history()), again.examplesPerSecond(), 1e-9);
        }
        assertEquals(150.0, TrainingLoop.recordedSpeed(List.of(Map.of("examplesPerSecond", 100.0, "seconds", 1.0),
                Map.of("examplesPerSecond", 200.0, "seconds", 1.0))), 1e-9);
        assertEquals(0.0, TrainingLoop.recordedSpeed(List.of()));
    }

    @Test
    void aWarmUpAsLongAsTheWholeRunIsWarnedAbout(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(3, 200)) {
            // 160 training examples in batches of 8: 20 steps an epoch, 40 in all
            train(m, settings(Map.of("epochs", 2, "warmupSteps", 40, "schedule", "linear", "resume", false)), dir.resolve("a"));
        }
        assertTrue(logBytes.toString().contains("train.warmupSteps 40 is at least the run's 40 optimizer steps"), logBytes.toString());
        logBytes.reset();
        try (ToyRegression m = new ToyRegression(3, 200)) {
            train(m, settings(Map.of("epochs", 2, "warmupSteps", 39, "schedule", "linear", "resume", false)), dir.resolve("b"));
        }
        assertFalse(logBytes.toString().contains("warmupSteps"), logBytes.toString());
    }

    @Test
    void aCheckpointOfAnotherConfigurationIsNotResumed(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(3, 100)) {
            train(m, settings(Map.of("epochs", 1)), dir);
        }
        try (ToyRegression m = new ToyRegression(3, 100)) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> new TrainingLoop(settings(Map.of("epochs", 2)), "score", new Checkpoints(dir), "other", log)
                            .run(m, m.train, ToyRegression::length));
            assertTrue(e.getMessage().contains("another configuration") && e.getMessage().contains("resume: false"), e.getMessage());
        }
        try (ToyRegression m = new ToyRegression(3, 100)) {
            TrainingResult r = new TrainingLoop(settings(Map.of("epochs", 2, "resume", false)), "score", new Checkpoints(dir), "other", log)
                    .run(m, m.train, ToyRegression::length);
            assertEquals(0, r.resumedFrom());
            assertEquals(2, r.epochs());
        }
    }

    @Test
    void continuingALinearScheduleWithOtherEpochsWarnsThatTheRateJumps(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(3, 100)) {
            train(m, settings(Map.of("epochs", 2, "schedule", "linear")), dir.resolve("linear"));
            train(m, settings(Map.of("epochs", 2, "schedule", "constant")), dir.resolve("constant"));
        }
        logBytes.reset();
        try (ToyRegression m = new ToyRegression(3, 100)) {
            train(m, settings(Map.of("epochs", 3, "schedule", "constant")), dir.resolve("constant"));
            assertFalse(logBytes.toString().contains("the learning rate is now"), "a constant rate does not depend on epochs");
            train(m, settings(Map.of("epochs", 4, "schedule", "linear")), dir.resolve("linear"));
            assertTrue(logBytes.toString().contains("warning: at the last step the checkpoint took, the learning rate is now"),
                    logBytes.toString());
        }
    }

    @Test
    void aCheckpointWhoseWeightsDoNotFitTheNetworkIsRefusedWithTheWayOut(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(3, 100)) {
            train(m, settings(Map.of("epochs", 1)), dir);
        }
        // the same configuration, a network with one more weight: what a version that splits a table writes
        try (ToyRegression m = new ToyRegression(3, 100, true)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> train(m, settings(Map.of("epochs", 2)), dir));
            assertTrue(e.getMessage().contains("cannot be resumed") && e.getMessage().contains("offset")
                    && e.getMessage().contains("train.resume: false"), e.getMessage());
        }
    }

    @Test
    void aCheckpointContinuesUnderAVersionThatOnlyAddsOptionsLeftAtTheirDefaults(@TempDir Path dir) throws IOException {
        Map<String, Object> written = Map.of("task", "toy", "model", Map.of("hidden", 8), "train", Map.of("lr", 0.05));
        try (ToyRegression m = new ToyRegression(3, 100)) {
            new TrainingLoop(settings(Map.of("epochs", 1)), "score", new Checkpoints(dir), RunConfiguration.of(written, Set.of()), log)
                    .run(m, m.train, ToyRegression::length);
        }
        Map<String, Object> later = Map.of("task", "toy", "model", Map.of("hidden", 8, "vocabulary", "training"),
                "train", Map.of("lr", 0.05));
        try (ToyRegression m = new ToyRegression(3, 100)) {
            ConfigException e = assertThrows(ConfigException.class, () -> new TrainingLoop(settings(Map.of("epochs", 2)),
                    "score", new Checkpoints(dir), RunConfiguration.of(later, Set.of()), log).run(m, m.train, ToyRegression::length));
            assertTrue(e.getMessage().contains("another configuration (model.vocabulary: set to training here; the checkpoint predates"
                    + " the option)"), "the added option was set: " + e.getMessage());
        }
        try (ToyRegression m = new ToyRegression(3, 100)) {
            TrainingResult r = new TrainingLoop(settings(Map.of("epochs", 2)), "score", new Checkpoints(dir),
                    RunConfiguration.of(later, Set.of("model.vocabulary")), log).run(m, m.train, ToyRegression::length);
            assertEquals(1, r.resumedFrom());
            assertEquals(2, r.epochs());
        }
        assertTrue(logBytes.toString().contains("the checkpoint predates the options [model.vocabulary]"), logBytes.toString());
    }

    /** Trains {@code m} under {@code cfg} with {@code scores} as its dev scores, recording the weights scored at each epoch. */
    private TrainingResult scriptedRun(ToyRegression m, double[] scores, float[][] atEpoch, Map<String, Object> cfg, Path dir)
            throws IOException {
        m.scripted = scores;
        return new TrainingLoop(settings(cfg), "score", new Checkpoints(dir), "toy", log)
                .run(recordingScoredWeights(m, atEpoch), m.train, ToyRegression::length);
    }

    @Test
    void patienceStopsEarlyAndTheBestEpochIsKept(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(5, 200)) {
            float[][] atEpoch = new float[8][];
            TrainingResult r = scriptedRun(m, new double[] {0.5, 0.7, 0.6, 0.65, 0.69, 0.9, 0.95}, atEpoch,
                    Map.of("epochs", 7, "patience", 3, "resume", false), dir);
            assertTrue(r.stoppedEarly());
            assertEquals(5, r.epochs());
            assertEquals(2, r.bestEpoch());
            assertEquals(0.7, r.bestScore(), 1e-12);
            assertArrayEquals(atEpoch[2], m.params.get("w").toFloatArray(), "the best epoch's weights are restored");
            assertTrue(logBytes.toString().contains("early stop"));
            r.writeReports(dir, "toy run");
            assertEquals(5, Files.readAllLines(dir.resolve(MetricsLog.FILE)).size());
            String html = Files.readString(dir.resolve(TrainingCurves.FILE));
            assertTrue(html.contains("<svg") && html.contains("Dev scores") && html.contains("class=\"best\""));
            assertFalse(html.contains("<script"), "the report is self-contained and static");
        }
    }

    @Test
    void aRunThatPatienceEndedStaysEndedWhenItsCheckpointIsResumed(@TempDir Path dir) throws IOException {
        // the checkpoint outlives the loop until the model is published: an interrupted test scoring or publishing
        // is resumed by the same command, which must not train on past the early stop
        float[][] atEpoch = new float[8][];
        Map<String, Object> cfg = Map.of("epochs", 7, "patience", 3);
        try (ToyRegression m = new ToyRegression(5, 200)) {
            TrainingResult r = scriptedRun(m, new double[] {0.5, 0.7, 0.6, 0.65, 0.69}, atEpoch, cfg, dir);
            assertTrue(r.stoppedEarly());
        }
        try (ToyRegression m = new ToyRegression(99, 200)) {
            TrainingResult r = scriptedRun(m, new double[] {0.9, 0.95}, new float[8][], cfg, dir);
            assertTrue(r.stoppedEarly());
            assertEquals(5, r.epochs());
            assertEquals(2, r.bestEpoch());
            assertArrayEquals(atEpoch[2], m.params.get("w").toFloatArray(), "the first run's best epoch, not a further one");
        }
    }

    @Test
    void aFirstDevScoreThatIsNotANumberIsBeatenByTheFirstRealOne(@TempDir Path dir) throws IOException {
        // 0/0 at epoch 1 (no masked piece in the dev sequences, say): epoch 1 must not stay best for good
        try (ToyRegression m = new ToyRegression(5, 200)) {
            float[][] atEpoch = new float[4][];
            TrainingResult r = scriptedRun(m, new double[] {Double.NaN, 0.5, 0.6}, atEpoch,
                    Map.of("epochs", 3, "patience", 2, "resume", false), dir);
            assertEquals(3, r.bestEpoch());
            assertEquals(0.6, r.bestScore(), 1e-12);
        }
    }

    @Test
    void minEpochsKeepsPatienceFromEndingARunBeforeThatEpoch(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(5, 200)) {
            // the same dip as above: patience 3 would stop after epoch 5, before the scores that beat epoch 2
            m.scripted = new double[] {0.5, 0.7, 0.6, 0.65, 0.69, 0.9, 0.95};
            TrainingResult r = new TrainingLoop(settings(Map.of("epochs", 7, "patience", 3, "minEpochs", 6, "resume", false)),
                    "score", new Checkpoints(dir), "toy", log).run(m, m.train, ToyRegression::length);
            assertFalse(r.stoppedEarly());
            assertEquals(7, r.epochs());
            assertEquals(7, r.bestEpoch());
            assertEquals(0.95, r.bestScore(), 1e-12);
        }
    }

    @Test
    void keepLastReturnsTheLastEpochsWeightsAndNeverStopsEarly(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(5, 200)) {
            // the dip that ends a patience-3 run after epoch 5 under keep: best
            float[][] atEpoch = new float[8][];
            TrainingResult r = scriptedRun(m, new double[] {0.5, 0.7, 0.6, 0.65, 0.69, 0.68, 0.66}, atEpoch,
                    Map.of("epochs", 7, "patience", 3, "keep", "last", "resume", false), dir);
            assertFalse(r.stoppedEarly(), "keep: last turns early stopping off");
            assertEquals(7, r.epochs());
            assertEquals(2, r.bestEpoch(), "the best dev epoch is still reported");
            assertEquals(0.7, r.bestScore(), 1e-12);
            assertEquals(7, r.keptEpoch());
            assertArrayEquals(atEpoch[7], m.params.get("w").toFloatArray(), "the last epoch's weights are kept");
            assertFalse(Arrays.equals(atEpoch[2], atEpoch[7]));
            Map<String, Object> metrics = r.metrics("speed");
            assertEquals(Map.of("score", 0.66), metrics.get("dev"), "metrics give the kept epoch's dev scores");
            assertEquals(2, metrics.get("bestEpoch"));
            assertEquals(7, metrics.get("keptEpoch"));
            assertTrue(logBytes.toString().contains("keeping the last epoch's weights"), logBytes.toString());
        }
    }

    @Test
    void keepLastWithAveragingKeepsTheLastAverage(@TempDir Path dir) throws IOException {
        Map<String, Object> cfg = Map.of("epochs", 4, "patience", 0, "optimizer", "sgd", "lr", 0.02, "averageDecay", 0.9,
                "keep", "last", "resume", false);
        try (ToyRegression m = new ToyRegression(3, 200)) {
            float[][] scored = new float[5][];
            TrainingResult r = scriptedRun(m, new double[] {0.5, 0.9, 0.7, 0.6}, scored, cfg, dir);
            assertEquals(2, r.bestEpoch());
            assertEquals(4, r.keptEpoch());
            assertArrayEquals(scored[4], m.params.get("w").toFloatArray(), "the last epoch's average, as scored, is kept");
            Params trained = m.params.copy(Device.cpu(), false);
            trained.load(new Checkpoints(dir).lastWeights(4));
            assertFalse(Arrays.equals(scored[4], trained.get("w").toFloatArray()), "not the weights as trained");
            trained.close();
        }
    }

    @Test
    void maxTimeStopsBeforeAnEpochThatWouldOverrunAndTheSameRunContinuesToTheSameWeights(@TempDir Path dir) throws IOException {
        float[] straight;
        try (ToyRegression m = new ToyRegression(3, 200)) {
            train(m, settings(Map.of("epochs", 5, "patience", 0, "resume", false)), dir.resolve("straight"));
            straight = m.params.get("w").toFloatArray();
        }
        Path ckpt = dir.resolve("limited");
        try (ToyRegression m = new ToyRegression(3, 200)) {
            // a clock that moves a minute per batch: 160 training examples in batches of 8 make an epoch of 20 minutes
            long[] now = {0};
            m.beforeBatch = () -> {
                now[0] += 60_000_000_000L;
                return 0;
            };
            // and dev scoring a second: part of what the epochs took, not of their training
            m.beforeEvaluate = () -> now[0] += 1_000_000_000L;
            TrainingResult r = new TrainingLoop(settings(Map.of("epochs", 5, "patience", 0, "maxTime", "50m")), "score",
                    new Checkpoints(ckpt), "toy", log).withClock(() -> now[0]).run(m, m.train, ToyRegression::length);
            // after epoch 1 (20 min) a second fits in the 50; after epoch 2 (40 min) a third would end at 60
            assertEquals(2, r.epochs());
            assertTrue(r.outOfTime());
            assertFalse(r.stoppedEarly());
            assertEquals(true, r.metrics("speed").get("outOfTime"));
            assertTrue(logBytes.toString().contains("train.maxTime 50m: stopping after epoch 2 of 5 (40m2s so far; an epoch takes up"
                    + " to 20m1s"), logBytes.toString());
        }
        try (ToyRegression m = new ToyRegression(3, 200)) {
            TrainingResult r = train(m, settings(Map.of("epochs", 5, "patience", 0)), ckpt);
            assertEquals(2, r.resumedFrom(), "the checkpoint of the time-limited run is continued");
            assertFalse(r.outOfTime());
            Map<String, Object> metrics = r.metrics("speed");
            assertTrue(((Number) metrics.get("trainingSeconds")).doubleValue() >= 2402, "the two 20-minute epochs before count, their"
                    + " dev scoring too: " + metrics);
            assertTrue(((Number) metrics.get("secondsThisRun")).doubleValue() < 2400, metrics.toString());
            assertArrayEquals(straight, m.params.get("w").toFloatArray(), "the continued run ends where an unlimited one does");
        }
    }

    @Test
    void maxTimeIsADurationLongerThanZero() {
        assertNull(settings(Map.of()).maxTime(), "no limit by default");
        assertEquals(Duration.ofMinutes(90), settings(Map.of("maxTime", "1h30m")).maxTime());
        for (String bad : List.of("soon", "0s", "90")) {
            ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("maxTime", bad)), bad);
            assertTrue(e.getMessage().contains("maxTime"), e.getMessage());
        }
    }

    @Test
    void keepIsBestOrLastAndOtherValuesAreRefusedByName() {
        assertFalse(settings(Map.of()).keepLast(), "the best dev epoch is kept by default");
        assertTrue(settings(Map.of("keep", "last")).keepLast());
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("keep", "latest")));
        assertTrue(e.getMessage().contains("keep"), e.getMessage());
    }

    @Test
    void everyValueOutOfRangeIsNamedInOneError() {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("epochs", 0, "lr", -1, "momentum", 1.0,
                "devFraction", 1.5, "patience", -2)));
        assertEquals(5, e.errors().size(), e.getMessage());
        for (String key : List.of("epochs", "lr", "momentum", "devFraction", "patience")) {
            assertTrue(e.getMessage().contains(key), key + " in " + e.getMessage());
        }
    }

    @Test
    void aNegativeMinEpochsIsRefusedByName() {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("minEpochs", -1)));
        assertTrue(e.getMessage().contains("minEpochs"), e.getMessage());
    }

    @Test
    void momentumWeightDecayAndDecayRateOutOfRangeAreRefusedByName() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("momentum", 1.5), Map.of("momentum", -0.1),
                Map.of("weightDecay", -0.01), Map.of("schedule", "inverse", "decayRate", -0.05),
                Map.of("schedule", "step", "decayRate", 0.0), Map.of("schedule", "step", "decayRate", 2.0))) {
            ConfigException e = assertThrows(ConfigException.class, () -> settings(bad), bad.toString());
            String key = bad.containsKey("decayRate") ? "decayRate" : bad.keySet().iterator().next();
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
        settings(Map.of("schedule", "inverse", "decayRate", 0.05, "momentum", 0.0, "weightDecay", 0.0));
        settings(Map.of("schedule", "step", "decayRate", 1.0));
    }

    @Test
    void aRunWhoseBestDevScoreIsZeroSaysItLearnedNothing(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(5, 200)) {
            Trainable<Integer> zero = recordingScoredWeights(m, new float[3][], () -> {
                m.evaluations++;
                return Map.of("score", 0.0);
            });
            new TrainingLoop(settings(Map.of("epochs", 2, "resume", false)), "score", new Checkpoints(dir), "toy", log)
                    .run(zero, m.train, ToyRegression::length);
            assertTrue(logBytes.toString().contains("warning: the best dev score is 0 after 2 epoch(s): this model has learned"
                    + " nothing usable"), logBytes.toString());
            assertFalse(logBytes.toString().contains("schedule") || logBytes.toString().contains("warm-up"),
                    "a constant rate with no warm-up is no reason: " + logBytes);
        }
        // the reason given follows the schedule: a warm-up longer than the run, or a decay planned over its epochs
        for (Map.Entry<Map<String, Object>, String> run : Map.<Map<String, Object>, String>of(
                Map.of("warmupSteps", 100), "the whole run was warm-up (train.warmupSteps 100)",
                Map.of("schedule", "linear"), "a decaying learning-rate schedule reaches about 0").entrySet()) {
            logBytes.reset();
            try (ToyRegression m = new ToyRegression(5, 200)) {
                Trainable<Integer> zero = recordingScoredWeights(m, new float[3][], () -> {
                    m.evaluations++;
                    return Map.of("score", 0.0);
                });
                Map<String, Object> given = new HashMap<>(run.getKey());
                given.putAll(Map.of("epochs", 2, "resume", false));
                new TrainingLoop(settings(given), "score", new Checkpoints(dir.resolve("why" + run.getValue().length())), "toy", log)
                        .run(zero, m.train, ToyRegression::length);
                assertTrue(logBytes.toString().contains(run.getValue()), logBytes.toString());
            }
        }
        logBytes.reset();
        try (ToyRegression m = new ToyRegression(5, 200)) {
            train(m, settings(Map.of("epochs", 2, "resume", false)), dir.resolve("scored"));
            assertFalse(logBytes.toString().contains("learned nothing"), "a run with a dev score above 0 gets no warning");
        }
    }

    @Test
    void withoutDevScoresEveryEpochRunsAndTheLastIsKept(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(5, 200)) {
            float[][] atEpoch = new float[6][];
            Trainable<Integer> noDev = recordingScoredWeights(m, atEpoch, () -> {
                m.evaluations++;
                return Map.of();
            });
            TrainingResult r = new TrainingLoop(settings(Map.of("epochs", 5, "patience", 1, "resume", false)), "score",
                    new Checkpoints(dir), "toy", log).run(noDev, m.train, ToyRegression::length);
            assertFalse(r.stoppedEarly(), "patience has no score to count on");
            assertEquals(5, r.epochs());
            assertEquals(5, r.bestEpoch());
            assertTrue(Double.isNaN(r.bestScore()));
            assertArrayEquals(atEpoch[5], m.params.get("w").toFloatArray(), "the last epoch's weights are kept");
            assertFalse(Arrays.equals(atEpoch[4], atEpoch[5]), "the weights still changed in the last epoch");
            assertTrue(logBytes.toString().contains("no dev score to select an epoch on"), logBytes.toString());
        }
    }

    @Test
    void averagedWeightsAreScoredKeptAndResumedExactly(@TempDir Path dir) throws IOException {
        Map<String, Object> cfg = Map.of("epochs", 4, "patience", 0, "optimizer", "sgd", "lr", 0.02, "averageDecay", 0.9);
        float[][] scored = new float[5][];
        float[] full;
        try (ToyRegression m = new ToyRegression(3, 200)) {
            m.scripted = new double[] {0.5, 0.6, 0.7, 0.9};
            Trainable<Integer> spy = recordingScoredWeights(m, scored);
            Checkpoints ckpt = new Checkpoints(dir.resolve("full"));
            TrainingResult r = new TrainingLoop(settings(cfg), "score", ckpt, "toy", log).run(spy, m.train, ToyRegression::length);
            assertEquals(4, r.bestEpoch());
            full = m.params.get("w").toFloatArray();
            assertArrayEquals(scored[4], full, "the averaged weights of the best (and last) epoch are returned");
            Params trained = m.params.copy(Device.cpu(), false);
            trained.load(ckpt.lastWeights(4));
            assertFalse(Arrays.equals(scored[4], trained.get("w").toFloatArray()),
                    "the dev score saw the average, not the weights as trained");
            trained.close();
        }
        Path ckpt = dir.resolve("interrupted");
        try (ToyRegression m = new ToyRegression(3, 200)) {
            m.scripted = new double[] {0.5, 0.6};
            interruptInEpochThree(m);
            assertThrows(IllegalStateException.class, () -> train(m, settings(cfg), ckpt));
        }
        assertTrue(Files.isRegularFile(new Checkpoints(ckpt).lastAverage(2)));
        try (ToyRegression m = new ToyRegression(99, 200)) {
            m.scripted = new double[] {0.7, 0.9};
            TrainingResult r = train(m, settings(cfg), ckpt);
            assertEquals(2, r.resumedFrom());
            assertEquals(4, r.bestEpoch());
            assertArrayEquals(full, m.params.get("w").toFloatArray());
        }
    }

    @Test
    void batchMemoryIsFreedEveryStep(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(5, 300)) {
            TrainingResult r = train(m, settings(Map.of("epochs", 5, "resume", false)), dir);
            assertEquals(5, r.liveArrays().size());
            for (int live : r.liveArrays()) {
                assertEquals(r.liveArrays().get(0), live, "arrays alive after each epoch: " + r.liveArrays());
            }
            assertEquals(2 + 2 * 2, r.liveArrays().get(0), "two weights and two Adam slots each");
        }
    }

    @Test
    void divergenceStopsWithAnActionableMessage(@TempDir Path dir) {
        try (ToyRegression m = new ToyRegression(5, 100)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> train(m, settings(Map.of("optimizer", "sgd", "lr", 1e6, "clipNorm", 0, "resume", false)), dir));
            assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("train.lr"), e.getMessage());
            assertTrue(e.getMessage().contains("--set train.resume=false to start over"), e.getMessage());
            assertFalse(e.getMessage().contains("the checkpoint of the last good epoch"), "none was written: " + e.getMessage());
        }
    }

    @Test
    void aTimeLimitedRunWithoutResumeSaysHowToContinue(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(3, 200)) {
            long[] now = {0};
            m.beforeBatch = () -> {
                now[0] += 60_000_000_000L;
                return 0;
            };
            new TrainingLoop(settings(Map.of("epochs", 5, "patience", 0, "maxTime", "50m", "resume", false)), "score",
                    new Checkpoints(dir), "toy", log).withClock(() -> now[0]).run(m, m.train, ToyRegression::length);
            assertTrue(logBytes.toString().contains("the same command with --set train.resume=true continues the run from epoch 3"),
                    logBytes.toString());
        }
    }

    /** Makes {@code w} the gradient of the toy's weights and {@code b} its bias's, by back-propagating {@code w·weights + b·bias}. */
    private static void setGradients(ToyRegression m, NDManager scope, float[] w, float b) {
        m.params.attachTo(scope);
        try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
            NDArray c = scope.create(w).reshape(1, w.length);
            gc.backward(m.params.get("w").mul(c).sum().add(Ops.times(m.params.get("b"), b).sum()));
        }
    }

    @Test
    void clippingScalesTheGlobalNorm() {
        try (ToyRegression m = new ToyRegression(5, 10)) {
            NeuralEngine.noGrad();
            try (NDManager scope = m.params.manager().newSubManager()) {
                setGradients(m, scope, new float[] {3, 0, 0, 0, 0, 0, 0, 0}, 4);
                assertEquals(5.0, GradClip.globalNorm(m.params), 1e-5);
                assertEquals(0.5, GradClip.scale(m.params, 2.5), 1e-5);
                assertEquals(1.0, GradClip.scale(m.params, 10), 0);
                assertEquals(1.0, GradClip.scale(m.params, 0), 0);
                setGradients(m, scope, new float[] {Float.NaN, 0, 0, 0, 0, 0, 0, 0}, 4);
                assertTrue(Float.isNaN(GradClip.scale(m.params, 0)), "without clipping too, a gradient that is not finite is seen");
            }
        }
    }

    @Test
    void accumulatedBatchesWeighByTheirShareOfTheStep() {
        // batches of 4, 4 and 2 in steps of 2 batches: the first step holds 8 examples, the last (shorter) one 2
        assertArrayEquals(new int[] {8, 2}, TrainingLoop.stepItems(List.of(new int[4], new int[4], new int[2]), 2));
        assertArrayEquals(new int[] {3, 7}, TrainingLoop.stepItems(List.of(new int[1], new int[2], new int[3], new int[4]), 2));
    }

    @Test
    void clampingByValueBoundsEachElementBeforeTheNormIsTaken() {
        try (ToyRegression m = new ToyRegression(5, 10)) {
            NeuralEngine.noGrad();
            try (NDManager scope = m.params.manager().newSubManager()) {
                setGradients(m, scope, new float[] {3, -7, 0.5f, 0, 0, 0, 0, 0}, 4);
                GradClip.clampValues(m.params, 0);
                assertArrayEquals(new float[] {3, -7, 0.5f, 0, 0, 0, 0, 0}, m.params.gradient("w").toFloatArray(), "0 leaves them");
                GradClip.clampValues(m.params, 2);
                assertArrayEquals(new float[] {2, -2, 0.5f, 0, 0, 0, 0, 0}, m.params.gradient("w").toFloatArray());
                assertArrayEquals(new float[] {2}, m.params.gradient("b").toFloatArray());
                assertEquals(Math.sqrt(4 + 4 + 0.25 + 4), GradClip.globalNorm(m.params), 1e-5);
            }
        }
    }

    @Test
    void clipValueBoundsEveryWeightsChangeInATrainingStep(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(5, 40)) {
            float[] before = m.params.get("w").toFloatArray();
            // one step of plain SGD with rate 1 over all 32 training examples: each weight moves by its clamped gradient
            train(m, settings(Map.of("epochs", 1, "batchSize", 32, "optimizer", "sgd", "momentum", 0, "lr", 1,
                    "clipNorm", 0, "clipValue", 0.01, "resume", false)), dir);
            float[] after = m.params.get("w").toFloatArray();
            int atTheBound = 0;
            for (int i = 0; i < before.length; i++) {
                float moved = Math.abs(after[i] - before[i]);
                assertTrue(moved <= 0.01 + 1e-6, "weight " + i + " moved " + moved);
                atTheBound += moved > 0.01 - 1e-6 ? 1 : 0;
            }
            assertTrue(atTheBound >= before.length / 2, "most gradients of the untrained toy exceed 0.01: " + atTheBound);
        }
    }

    @Test
    void aNegativeClipValueIsRefusedByName() {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("clipValue", -1)));
        assertTrue(e.getMessage().contains("clipValue"), e.getMessage());
    }

    @Test
    void gradientsOfScaledBatchesAddUpToTheGradientOfTheirUnion() {
        try (ToyRegression m = new ToyRegression(5, 20)) {
            NeuralEngine.noGrad();
            List<Integer> all = m.train.subList(0, 12);
            float[] whole;
            float[] halves;
            try (NDManager scope = m.params.manager().newSubManager()) {
                m.params.attachTo(scope);
                m.backward(all, scope, 1f);
                whole = m.params.get("w").getGradient().toFloatArray();
                m.params.get("w").getGradient().subi(m.params.get("w").getGradient());
                m.params.get("b").getGradient().subi(m.params.get("b").getGradient());
                m.backward(all.subList(0, 6), scope, 0.5f);
                m.backward(all.subList(6, 12), scope, 0.5f);
                halves = m.params.get("w").getGradient().toFloatArray();
            }
            for (int i = 0; i < whole.length; i++) {
                assertEquals(whole[i], halves[i], 1e-5, "weight " + i);
            }
        }
    }

    @Test
    void accumulatedBatchesMakeOneOptimizerStep(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(5, 40)) {
            train(m, settings(Map.of("epochs", 1, "accumulate", 2, "resume", false, "patience", 0)), dir);
            int batches = (m.train.size() + 7) / 8;
            Map<String, TensorFile.Tensor> optimizer = TensorFile.read(new Checkpoints(dir).lastOptimizer(1));
            assertEquals((batches + 1) / 2, (int) optimizer.get("#steps").values()[0]);
        }
    }

    @Test
    void accumulationTrainsTheModel(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(5, 200)) {
            TrainingResult r = train(m, settings(Map.of("epochs", 6, "accumulate", 3, "resume", false, "patience", 0)), dir);
            List<Map<String, Object>> h = r.history();
            double first = ((Number) h.get(0).get("loss")).doubleValue();
            double last = ((Number) h.get(h.size() - 1).get("loss")).doubleValue();
            assertTrue(last < first / 2, first + " -> " + last);
        }
    }

    @Test
    void aStepWhoseGradientsAreNotFiniteIsSkippedAndTrainingGoesOn(@TempDir Path dir) throws IOException {
        try (ToyRegression m = new ToyRegression(5, 100)) {
            int[] calls = {0};
            Trainable<Integer> flaky = new Trainable<>() {
                @Override
                public Params params() {
                    return m.params;
                }

                @Override
                public NDArray loss(List<Integer> batch, NDManager scope) {
                    // 1 for every computed batch, whatever the weights: the epoch's mean loss must be 1 with a step skipped too
                    NDArray computed = m.loss(batch, scope);
                    NDArray l = Ops.times(computed, 0).add(scope.ones(computed.getShape()));
                    return ++calls[0] == 3 ? l.mul(Ops.times(m.params.get("b").sum(), Float.POSITIVE_INFINITY)) : l;
                }

                @Override
                public Map<String, Double> evaluate() {
                    return m.evaluate();
                }
            };
            TrainingResult r = new TrainingLoop(settings(Map.of("epochs", 2, "resume", false, "patience", 0)), "score",
                    new Checkpoints(dir), "toy", log).run(flaky, m.train, ToyRegression::length);
            assertEquals(2, r.epochs());
            assertTrue(logBytes.toString().contains("the step is skipped"), logBytes.toString());
            assertTrue(logBytes.toString().contains("epoch 1/2  loss 1.0000"), "the skipped batch is no loss of 0: " + logBytes);
            for (float w : m.params.get("w").toFloatArray()) {
                assertTrue(Float.isFinite(w));
            }
        }
    }
}
