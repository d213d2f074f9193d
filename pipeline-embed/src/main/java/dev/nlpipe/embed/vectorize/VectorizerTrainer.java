package dev.nlpipe.embed.vectorize;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TrainerProvider;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.core.run.DocumentStream;
import dev.nlpipe.core.run.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Training tasks {@code vectorize.tfidf} and {@code vectorize.count}: stream {@code data.train}
 * through the preprocessing stages, count every feature (spilling to disk past the memory budget),
 * prune by document frequency and {@code maxFeatures}, and write the vectorizer model directory.
 */
public abstract class VectorizerTrainer implements TrainerProvider {
    private final String kind;
    private final boolean tfidf;
    private final String title;

    VectorizerTrainer(VectorizerKind vectorizer) {
        this.kind = vectorizer.registeredName();
        this.tfidf = vectorizer.tfidf();
        this.title = vectorizer.title();
    }

    /** Task {@code vectorize.tfidf}. */
    public static final class Tfidf extends VectorizerTrainer {
        public Tfidf() {
            super(VectorizerKind.TFIDF);
        }
    }

    /** Task {@code vectorize.count}. */
    public static final class Count extends VectorizerTrainer {
        public Count() {
            super(VectorizerKind.COUNT);
        }
    }

    @Override
    public String name() {
        return kind;
    }

    @Override
    public String description() {
        return "fit a " + title + " vectorizer's vocabulary" + (tfidf ? " and idf" : "") + " on data.train (scikit-learn semantics), for the "
                + kind + " stage";
    }

    @Override
    public List<OptionSpec> modelOptions() {
        List<OptionSpec> out = new ArrayList<>(VectorizerOptions.analysis());
        out.addAll(VectorizerOptions.pruning());
        out.addAll(VectorizerOptions.fixedVocabulary());
        out.addAll(VectorizerOptions.weighting(tfidf));
        return out;
    }

    @Override
    public List<OptionSpec> trainOptions() {
        return List.of(
                OptionSpec.integer("threads", Runtime.getRuntime().availableProcessors(), "threads for counting and preprocessing"),
                OptionSpec.integer("maxTermsInMemory", null, "distinct terms held in memory before sorted runs are spilled to disk"
                        + " (default: from the maximum heap)"));
    }

    @Override
    public Set<Layer> requires(Options model) {
        return VectorizerOptions.readsTokens(model) ? Set.of(Layer.TOKENS) : Set.of();
    }

    @Override
    public void train(TrainingJob job) throws IOException {
        Options m = job.model();
        Options t = job.train();
        AnalyzerSpec spec = VectorizerOptions.analyzer(m);
        Pruning pruning = VectorizerOptions.pruning(m);
        Weighting weighting = VectorizerOptions.weighting(m, tfidf);
        List<String> fixed = VectorizerOptions.fixedVocabulary(m);
        int threads = Math.max(1, t.getInt("threads"));
        long budget = t.get("maxTermsInMemory") == null ? VocabularyCounter.defaultTermsInMemory() : t.getInt("maxTermsInMemory");
        if (budget < 1) {
            throw t.error("maxTermsInMemory", "must be at least 1");
        }
        Analyzer analyzer = new Analyzer(spec, "task " + kind);
        long start = System.nanoTime();
        Vocabulary vocabulary = fit(job, analyzer, fixed, threads, budget, pruning, weighting.binary());
        double secs = (System.nanoTime() - start) / 1e9;
        VectorizerModel model = new VectorizerModel(analyzer, weighting, vocabulary, null);
        ModelMeta meta = job.newMeta(kind, VectorizerModelDir.FORMAT_VERSION);
        VectorizerModelDir.write(job.dir(), meta, model, pruning);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("documents", vocabulary.documents());
        metrics.put("distinctTerms", vocabulary.distinct());
        metrics.put("vocabularySize", vocabulary.size());
        metrics.put("fitSeconds", secs);
        metrics.put("documentsPerSecond", vocabulary.documents() / Math.max(secs, 1e-9));
        job.writeMetrics(metrics);
        job.log().printf(Locale.ROOT, "%s: %,d documents, %,d distinct terms, %,d kept (%,d pruned) in %.1f s%n", kind,
                vocabulary.documents(), vocabulary.distinct(), vocabulary.size(), vocabulary.pruned(), secs);
    }

    private static Vocabulary fit(TrainingJob job, Analyzer analyzer, List<String> fixed, int threads, long budget, Pruning pruning,
                                  boolean binary) throws IOException {
        Options m = job.model();
        try (VocabularyCounter counter = new VocabularyCounter(analyzer, fixed, threads, budget);
             DocumentStream docs = job.documents("train", threads)) {
            Progress progress = new Progress(job.log(), "docs", docs.totalBytes(), docs::bytesRead);
            long n = 0;
            while (docs.hasNext()) {
                counter.add(docs.next());
                progress.update(++n, null);
            }
            progress.finish();
            try {
                return counter.finish(pruning, binary);
            } catch (IllegalArgumentException e) {
                throw m.error(e.getMessage().contains("maxDf") ? "maxDf" : "minDf", e.getMessage());
            }
        }
    }
}
