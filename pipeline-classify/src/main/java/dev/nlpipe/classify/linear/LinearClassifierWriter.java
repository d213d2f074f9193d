package dev.nlpipe.classify.linear;

import dev.nlpipe.classify.LabelSet;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TrainingJob;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a trained {@code classify.linear} model directory: model.json, weights.bin, features/ and metrics.json. */
final class LinearClassifierWriter {
    private LinearClassifierWriter() {
    }

    /**
     * Everything training decided.
     *
     * @param threshold the threshold search's result for model.json, or {@code null}
     * @param outcomes the grid search's scores, or {@code null} when there was none
     * @param metrics dev and test metrics and timings, for metrics.json
     */
    record Trained(LinearSettings settings, LabelSet labels, ModelSelection.Candidate chosen, LinearModel model, LinearFitter.Fit fit,
                   Map<String, Object> threshold, List<ModelSelection.Outcome> outcomes, String selectedOn, Features features,
                   Map<String, Object> metrics) {
    }

    static void write(TrainingJob job, Trained t) throws IOException {
        LinearSettings s = t.settings();
        LabelSet labels = t.labels();
        ModelMeta meta = job.newMeta(LinearClassifier.KIND, LinearClassifier.FORMAT_VERSION);
        meta.put("labels", labels.labels());
        if (labels.size() == 2) {
            meta.put("positiveLabel", labels.get(1));
        }
        Map<String, Object> classifier = new LinkedHashMap<>();
        classifier.put("loss", s.loss().key());
        classifier.put("C", t.chosen().c());
        if (t.chosen().ngramRange() != null) {
            classifier.put("ngramRange", List.of(t.chosen().ngramRange()[0], t.chosen().ngramRange()[1]));
        }
        classifier.put("multiClass", labels.size() == 2 ? "binary"
                : s.multinomial() && s.loss() == LinearModel.Loss.LOGISTIC ? "multinomial" : "ovr");
        classifier.put("classWeight", s.balanced() ? "balanced" : "none");
        classifier.put("fitIntercept", s.intercept());
        if (t.threshold() != null) {
            classifier.put("threshold", t.threshold());
        }
        meta.put("classifier", classifier);
        meta.put("solver", Map.of("iterations", t.fit().iterations(), "converged", t.fit().converged()));
        if (t.outcomes() != null) {
            meta.put("selection", Map.of("on", t.selectedOn(), "metric", ModelSelection.metricName(s),
                    "candidates", t.outcomes().stream().map(ModelSelection.Outcome::toMap).toList()));
        }
        String kind = t.features() instanceof Features.Vectorizer v ? v.kind() : "vectorize.none";
        meta.put("features", t.features().save(job.dir(), ModelMeta.create(kind, 1)));
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String split : List.of("dev", "test")) {
            if (t.metrics().get(split) instanceof Map<?, ?> m) {
                summary.put(split, Map.of("accuracy", m.get("accuracy"), "macro_f1", m.get("macro_f1")));
            }
        }
        meta.put("metrics", summary);
        t.model().write(job.dir().resolve(LinearClassifier.WEIGHTS));
        ModelDir.writeMeta(job.dir(), meta);
        job.writeMetrics(t.metrics());
    }
}
