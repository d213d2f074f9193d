package dev.nlpipe.bert;

import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.Provenance;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.nn.Checkpoints;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.TrainSettings;
import dev.nlpipe.nn.TrainingResult;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the fine-tuning tasks record alike: the checkpoint fingerprint, the provenance in {@code model.json}, the training metrics. */
public final class FineTuning {
    private FineTuning() {
    }

    /**
     * Identifies a run's configuration for its checkpoint: task, model options, training options
     * (less those that may change between an interrupted run and its continuation), preprocessing
     * stages and data fingerprints.
     */
    public static String fingerprint(TrainingJob job, ModelMeta meta, String task) {
        Map<String, Object> train = new LinkedHashMap<>(job.train().asMap());
        for (String k : List.of("epochs", "patience", "resume", "threads", "device")) {
            train.remove(k);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("task", task);
        config.put("model", job.model().asMap());
        config.put("train", train);
        config.put("stages", meta.get("stages"));
        config.put("data", meta.get("data"));
        return Checkpoints.fingerprint(config);
    }

    /**
     * Records how the model was made: the encoder it started from (its path and the source its
     * directory names), the seed, the library versions, the epochs run and the encoder's size.
     */
    public static void describe(ModelMeta meta, Path encoderDir, PretrainedEncoder encoder, TrainSettings settings,
                                TrainingResult result) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("path", encoderDir.toString());
        source.put("source", ModelDir.read(encoderDir).get("source"));
        meta.put("encoder", source);
        meta.put("seed", settings.seed());
        Provenance.addVersions(meta, NeuralEngine.versions());
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", result.epochs());
        training.put("bestEpoch", result.bestEpoch());
        training.put("stoppedEarly", result.stoppedEarly());
        training.put("resumedFrom", result.resumedFrom());
        meta.put("training", training);
        meta.put("encoderParameters", encoder.weights().values().stream().mapToLong(t -> t.values().length).sum());
    }

    /**
     * The training part of {@code metrics.json}: the best epoch's dev scores, the epochs, the time,
     * the training speed under {@code speedKey}, and the threads per operation.
     */
    public static Map<String, Object> metrics(TrainingResult result, String speedKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> best = result.history().stream()
                .filter(e -> ((Number) e.get("epoch")).intValue() == result.bestEpoch()).findFirst().orElse(Map.of());
        if (best.get("dev") instanceof Map<?, ?> d && !d.isEmpty()) {
            m.put("dev", d);
        }
        m.put("epochs", result.epochs());
        m.put("bestEpoch", result.bestEpoch());
        m.put("trainingSeconds", Math.round(result.seconds() * 10) / 10.0);
        m.put(speedKey, Math.round(result.examplesPerSecond() * 10) / 10.0);
        m.put("threads", NeuralEngine.threads());
        return m;
    }
}
