package dev.nlpipe.nn;

import ai.djl.ndarray.NDManager;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Durations;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.io.AtomicFile;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.nn.optim.Optimizer;
import dev.nlpipe.core.run.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * The training loop every neural model shares: epochs of shuffled, length-bucketed mini-batches;
 * per batch a forward pass and loss under a gradient collector, gradient clipping by global norm,
 * an optimizer step at the scheduled learning rate, all arrays freed with the batch's scope; after
 * each epoch a dev evaluation, a checkpoint (weights, optimizer state, progress), the best weights
 * kept, {@code metrics.jsonl} rewritten, and early stopping when the monitored score has not
 * improved for {@code patience} epochs (never before epoch {@code minEpochs}). With {@code averageDecay} set, a {@link WeightAverage}
 * follows the weights and is what gets scored, kept as best and returned. With {@code keep: last} the
 * last epoch's weights are returned and early stopping is off: on a dev curve that is flat for the
 * last epochs, the best one is chosen by noise. With {@code maxTime} the run stops before an epoch
 * that would end after it, and keeps its checkpoint to be continued. On Ctrl-C or SIGTERM the loop
 * stops at its next {@link ShutdownGate} pass, between steps, never inside an operator or a checkpoint. A run finds the
 * checkpoint of an interrupted run with the same configuration and continues after its last
 * finished epoch, replaying the same randomness.
 */
public final class TrainingLoop {
    private final TrainSettings settings;
    private final String monitor;
    private final Checkpoints checkpoints;
    private final RunConfiguration configuration;
    private final PrintStream log;
    /** Steps with a loss or gradient that is not finite, one after another, before a run counts as diverged. */
    private static final int MAX_SKIPPED_IN_A_ROW = 3;
    private int skippedInARow;
    /** Whether a batch of the step being accumulated had a loss that is not finite: the whole step is then skipped. */
    private boolean stepFailed;
    /** Nanoseconds for epoch times and {@code maxTime}; tests put a clock of their own in to make time limits deterministic. */
    private LongSupplier clock = System::nanoTime;
    /** Where the loop stops for good when the JVM exits, outside PyTorch's operators. */
    private ShutdownGate gate = ShutdownGate.global();

    /**
     * @param settings the {@code train:} settings
     * @param monitor the dev score that selects the best epoch and drives early stopping (higher is better)
     * @param checkpoints where checkpoints go
     * @param fingerprint identifies the configuration; a checkpoint with another one is not resumed
     * @param log progress and per-epoch lines (standard error)
     */
    public TrainingLoop(TrainSettings settings, String monitor, Checkpoints checkpoints, String fingerprint, PrintStream log) {
        this(settings, monitor, checkpoints, RunConfiguration.named(fingerprint), log);
    }

    /**
     * @param configuration what the checkpoint belongs to: a checkpoint of another configuration is not resumed, unless
     *     this one only adds options at their defaults ({@link RunConfiguration#added})
     */
    public TrainingLoop(TrainSettings settings, String monitor, Checkpoints checkpoints, RunConfiguration configuration,
                        PrintStream log) {
        this.settings = settings;
        this.monitor = monitor;
        this.checkpoints = checkpoints;
        this.configuration = configuration;
        this.log = log;
    }

    /** This loop with a gate of its own (for tests). */
    TrainingLoop withGate(ShutdownGate gate) {
        this.gate = gate;
        return this;
    }

    /** This loop with {@code nanoTime} as its clock (for tests). */
    TrainingLoop withClock(LongSupplier nanoTime) {
        this.clock = nanoTime;
        return this;
    }

    /**
     * The loop of a training job: checkpoints beside its output ({@link Checkpoints#beside}), which
     * a run resumes only with the same configuration ({@link RunConfiguration#of(TrainingJob, ModelMeta, String)}).
     *
     * @param meta the model's {@code model.json} so far (its data fingerprints and stages count)
     * @param task the task name
     * @param monitor the dev score that selects the best epoch and drives early stopping
     */
    public static TrainingLoop forJob(TrainingJob job, ModelMeta meta, String task, TrainSettings settings, String monitor,
                                      PrintStream log) {
        // inside the process's gate until the model is written: an interrupt after the last epoch waits for the weights being
        // saved and the test split's scoring (whose batches are steps of the gate) instead of exiting under them
        job.whenDone(ShutdownGate.global().enter()::close);
        return new TrainingLoop(settings, monitor, Checkpoints.beside(job.output()), RunConfiguration.of(job, meta, task), log);
    }

