package dev.nlpipe.spark;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.PipelineConfig;
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
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * {@code vectorize.tfidf} and {@code vectorize.count} fitted on Spark: each task reads its files,
 * runs the training file's preprocessing stages and counts every term (document and corpus
 * frequency) into sorted runs; the driver merges the runs of all tasks, prunes them with the
 * same rules and writes the model directory with the trainer's own code. The vocabulary and idf
 * are those {@code nlpipe train} fits on the same corpus.
 *
 * <p>The training file is {@code nlpipe train}'s, checked the same way before any record is
 * read; {@code data.train} must be readable by every executor at the same path (a shared file
 * system). A fixed {@code vocabulary:} has nothing to fit: use {@code nlpipe train}.
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
                    + VectorizerModelDir.COUNT + "; train '" + config.task() + "' with `nlpipe train`");
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

    /** What one task counted: its documents and its sorted runs, as bytes. */
    private record Part(long documents, long badRecords, List<byte[]> runs) implements Serializable {
    }

    private static Vocabulary count(SparkSession spark, TrainingJob job) throws IOException {
        TrainConfig config = job.config();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<SourceFiles.Ref> files = SourceFiles.list(job.splitPath("train").toString(), config.input().glob(),
                config.input().recursive(), hadoop);
        PipelineSpec preprocess = PipelineSpec.of(new PipelineConfig(config.task() + "-preprocess", null, config.stages(), null,
                "skip", 0, 0, null));
        LongAccumulator read = spark.sparkContext().longAccumulator("nlpipe documents read");
        LongAccumulator warnings = spark.sparkContext().longAccumulator("nlpipe warnings");
        Map<String, String> hadoopConf = SourceFiles.entries(hadoop);
        FileDocuments reading = FileDocuments.of(preprocess, config.input(), hadoopConf, read, warnings);
        List<FileSplits.Split> splits = reading.plan(spark, files, FileSplits.maxBytes(spark));
        job.log().printf(java.util.Locale.ROOT, "counting terms on Spark: %,d files in %,d partitions%n", files.size(), splits.size());
        Counting counting = new Counting(config.task(), new java.util.LinkedHashMap<>(job.model().asMap()),
                job.train().get("maxTermsInMemory") == null ? 0 : ((Number) job.train().get("maxTermsInMemory")).longValue());
        Iterator<Part> parts = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(splits, Math.max(1, splits.size()))
                .mapPartitions(part -> List.of(counting.count(reading.process(part))).iterator())
                .toLocalIterator();
        Path dir = Files.createTempDirectory("nlpipe-spark-runs-");
        try {
            List<Path> runs = new ArrayList<>();
            long documents = 0;
            long bad = 0;
            while (parts.hasNext()) {
                Part p = parts.next();
                documents += p.documents();
                bad += p.badRecords();
                for (byte[] run : p.runs()) {
                    runs.add(Files.write(dir.resolve("run-" + runs.size() + ".bin"), run));
                }
            }
            if (bad > 0) {
                job.log().printf("%,d bad records skipped (not counted)%n", bad);
            }
            return VectorizerTrainer.merge(job, runs, documents);
        } finally {
            dev.nlpipe.core.model.ModelDirWriter.deleteTree(dir);
        }
    }

    /** A task's counting: the analyzer rebuilt from the job's options, one counter per partition. */
    private record Counting(String task, Map<String, Object> modelOptions, long maxTermsInMemory) implements Serializable {
        Part count(Iterator<PartitionRunner.Outcome<Document>> docs) {
            Options options = Options.of(task, modelOptions, Components.get().trainers().get(task, Location.NONE).modelOptions());
            Analyzer analyzer = new Analyzer(VectorizerOptions.analyzer(options), "task " + task);
            long budget = maxTermsInMemory > 0 ? maxTermsInMemory : VocabularyCounter.defaultTermsInMemory();
            long bad = 0;
            try (VocabularyCounter counter = new VocabularyCounter(analyzer, null, 1, budget)) {
                while (docs.hasNext()) {
                    PartitionRunner.Outcome<Document> o = docs.next();
                    if (o.document() != null) {
                        counter.add(o.document());
                    } else {
                        bad++;
                    }
                }
                List<byte[]> runs = new ArrayList<>();
                for (Path run : counter.finishRuns()) {
                    runs.add(Files.readAllBytes(run));
                }
                return new Part(counter.documents(), bad, runs);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a vocabulary run: " + e.getMessage(), e);
            }
        }
    }
}
