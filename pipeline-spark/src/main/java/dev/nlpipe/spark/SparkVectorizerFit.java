package dev.nlpipe.spark;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.embed.vectorize.Analyzer;
import dev.nlpipe.embed.vectorize.VectorizerModelDir;
import dev.nlpipe.embed.vectorize.VectorizerOptions;
import dev.nlpipe.embed.vectorize.VectorizerTrainer;
import dev.nlpipe.embed.vectorize.Vocabulary;
import dev.nlpipe.embed.vectorize.VocabularyCounter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code vectorize.tfidf} and {@code vectorize.count} fitted on Spark: each task reads its files,
 * runs the training file's preprocessing stages and counts every term (document and corpus
 * frequency) into sorted runs; the driver merges the runs of all tasks, prunes them with the
 * same rules and writes the model directory with the trainer's own code. The vocabulary and idf
 * are those {@code nlpipe train} fits on the same corpus.
 *
 * <p>The training file is {@code nlpipe train}'s, checked the same way before any record is
 * read; {@code data.train} must be readable by every executor at the same path (a shared file
 * system). A fixed {@code vocabulary:} has nothing to fit: use {@code nlpipe train}. The counting
 * on the tasks and the merge on the driver are {@link SparkRunCount}'s, shared with {@link SparkWord2VecCount}.
 */
public final class SparkVectorizerFit {
    private SparkVectorizerFit() {
    }

    /**
     * Fits the vectorizer of a training file on Spark and writes its model directory.
     *
     * @param spark the session
     * @param trainingFile a {@code task: vectorize.tfidf} or {@code vectorize.count} file
     * @param overrides {@code KEY=VALUE} settings, as {@code nlpipe train --set}
     * @param output the model directory to write (replaced only when the fit succeeds)
     * @param log progress and the closing line
     * @return the fitted vocabulary
     */
    public static Vocabulary fit(SparkSession spark, Path trainingFile, List<String> overrides, Path output, PrintStream log)
            throws IOException {
        TrainConfig config = TrainConfig.load(trainingFile, overrides);
        if (!VectorizerModelDir.TFIDF.equals(config.task()) && !VectorizerModelDir.COUNT.equals(config.task())) {
            throw new ConfigException(config.taskLocation(), "Spark fits only " + VectorizerModelDir.TFIDF + " and "
                    + VectorizerModelDir.COUNT + " (and counts the vocabulary of embed.word2vec, SparkWord2VecCount); train '"
                    + config.task() + "' with `nlpipe train`");
        }
        Vocabulary[] fitted = new Vocabulary[1];
        try (TrainingJob job = TrainingJob.prepare(config, output, log)) {
            if (VectorizerOptions.fixedVocabulary(job.model()) != null) {
                throw new ConfigException(config.location(), "a fixed 'vocabulary' has nothing to fit on Spark; use `nlpipe train`");
            }
            job.run(j -> {
                long start = System.nanoTime();
                fitted[0] = count(spark, j);
                VectorizerTrainer.write(j, fitted[0], (System.nanoTime() - start) / 1e9);
            });
        }
        return fitted[0];
    }

    private static Vocabulary count(SparkSession spark, TrainingJob job) throws IOException {
        Long given = VectorizerTrainer.termsInMemory(job.train());
        // the options as written, the executors adding the defaults: an option refused when set (skipStopTokens with a char
        // analyzer) must not be taken for set because its default was copied
        Map<String, Object> written = new java.util.LinkedHashMap<>(job.model().asMap());
        written.keySet().removeIf(k -> !job.model().isSet(k));
        Counting counting = new Counting(job.config().task(), written, given == null ? 0 : given);
        return SparkRunCount.count(spark, job, counting, (runs, documents) -> VectorizerTrainer.merge(job, runs, documents));
    }

    /** A task's counting: the analyzer rebuilt from the job's options, one counter per partition. */
    private record Counting(String task, Map<String, Object> modelOptions, long maxTermsInMemory) implements SparkRunCount.Counter {
        @Override
        public List<byte[]> count(int part, Iterator<Document> docs) {
            Options options = Options.of(task, modelOptions, Components.get().trainers().get(task, Location.NONE).modelOptions());
            Analyzer analyzer = new Analyzer(VectorizerOptions.analyzer(options), "task " + task);
            long budget = maxTermsInMemory > 0 ? maxTermsInMemory : TaskMemory.termsInMemory();
            try (VocabularyCounter counter = new VocabularyCounter(analyzer, null, 1, budget)) {
                docs.forEachRemaining(counter::add);
                return SparkRunCount.contents(counter.finishRun());
            }
        }
    }
}