    /**
     * Trains until the epochs are done or patience runs out; on return the weights are the kept ({@code train.keep})
     * epoch's. The checkpoint directory is left in place (delete it once the model is saved).
     *
     * @param model the network
     * @param train the training examples
     * @param length an example's length, for bucketing
     */
    public <E> TrainingResult run(Trainable<E> model, List<E> train, ToIntFunction<E> length) throws IOException {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("there are no training examples");
        }
        NeuralEngine.noGrad();
        Params params = model.params();
        Optimizer optimizer = Optimizer.create(settings.optimizer(), params, settings.momentum(), settings.weightDecay(), model::lrScale);
        // a null resource is allowed and skipped: no averaging
        try (ShutdownGate.Registration inside = gate.enter();
             WeightAverage average = settings.averageDecay() > 0 ? new WeightAverage(params, settings.averageDecay()) : null) {
            return train(model, params, optimizer, average, train, length);
        }
    }

    private <E> TrainingResult train(Trainable<E> model, Params params, Optimizer optimizer, WeightAverage average,
                                     List<E> train, ToIntFunction<E> length) throws IOException {
        int[] lengths = train.stream().mapToInt(length).toArray();
        int batchesPerEpoch = (train.size() + settings.batchSize() - 1) / settings.batchSize();
        int stepsPerEpoch = (batchesPerEpoch + settings.accumulate() - 1) / settings.accumulate();
        LrSchedule schedule = settings.lrSchedule(stepsPerEpoch);
        Checkpoints.State state = restore(params, optimizer, average);
        int resumedFrom = state.epoch();
        warnIfTheScheduleMoved(schedule, state);
        if (resumedFrom == 0 && schedule.warmsUpThroughout()) {
            // a short trial of a task whose default warm-up is in steps (ner.flat, ner.lattice-lstm): the rate would only climb
            log.printf(Locale.ROOT, "warning: train.warmupSteps %d is at least the run's %,d optimizer steps (%d per epoch x %d"
                    + " epoch%s): the whole run warms up and the rate never reaches its decay; lower train.warmupSteps or set"
                    + " train.warmupRatio%n", schedule.warmupSteps(), schedule.totalSteps(), stepsPerEpoch,
                    settings.epochs(), settings.epochs() == 1 ? "" : "s");
        }
        long[] counts = params.counts();
        log.printf(Locale.ROOT, "training: %,d examples, %d batches of up to %d per epoch%s, %,d weights (%,d trainable), %s lr %s,"
                        + " seed %d%s%s; checkpoints in %s%n", train.size(), batchesPerEpoch, settings.batchSize(),
                settings.accumulate() == 1 ? "" : String.format(Locale.ROOT, " (%d optimizer steps of %d batches)", stepsPerEpoch,
                        settings.accumulate()), counts[0], counts[1],
                settings.optimizer(), settings.lr(), settings.seed(),
                average == null ? "" : ", scoring the weights' moving average (decay " + settings.averageDecay() + ")",
                settings.keepLast() ? "; keeping the last epoch's weights (train.keep: last; no early stopping)" : "",
                checkpoints.dir());
        List<Map<String, Object>> history = new ArrayList<>(state.history());
        List<Integer> liveArrays = new ArrayList<>();
        long step = state.step();
        int bestEpoch = state.bestEpoch();
        double bestScore = state.bestScore();
        int badEpochs = state.badEpochs();
        boolean stoppedEarly = false;
        boolean outOfTime = false;
        double slowestEpoch = 0;
        double trainSeconds = 0;
        long trainExamples = 0;
        long start = clock.getAsLong();
        int epoch = state.epoch();
        // a run that patience ended, resumed because its test scoring or publishing was interrupted, stays ended
        // (badEpochs > 0 only ever counts scored epochs)
        if (epoch > 0 && patienceSpent(badEpochs, epoch)) {
            log.printf("early stop (in the checkpoint): dev %s had not improved for %d epochs; keeping epoch %d%n", monitor, badEpochs,
                    bestEpoch);
            stoppedEarly = true;
        }
        replayDevScores(model, history);
        while (epoch < settings.epochs() && !stoppedEarly) {
            epoch++;
            Seeds.seedEngine(settings.seed(), epoch);
            model.startEpoch(epoch);
            Random shuffle = new Random(Seeds.derive(settings.seed(), "shuffle", epoch));
            List<int[]> batches = settings.randomBatches() ? BatchPlan.random(lengths.length, settings.batchSize(), shuffle)
                    : BatchPlan.shuffled(lengths, settings.batchSize(), shuffle);
            long[] seen = {0};
            Progress progress = new Progress(log, "examples", train.size(), () -> seen[0]);
            double lossSum = 0;
            // the examples whose loss was computed: a skipped step's batches have none, and must not lower the mean
            long lossExamples = 0;
            float lr = 0;
            long t0 = clock.getAsLong();
            int[] stepItems = stepItems(batches, settings.accumulate());
            for (int k = 0; k < batches.size(); k++) {
                int[] b = batches.get(k);
                List<E> items = new ArrayList<>(b.length);
                for (int i : b) {
                    items.add(train.get(i));
                }
                gate.pass();
                lr = (float) schedule.at(step);
                boolean update = (k + 1) % settings.accumulate() == 0 || k == batches.size() - 1;
                // each batch weighs by its share of the step's examples, as in one batch of all of them (the epoch's last,
                // shorter step included)
                float weight = (float) items.size() / stepItems[k / settings.accumulate()];
                float loss = step(model, params, optimizer, average, items, lr, epoch, step, update, weight);
                if (update) {
                    step++;
                }
                if (Float.isFinite(loss)) {
                    lossSum += (double) loss * items.size();
                    lossExamples += items.size();
                }
                seen[0] += items.size();
                progress.update(seen[0], String.format(Locale.ROOT, "epoch %d/%d  loss %.4f", epoch, settings.epochs(),
                        lossSum / Math.max(1, lossExamples)));
            }
            progress.finish();
            double secs = (clock.getAsLong() - t0) / 1e9;
            trainSeconds += secs;
            trainExamples += train.size();
            Map<String, TensorFile.Tensor> trained = average == null ? null : average.swapIn(params);
            // dev scoring runs each batch as a step of the process's gate; this pass keeps a closed gate from
            // letting a checkpoint start after it
            Map<String, Double> dev = model.evaluate();
            gate.pass();
            Double score = dev.get(monitor);
            if (score == null && epoch == resumedFrom + 1) {
                log.printf("no dev %s to select an epoch on: early stopping is off and the last epoch's weights are kept%n", monitor);
            }
            // a NaN best (a dev set that scored 0/0) is no best: any real score beats it
            boolean best = score == null || bestEpoch == 0 || score > bestScore || Double.isNaN(bestScore) && !score.isNaN();
            if (best) {
                bestEpoch = epoch;
                bestScore = score == null ? Double.NaN : score;
                badEpochs = 0;
            } else {
                badEpochs++;
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("epoch", epoch);
            record.put("loss", lossSum / Math.max(1, lossExamples));
            record.put("lr", lr);
            record.put("dev", new LinkedHashMap<>(dev));
            record.put("best", best);
            record.put("seconds", round(secs));
            // training and dev scoring: what a resumed run's total adds for the epochs of the runs it continued
            record.put("wallSeconds", round((clock.getAsLong() - t0) / 1e9));
            record.put("examplesPerSecond", round(train.size() / secs));
            history.add(record);
            // the best weights are written under keep: last too, since a resumed run may change keep to best
            save(params, optimizer, average, trained,
                    new Checkpoints.State(configuration.fingerprint(), epoch, step, bestEpoch, bestScore, badEpochs, history,
                            configuration.values()), best);
            int live = params.manager().getManagedArrays().size();
            if (!liveArrays.isEmpty() && live > liveArrays.get(0)) {
                log.printf("warning: %d arrays alive after epoch %d, %d after the first: native memory is growing%n", live, epoch,
                        liveArrays.get(0));
            }
            liveArrays.add(live);
            log.printf(Locale.ROOT, "epoch %d/%d  loss %.4f%s  lr %.3g  %.0f examples/s  %.1f s%s%n", epoch, settings.epochs(),
                    lossSum / Math.max(1, lossExamples), score == null ? "" : String.format(Locale.ROOT, "  dev %s %.4f", monitor, score), lr,
                    train.size() / secs, secs, best && score != null ? "  (best)" : "");
            if (score != null && patienceSpent(badEpochs, epoch)) {
                log.printf("early stop: dev %s has not improved for %d epochs; keeping epoch %d%n", monitor, badEpochs, bestEpoch);
                stoppedEarly = true;
                break;
            }
            long now = clock.getAsLong();
            slowestEpoch = Math.max(slowestEpoch, (now - t0) / 1e9);
            if (epoch < settings.epochs() && outOfTime((now - start) / 1e9, slowestEpoch, epoch)) {
                outOfTime = true;
                break;
            }
        }
        int keptEpoch = settings.keepLast() ? epoch : bestEpoch;
        if (settings.keepLast()) {
            if (average != null) {
                average.swapIn(params);
            }
        } else if (bestEpoch > 0 && (bestEpoch != epoch || average != null)) {
            params.load(checkpoints.bestWeights(bestEpoch));
        }
        if (bestEpoch > 0 && bestScore == 0) {
            // "(best)" on a score of 0 reads as success; a model that learned nothing should not pass unnoticed
            // the reason the rate was low depends on the schedule: all warm-up, or a decay planned over these few epochs
            String why = schedule.warmsUpThroughout()
                    ? "; the whole run was warm-up (train.warmupSteps " + schedule.warmupSteps() + "), so the rate never reached train.lr"
                    : schedule.kind() == LrSchedule.Kind.LINEAR || schedule.kind() == LrSchedule.Kind.WARMUP_LINEAR
                    ? "; a decaying learning-rate schedule reaches about 0 by the last epoch, so a single epoch is rarely enough" : "";
            log.printf(Locale.ROOT, "warning: the best dev %s is 0 after %d epoch(s): this model has learned nothing usable. Train for"
                    + " more epochs (--set train.epochs=N%s), raise train.lr, or check that the data's labels are read as intended%n",
                    monitor, epoch, why);
        }
        return new TrainingResult(epoch, bestEpoch, bestScore, keptEpoch, stoppedEarly, outOfTime, resumedFrom, (clock.getAsLong() - start) / 1e9,
                trainSeconds > 0 ? trainExamples / trainSeconds : recordedSpeed(history), history, liveArrays);
    }

    /**
     * Whether {@code train.maxTime} ends the run after {@code epoch}: the next epoch, if it took as long
     * as the slowest so far (training, dev scoring and checkpoint), would end after the limit. Judging
     * by the slowest rather than the last keeps a run within its limit when epochs vary (a busy machine,
     * a longer dev pass); the limit counts from this process's first epoch, so a continued run gets a
     * limit of its own.
     */
    private boolean outOfTime(double elapsedSeconds, double slowestEpochSeconds, int epoch) {
        if (settings.maxTime() == null || elapsedSeconds + slowestEpochSeconds <= settings.maxTime().toMillis() / 1000.0) {
            return false;
        }
        // with train.resume: false the same command would delete the checkpoint and start over, never passing the budget
        log.printf(Locale.ROOT, "train.maxTime %s: stopping after epoch %d of %d (%s so far; an epoch takes up to %s, so the next"
                        + " would end after the limit); the checkpoint stays in %s, and the same command%s continues the run from"
                        + " epoch %d%n", Durations.format(settings.maxTime()), epoch, settings.epochs(), roundedDuration(elapsedSeconds),
                roundedDuration(slowestEpochSeconds), checkpoints.dir(), settings.resume() ? "" : " with --set train.resume=true",
                epoch + 1);
        return true;
    }

    /** A duration for a log line, to the second. */
    private static String roundedDuration(double seconds) {
        return Durations.format(Duration.ofSeconds(Math.round(seconds)));
    }

    /** Clamps the gradients' values, then returns the factor that brings their global norm within bounds. */
    private float clippedScale(Params params) {
        GradClip.clampValues(params, settings.clipValue());
        return GradClip.scale(params, settings.clipNorm());
    }

    /**
     * One mini-batch: its gradients added to the weights'; on the last batch of a step (every
     * {@code accumulate} batches, or the epoch's last) clipping, the optimizer update (which clears
     * the gradients) and the weight average.
     */
    private <E> float step(Trainable<E> model, Params params, Optimizer optimizer, WeightAverage average, List<E> items, float lr,
                           int epoch, long step, boolean update, float weight) {
        try (NDManager scope = params.manager().newSubManager()) {
            params.attachTo(scope);
            float loss = stepFailed ? Float.NaN : model.backward(items, scope, weight);
            if (!Float.isFinite(loss)) {
                if (!stepFailed) {
                    skip(params, epoch, step, "the loss is " + loss);
                }
                // the rest of an accumulated step is not computed: its earlier batches' gradients are gone
                stepFailed = !update;
                return Float.NaN;
            }
            if (!update) {
                return loss;
            }
            float scale = clippedScale(params);
            if (!Float.isFinite(scale) && settings.accumulate() == 1) {
                // One more try, with fresh dropout masks, before the step is skipped; real divergence fails
                // again. It cured the CPU's garbage gradients until their cause, DJL's scalar arithmetic,
                // was removed (Ops.times); it stays as a guard.
                log.printf(Locale.ROOT, "warning: epoch %d, step %d: a gradient is not finite although the loss (%.4f) is;"
                        + " computing the batch again%n", epoch, step + 1, loss);
                params.zeroGradients();
                loss = model.backward(items, scope, 1f);
                if (!Float.isFinite(loss)) {
                    skip(params, epoch, step, "the loss is " + loss + " when the batch is computed again");
                    return Float.NaN;
                }
                scale = clippedScale(params);
            }
            if (!Float.isFinite(scale)) {
                List<String> bad = GradClip.notFinite(params);
                skip(params, epoch, step, "a gradient is not finite (" + (bad.size() > 5 ? bad.subList(0, 5) + " and " + (bad.size() - 5)
                        + " more" : bad) + ")");
                return loss;
            }
            skippedInARow = 0;
            optimizer.step(params, lr, scale);
            if (average != null) {
                average.update(params);
            }
            return loss;
        } finally {
            params.clearSlices();
        }
    }

    /** The examples in each optimizer step of {@code accumulate} batches, the last step holding what is left. */
    static int[] stepItems(List<int[]> batches, int accumulate) {
        int[] out = new int[(batches.size() + accumulate - 1) / accumulate];
        for (int k = 0; k < batches.size(); k++) {
            out[k / accumulate] += batches.get(k).length;
        }
        return out;
    }

    /**
     * Drops a step whose loss or gradients are not finite, as mixed-precision loss scalers do: the
     * gradients are cleared and the weights stay as they were. On a busy multi-threaded CPU a rare
     * batch can overflow where the same batch alone does not; a run that keeps overflowing has
     * diverged and stops.
     */
    private void skip(Params params, int epoch, long step, String what) {
        if (++skippedInARow >= MAX_SKIPPED_IN_A_ROW) {
            throw diverged(epoch, step, what + ", " + MAX_SKIPPED_IN_A_ROW + " steps in a row");
        }
        log.printf("warning: epoch %d, step %d: %s; the step is skipped%n", epoch, step + 1, what);
        GradClip.clear(params);
    }

    /**
     * A linear schedule (and a warm-up set by {@code warmupRatio}) spans the planned epochs, which may
     * change between an interrupted run and its continuation: say so when the rate at the last step
     * taken is no longer the one that run used, as the rate then jumps.
     */
    private void warnIfTheScheduleMoved(LrSchedule schedule, Checkpoints.State state) {
        if (state.step() == 0 || state.history().isEmpty() || !(state.history().getLast().get("lr") instanceof Number then)) {
            return;
        }
        float now = (float) schedule.at(state.step() - 1);
        if (Math.abs(now - then.floatValue()) > 1e-3 * Math.max(Math.abs(now), Math.abs(then.floatValue()))) {
            log.printf(Locale.ROOT, "warning: at the last step the checkpoint took, the learning rate is now %.3g, not the %.3g"
                    + " it trained with: train.epochs changed and the schedule spans the planned epochs, so the rate jumps here."
                    + " Keep train.epochs as it was to continue the same schedule%n", now, then.floatValue());
        }
    }

    private IllegalStateException diverged(int epoch, long step, String what) {
        // a lower rate is another configuration, which the checkpoint does not continue
        return new IllegalStateException("training diverged at epoch " + epoch + ", step " + (step + 1) + ": " + what
                + "; lower train.lr or set train.clipNorm, with --set train.resume=false to start over"
                + (Files.isDirectory(checkpoints.dir()) ? " (the checkpoint of the last good epoch is in " + checkpoints.dir() + ")" : ""));
    }

    private Checkpoints.State restore(Params params, Optimizer optimizer, WeightAverage average) throws IOException {
        Checkpoints.State fresh = new Checkpoints.State(configuration.fingerprint(), 0, 0, 0, Double.NaN, 0, List.of(),
                configuration.values());
        checkpoints.checkOwned();
        if (!settings.resume()) {
            if (Files.exists(checkpoints.dir())) {
                log.println("train.resume is false: deleting the old checkpoint " + checkpoints.dir());
                checkpoints.delete();
            }
            return fresh;
        }
        Checkpoints.State s = checkpoints.read();
        if (s == null) {
            return fresh;
        }
        if (!configuration.fingerprint().equals(s.fingerprint())) {
            List<String> added = configuration.added(s.config());
            if (added == null) {
                List<String> differences = configuration.differences(s.config());
                // the configuration's doing, not a failure: exit 2 without the stack-trace hint
                throw new ConfigException(new Location(checkpoints.dir().toString(), 0, 0), "this checkpoint was written by another"
                        + " configuration (" + (differences.isEmpty() ? "model, data or training settings differ"
                        : String.join("; ", differences)) + "); delete it, or set train.resume: false to start over");
            }
            if (!added.isEmpty()) {
                log.println("the checkpoint predates the options " + added + "; they are at their defaults, as it was trained");
            }
        }
        try {
            params.load(checkpoints.lastWeights(s.epoch()));
            optimizer.load(TensorFile.read(checkpoints.lastOptimizer(s.epoch())));
            if (average != null) {
                average.load(checkpoints.lastAverage(s.epoch()), params);
            }
        } catch (IOException | IllegalArgumentException e) {
            // the same configuration, other weights: a version that lays out the network's weights differently wrote it
            throw new IllegalStateException("the checkpoint " + checkpoints.dir() + " cannot be resumed (" + e.getMessage()
                    + "): an earlier version that lays out the weights differently may have written it, or it is damaged; finish"
                    + " the run with the version that started it, or set train.resume: false to start over", e);
        }
        log.printf("resuming after epoch %d from %s%n", s.epoch(), checkpoints.dir());
        return s;
    }

    /**
     * Writes an epoch's checkpoint. With averaging, {@code params} holds the averaged weights (saved
     * as best when best) and {@code trained} the weights as trained, put back before saving them.
     */
    private void save(Params params, Optimizer optimizer, WeightAverage average, Map<String, TensorFile.Tensor> trained,
                      Checkpoints.State state, boolean best) throws IOException {
        Files.createDirectories(checkpoints.dir());
        if (average != null) {
            if (best) {
                params.save(checkpoints.bestWeights(state.epoch()));
            }
            params.load(trained);
            average.save(checkpoints.lastAverage(state.epoch()));
        }
        params.save(checkpoints.lastWeights(state.epoch()));
        TensorFile.write(checkpoints.lastOptimizer(state.epoch()), optimizer.state());
        if (best && average == null) {
            // as every checkpoint file: complete and on disk before state.json names it
            try (AtomicFile copy = AtomicFile.create(checkpoints.bestWeights(state.epoch()))) {
                Files.copy(checkpoints.lastWeights(state.epoch()), copy.stream());
                copy.commit();
            }
        }
        checkpoints.commit(state);
        MetricsLog.write(checkpoints.dir().resolve(MetricsLog.FILE), state.history());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Whether early stopping ends the run after {@code epoch} with {@code badEpochs} epochs without improvement. */
    private boolean patienceSpent(int badEpochs, int epoch) {
        return !settings.keepLast() && settings.patience() > 0 && badEpochs >= settings.patience() && epoch >= settings.minEpochs()
                && epoch < settings.epochs();
    }

    /** The dev scores of the epochs a checkpoint recorded, handed back to the network's scoring in order. */
    private static void replayDevScores(Trainable<?> model, List<Map<String, Object>> history) {
        for (Map<String, Object> record : history) {
            if (record.get("dev") instanceof Map<?, ?> dev) {
                Map<String, Double> scores = new LinkedHashMap<>();
                dev.forEach((k, v) -> {
                    if (v instanceof Number n) {
                        scores.put(String.valueOf(k), n.doubleValue());
                    }
                });
                model.replayEvaluation(scores);
            }
        }
    }

    /**
     * Examples per second over the epochs {@code history} recorded: the speed of a resumed run that
     * had no epoch left to train (interrupted while scoring the test split), 0 when none is recorded.
     */
    static double recordedSpeed(List<Map<String, Object>> history) {
        double examples = 0;
        double seconds = 0;
        for (Map<String, Object> record : history) {
            if (record.get("examplesPerSecond") instanceof Number speed && record.get("seconds") instanceof Number secs) {
                examples += speed.doubleValue() * secs.doubleValue();
                seconds += secs.doubleValue();
            }
        }
        return seconds > 0 ? examples / seconds : 0;
    }
}
