package dev.nlpipe.spark;

import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.embed.vectorize.RunFiles;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
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

    /** What one task counted: its documents, its bad records and its sorted run (none or one), as bytes. */
    record Part(long documents, long badRecords, List<String> firstBad, List<byte[]> runs) implements Serializable {
    }

    /** Bad records each task reports by name, as nlpipe train prints them; the rest are counted. */
    private static final int NAMED = 20;

    /** A task's counting; shipped to the executors, so it holds only serializable settings. */
    @FunctionalInterface
    interface Counter extends Serializable {
        /**
         * @param part the task's index: its files and ranges come before those of every later index, in reading order
         * @param documents its preprocessed documents (its bad records are counted apart)
         * @return the task's sorted run, its spills merged, as bytes (read before the counter deletes its
     *     files): the task holds one run of its distinct terms, not every spill
         */
        List<byte[]> count(int part, Iterator<Document> documents);
    }

    /** The contents of a counter's run file, to send to the driver: none or one. */
    static List<byte[]> contents(Optional<Path> run) {
        try {
            return run.isPresent() ? List.of(Files.readAllBytes(run.get())) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a counted run: " + e.getMessage(), e);
        }
    }

    /** The driver's merge of every task's runs. */
    @FunctionalInterface
    interface Merge<R> {
        R merge(List<Path> runs, long documents) throws IOException;
    }

    /** Runs a task's counter over its documents, counting them and the bad records between them. */
    private static Part countPart(Counter counter, int index, Iterator<PartitionRunner.Outcome<Document>> outcomes) {
        long[] documents = new long[1];
        long[] bad = new long[1];
        List<String> firstBad = new ArrayList<>();
        Iterator<Document> good = StreamSupport.stream(Spliterators.spliteratorUnknownSize(outcomes, Spliterator.ORDERED), false)
                .filter(o -> {
                    if (o.document() == null) {
                        if (bad[0]++ < NAMED && o.error() != null) {
                            firstBad.add(o.error().toString());
                        }
                        return false;
                    }
                    documents[0]++;
                    return true;
                })
                .map(PartitionRunner.Outcome::document)
                .iterator();
        List<byte[]> runs = counter.count(index, good);
        return new Part(documents[0], bad[0], firstBad, runs);
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
        if (files.isEmpty()) {
            // as nlpipe train: an empty vocabulary written for a glob that matched nothing is no model
            throw job.noDocuments("train");
        }
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
                .mapPartitionsWithIndex((index, part) -> List.of(countPart(counter, index, reading.process(part))).iterator(), false)
                .toLocalIterator();
        try (RunFiles gathered = new RunFiles("nlpipe-spark-runs-")) {
            List<Path> runs = new ArrayList<>();
            long documents = 0;
            long bad = 0;
            int named = 0;
            while (parts.hasNext()) {
                Part p = parts.next();
                documents += p.documents();
                bad += p.badRecords();
                for (String record : p.firstBad()) {
                    if (named++ < NAMED) {
                        job.log().println("bad record: " + record);
                    }
                }
                for (byte[] run : p.runs()) {
                    runs.add(Files.write(gathered.next(), run));
                }
            }
            if (bad > 0) {
                job.log().printf("%,d bad records skipped (not counted)%n", bad);
            }
            if (documents == 0) {
                throw job.noDocuments("train");
            }
            return merge.merge(runs, documents);
        }
    }
}
