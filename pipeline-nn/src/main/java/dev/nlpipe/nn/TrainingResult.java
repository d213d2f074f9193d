package dev.nlpipe.nn;

import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TrainingJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link TrainingLoop} run did.
 *
 * @param epochs the epochs finished, including those before a resume
 * @param bestEpoch the epoch with the best dev score (without dev data, the last one)
 * @param bestScore the monitored dev score of that epoch ({@code NaN} without dev data)
 * @param keptEpoch the epoch whose weights the model holds: {@code bestEpoch}, or the last one under {@code train.keep: last}
 * @param stoppedEarly whether patience ran out
 * @param outOfTime whether {@code train.maxTime} ended the run before its epochs were done (its checkpoint is then kept
 *     so that the same command continues it)
 * @param resumedFrom the epoch the run resumed after (0 for a fresh run)
 * @param seconds training time of this process, evaluation included
 * @param examplesPerSecond training throughput (forward, backward, update), averaged over this process's epochs, or
 *     over the recorded ones when a resumed run had none left to train
 * @param history one record per epoch ({@code epoch, loss, lr, dev, seconds, examplesPerSecond})
 * @param liveArrays the number of NDArrays alive in the weights' manager after each epoch of this
 *     process (constant when memory is scoped correctly)
 */
public record TrainingResult(int epochs, int bestEpoch, double bestScore, int keptEpoch, boolean stoppedEarly, boolean outOfTime, int resumedFrom, double seconds,
                             double examplesPerSecond, List<Map<String, Object>> history, List<Integer> liveArrays) {

    /**
     * The training part of a model's {@code metrics.json}: the kept epoch's dev scores, the epochs, the best and the kept one,
     * whether patience ran out, the time, and the training speed under {@code speedKey} (e.g.
     * {@code trainSentencesPerSecond}).
     */
    public Map<String, Object> metrics(String speedKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> kept = history.stream()
                .filter(e -> ((Number) e.get("epoch")).intValue() == keptEpoch).findFirst().orElse(Map.of());
        if (kept.get("dev") instanceof Map<?, ?> d && !d.isEmpty()) {
            m.put("dev", d);
        }
        m.put("epochs", epochs);
        m.put("bestEpoch", bestEpoch);
        m.put("keptEpoch", keptEpoch);
        m.put("stoppedEarly", stoppedEarly);
        m.put("outOfTime", outOfTime);
        // every epoch's time, those of the runs it continued included: a resumed model took as long as its epochs did
        // (each epoch's training and dev scoring; a checkpoint written before wallSeconds existed gives its training time)
        double allEpochs = history.stream().mapToDouble(e -> e.get("wallSeconds") instanceof Number w ? w.doubleValue()
                : e.get("seconds") instanceof Number n ? n.doubleValue() : 0).sum();
        m.put("trainingSeconds", Math.round(Math.max(seconds, allEpochs) * 10) / 10.0);
        if (resumedFrom > 0) {
            m.put("secondsThisRun", Math.round(seconds * 10) / 10.0);
        }
        m.put(speedKey, Math.round(examplesPerSecond * 10) / 10.0);
        return m;
    }

    /** What {@code model.json} records of the run: the epochs, the best and the kept one, early stop, and the resume. */
    public Map<String, Object> summary() {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", epochs);
        training.put("bestEpoch", bestEpoch);
        training.put("keptEpoch", keptEpoch);
        training.put("stoppedEarly", stoppedEarly);
        training.put("outOfTime", outOfTime);
        training.put("resumedFrom", resumedFrom);
        return training;
    }

    /**
     * The last steps of a finished training: writes {@code model.json}, {@code metrics.json}, the
     * reports of {@link #writeReports} into the job's model directory, and removes the checkpoint
     * ({@link Checkpoints#beside} the output, where {@link TrainingLoop#forJob} keeps it) once the
     * directory is published, so a failure or an interrupt before that still leaves a run to resume. A run
     * that {@code train.maxTime} ended keeps its checkpoint: the same command continues it.
     *
     * @param task the task name, for the reports' title
     */
    public void complete(TrainingJob job, ModelMeta meta, Map<String, Object> metrics, String task) throws IOException {
        ModelDir.writeMeta(job.dir(), meta);
        job.writeMetrics(metrics);
        writeReports(job.dir(), task + " → " + job.output());
        if (!outOfTime) {
            job.afterPublish(Checkpoints.beside(job.output())::delete);
        }
    }

    /** Writes {@code metrics.jsonl} and {@code training-curves.html} into a model directory. */
    public void writeReports(Path modelDir, String title) throws IOException {
        MetricsLog.write(modelDir.resolve(MetricsLog.FILE), history);
        TrainingCurves.write(modelDir.resolve(TrainingCurves.FILE), title, history, keptEpoch);
    }
}
