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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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

    /**
     * The {@code train.maxTermsInMemory} given, or {@code null} for the automatic budget.
     *
     * @throws dev.nlpipe.core.config.ConfigException when it is below 1
     */
    public static Long termsInMemory(Options train) {
        if (train.get("maxTermsInMemory") == null) {
            return null;
        }
        long given = train.getInt("maxTermsInMemory");
        if (given < 1) {
            throw train.error("maxTermsInMemory", "must be at least 1");
        }
        return given;
    }

    /** The training text only: there are no scores to compute on dev or test data. */
    @Override
    public List<String> readSplits() {
        return List.of("train");
    }

    @Override
    public void train(TrainingJob job) throws IOException {
        Options m = job.model();
        Options t = job.train();
        int threads = Math.max(1, t.getInt("threads"));
        Long given = termsInMemory(t);
        long budget = given == null ? VocabularyCounter.defaultTermsInMemory() : given;
        Analyzer analyzer = analyzer(job);
        List<String> fixed = VectorizerOptions.fixedVocabulary(m);
        long start = System.nanoTime();
        Vocabulary vocabulary = fit(job, analyzer, fixed, threads, budget, VectorizerOptions.pruning(m),
                VectorizerOptions.weighting(m, tfidf).binary());
        write(job, vocabulary, (System.nanoTime() - start) / 1e9);
    }

    /** The analyzer of a {@code vectorize.*} job's {@code model:} options. */
    public static Analyzer analyzer(TrainingJob job) {
        return new Analyzer(VectorizerOptions.analyzer(job.model()), "task " + job.config().task());
    }

    /**
     * Without idf smoothing a term of a fixed vocabulary found in no document has an infinite idf,
     * and every document holding it a NaN vector (scikit-learn only warns of the division by zero).
     */
    private static void refuseUnseenTerms(Options m, Weighting weighting, Vocabulary vocabulary) {
        if (!weighting.useIdf() || weighting.smoothIdf()) {
            return;
        }
        List<String> unseen = new ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            if (vocabulary.df()[i] == 0) {
                unseen.add(vocabulary.terms()[i]);
            }
        }
        if (!unseen.isEmpty()) {
            throw m.error("smoothIdf", unseen.size() + " vocabulary term(s) occur in no training document (" + String.join(", ",
                    unseen.subList(0, Math.min(10, unseen.size()))) + (unseen.size() > 10 ? ", ..." : "") + "), so without smoothing"
                    + " their idf is infinite and every vector holding one NaN; set smoothIdf: true or leave them out of vocabulary");
        }
    }

    /**
     * Writes the model directory of a fitted vocabulary, as {@code nlpipe train} does after
     * counting: {@code model.json}, the vocabulary with idf, and {@code metrics.json}. Public for
     * fits whose counting runs elsewhere (on Spark, {@code dev.nlpipe.spark}), so their model
     * directories are the same.
     *
     * @param job a {@code vectorize.tfidf} or {@code vectorize.count} job, running
     * @param vocabulary the counted and pruned vocabulary
     * @param fitSeconds how long counting took, for the metrics
     */
    public static void write(TrainingJob job, Vocabulary vocabulary, double fitSeconds) throws IOException {
        String kind = job.config().task();
        Options m = job.model();
        Analyzer analyzer = analyzer(job);
        Weighting weighting = VectorizerOptions.weighting(m, VectorizerModelDir.TFIDF.equals(kind));
        refuseUnseenTerms(m, weighting, vocabulary);
        VectorizerModel model = new VectorizerModel(analyzer, weighting, vocabulary, null);
        ModelMeta meta = job.newMeta(kind, VectorizerModelDir.FORMAT_VERSION);
        VectorizerModelDir.write(job.dir(), meta, model, VectorizerOptions.pruning(m));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("documents", vocabulary.documents());
        metrics.put("distinctTerms", vocabulary.distinct());
        metrics.put("vocabularySize", vocabulary.size());
        metrics.put("fitSeconds", fitSeconds);
        metrics.put("documentsPerSecond", vocabulary.documents() / Math.max(fitSeconds, 1e-9));
        job.writeMetrics(metrics);
        job.log().printf(Locale.ROOT, "%s: %,d documents, %,d distinct terms, %,d kept (%,d pruned) in %.1f s%n", kind,
                vocabulary.documents(), vocabulary.distinct(), vocabulary.size(), vocabulary.pruned(), fitSeconds);
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
            if (n == 0) {
                throw job.noDocuments("train");
            }
            return pruned(m, () -> counter.finish(pruning, binary));
        }
    }

    /**
     * Sums run files counted elsewhere ({@link VocabularyCounter#finishRuns} on each part of a
     * distributed corpus) and prunes them by the job's options, as {@code nlpipe train} prunes its own counts.
     *
     * @param job the running {@code vectorize.*} job
     * @param runs every part's run files
     * @param documents the documents all the parts counted
     */
    public static Vocabulary merge(TrainingJob job, List<Path> runs, long documents) {
        Options m = job.model();
        return pruned(m, () -> VocabularyCounter.merge(runs, documents, VectorizerOptions.pruning(m),
                VectorizerOptions.weighting(m, VectorizerModelDir.TFIDF.equals(job.config().task())).binary()));
    }

    /** Reports impossible pruning options ({@code minDf} above {@code maxDf}, nothing left) against the option. */
    private static Vocabulary pruned(Options m, Supplier<Vocabulary> prune) {
        try {
            return prune.get();
        } catch (PruningException e) {
            throw m.error(e.kind() == PruningException.Kind.EMPTY ? "minDf" : "maxDf", e.getMessage());
        }
    }
}
