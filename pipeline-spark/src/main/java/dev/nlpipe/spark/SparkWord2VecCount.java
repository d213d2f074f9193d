package dev.nlpipe.spark;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.embed.word2vec.CountedVocabulary;
import dev.nlpipe.embed.word2vec.Word2VecModel;
import dev.nlpipe.embed.word2vec.Word2VecTask;
import dev.nlpipe.embed.word2vec.WordCounter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The vocabulary-counting pass of {@code task: embed.word2vec} run on Spark, for a corpus too large
 * for one machine's counting pass: each task reads its files, runs the training file's
 * preprocessing stages, takes each document's tokens as training does and counts every word (and
 * where it first appears) into sorted runs; the driver merges the runs of all tasks, chooses the
 * vocabulary with training's rules ({@code minCount}, {@code maxVocab}, most frequent first, ties
 * in order of first appearance) and writes a {@link CountedVocabulary} directory. {@code nlpipe
 * train} with {@code model.vocabulary} set to it reads the corpus once and trains the vectors it
 * would have trained after counting the corpus itself.
 *
 * <p>The training file is {@code nlpipe train}'s, checked the same way before any record is read;
 * {@code data.train} must be readable by every executor at the same path (a shared file system).
 * Phrase detection ({@code model.phrases}) needs every bigram's count and is refused, as is
 * {@code train.continueFrom}, whose vocabulary grows from an old model's.
 */
public final class SparkWord2VecCount {
    private SparkWord2VecCount() {
    }

    /**
     * Counts the vocabulary of a word2vec training file on Spark and writes its directory.
     *
     * @param spark the session
     * @param trainingFile a {@code task: embed.word2vec} file
     * @param overrides {@code KEY=VALUE} settings, as {@code nlpipe train --set}
     * @param output the vocabulary directory to write (replaced only when counting succeeds)
     * @param log the closing line
     * @return what was counted
     */
    public static WordCounter.Counted count(SparkSession spark, Path trainingFile, List<String> overrides, Path output, PrintStream log)
            throws IOException {
        TrainConfig config = TrainConfig.load(trainingFile, overrides);
        if (!Word2VecModel.KIND.equals(config.task())) {
            throw new ConfigException(config.taskLocation(), "Spark counts the vocabulary of " + Word2VecModel.KIND + ", not of '"
                    + config.task() + "'");
        }
        WordCounter.Counted[] counted = new WordCounter.Counted[1];
        try (TrainingJob job = TrainingJob.prepare(config, output, log)) {
            refuseUncountable(job);
            int minCount = job.model().getInt("minCount");
            int maxVocab = job.model().getInt("maxVocab");
            job.run(j -> {
                long start = System.nanoTime();
                long[] documents = new long[1];
                counted[0] = SparkRunCount.count(spark, j, new Counting(), (runs, docs) -> {
                    documents[0] = docs;
                    return WordCounter.merge(runs, minCount, maxVocab);
                });
                double seconds = (System.nanoTime() - start) / 1e9;
                CountedVocabulary.write(j, counted[0], documents[0], seconds);
                j.log().printf(Locale.ROOT, "%s vocabulary: %,d documents, %,d tokens, %,d distinct words, %,d kept in %.1f s%n",
                        Word2VecModel.KIND, documents[0], counted[0].tokens(), counted[0].distinct(), counted[0].vocabulary().size(), seconds);
            });
        }
        return counted[0];
    }

    /** Options whose vocabulary a count of words cannot give, refused before any record is read. */
    private static void refuseUncountable(TrainingJob job) {
        if (job.model().getInt("phrases") > 0) {
            throw job.model().error("phrases", "is " + job.model().getInt("phrases") + ", but phrase detection needs the counts of"
                    + " every distinct token and bigram on one machine: set phrases: 0 to count on Spark, or train with `nlpipe train`,"
                    + " which counts the corpus itself");
        }
        if (job.model().getPath("vocabulary") != null) {
            throw job.model().error("vocabulary", "is already given, so there is nothing to count; remove it to count on Spark");
        }
        if (job.train().getPath("continueFrom") != null) {
            throw job.train().error("continueFrom", "grows an old model's vocabulary, which a count of the new corpus alone does not"
                    + " give; train with `nlpipe train`");
        }
    }

    /**
     * A task's counting: one {@link WordCounter} per partition, numbered by the partition's place in
     * the corpus, holding {@link TaskMemory}'s share of the executor's heap before spilling.
     */
    private record Counting() implements SparkRunCount.Counter {
        @Override
        public List<byte[]> count(int part, Iterator<Document> docs) {
            try (WordCounter counter = new WordCounter(part, TaskMemory.termsInMemory())) {
                docs.forEachRemaining(d -> counter.add(Word2VecTask.tokens(d)));
                return SparkRunCount.contents(counter.finishRun());
            }
        }
    }
}
