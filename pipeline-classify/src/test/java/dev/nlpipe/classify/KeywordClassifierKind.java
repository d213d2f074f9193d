package dev.nlpipe.classify;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelKind;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TextClassifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A model kind that only the tests install (test-scoped META-INF/services): a binary classifier
 * whose margin is the number of times its keyword occurs. It shows that a new architecture needs
 * only a kind: the classify stage and the evaluator run it without knowing it.
 */
public final class KeywordClassifierKind implements ModelKind<TextClassifier> {

    @Override
    public String name() {
        return "classify.test-keyword";
    }

    @Override
    public String description() {
        return "counts a keyword (tests only)";
    }

    @Override
    public Class<TextClassifier> type() {
        return TextClassifier.class;
    }

    @Override
    public int formatVersion() {
        return 1;
    }

    @Override
    public Set<Layer> requires(Path dir, ModelMeta meta) {
        return Set.of();
    }

    @Override
    public TextClassifier load(Path dir, ModelMeta meta, LoadOptions options) {
        String keyword = meta.getString("keyword");
        return new TextClassifier() {
            @Override
            public List<String> labels() {
                return List.of("neg", "pos");
            }

            @Override
            public Set<Layer> requires() {
                return Set.of();
            }

            @Override
            public double[] scores(Document doc) {
                double m = margin(doc);
                double p = 1 / (1 + Math.exp(-(m - 0.5)));
                return new double[] {1 - p, p};
            }

            @Override
            public double margin(Document doc) {
                return doc.text().split(keyword, -1).length - 1;
            }

            @Override
            public void close() {
            }
        };
    }
}
