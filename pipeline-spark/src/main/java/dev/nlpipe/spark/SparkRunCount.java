package dev.nlpipe.spark;

import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.model.ModelDirWriter;
import dev.nlpipe.core.model.TrainingJob;
import java.io.IOException;
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
 * A count split across Spark tasks and merged on the driver, as {@code fit} runs it: each task
 * reads its files of {@code data.train} (one per partition, large ones {@link FileSplits split}),
 * runs the training file's preprocessing stages and counts its documents into sorted run files;
 * the driver gathers every task's runs into a temporary directory and merges them. The vectorizer
 * fit and word2vec's vocabulary count differ only in what a task counts and how runs are merged.
 */
final class SparkRunCount {
    private SparkRunCount() {
    }

    /** What one task counted: its documents, its bad records and its sorted runs, as bytes. */
    record Part(long documents, long badRecords, List<byte[]> runs) implements Serializable {
        /** A part whose runs are read from these files. */
        static Part of(long documents, long badRecords, List<Path> runs) {
            List<byte[]> bytes = new ArrayList<>();
            try {
                for (Path run : runs) {
                    bytes.add(Files.readAllBytes(run));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a counted run: " + e.getMessage(), e);
            }
            return new Part(documents, badRecords, bytes);
        }
    }

    /** A task's counting; shipped to the executors, so it holds only serializable settings. */
    @FunctionalInterface
    interface Counter extends Serializable {
        /**
         * @param part the task's index: its files and ranges come before those of every later index, in reading order
         * @param documents its preprocessed documents, or the bad records among them
         */
        Part count(int part, Iterator<PartitionRunner.Outcome<Document>> documents);
    }

    /** The driver's merge of every task's runs. */
    @FunctionalInterface
    interface Merge<R> {
        R merge(List<Path> runs, long documents) throws IOException;
    }

    /**
     * Counts a running job's {@code data.train} on the cluster and merges the counts.
     *
     * @return what {@code merge} makes of the runs
     */
    static <R> R count(SparkSession spark, TrainingJob job, Counter counter, Merge<R> merge) throws IOException {
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
        job.log().printf(java.util.Locale.ROOT, "counting on Spark: %,d files in %,d partitions%n", files.size(), splits.size());
        Iterator<Part> parts = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(splits, Math.max(1, splits.size()))
                .mapPartitionsWithIndex((index, part) -> List.of(counter.count(index, reading.process(part))).iterator(), false)
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
            return merge.merge(runs, documents);
        } finally {
            ModelDirWriter.deleteTree(dir);
        }
    }
}
