package dev.nlpipe.embed.word2vec;

import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TrainingJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A word2vec vocabulary counted before training — by {@code nlpipe-spark fit} on a corpus too
 * large for one machine's counting pass — and the directory that holds it: {@code model.json}
 * (kind {@value #KIND}: the training file's task, options, preprocessing and data fingerprint,
 * the {@code minCount} and {@code maxVocab} it was chosen with, corpus totals) and
 * {@code vocab.tsv} ({@code word<TAB>count}, most frequent first, as in a word2vec model
 * directory). Training with {@code model.vocabulary} set to the directory skips counting.
 *
 * @param vocabulary the words and their counts, in row order
 * @param minCount the {@code minCount} it was chosen with
 * @param maxVocab the {@code maxVocab} it was chosen with
 * @param corpusTokens the tokens of the corpus it was counted on, those of words left out
 *     included, or -1 where the directory does not record them
 */
public record CountedVocabulary(Vocabulary vocabulary, int minCount, int maxVocab, long corpusTokens) {
    /** The kind in {@code model.json}. */
    public static final String KIND = "embed.word2vec-vocabulary";
    /** The directory format this code writes. */
    public static final int FORMAT_VERSION = 1;
    static final String FILE = Word2VecModel.VOCAB_FILE;
    private static final String CORPUS_TOKENS = "corpus_tokens";

    /**
     * Writes the directory of a counting job ({@code task: embed.word2vec}) into its {@link TrainingJob#dir()}.
     *
     * @param job the running job whose {@code model:} options chose the vocabulary
     * @param counted what the count found
     * @param documents documents counted
     * @param seconds how long counting took
     */
    public static void write(TrainingJob job, WordCounter.Counted counted, long documents, double seconds) throws IOException {
        counted.vocabulary().writeTsv(job.dir().resolve(FILE));
        ModelMeta meta = job.newMeta(KIND, FORMAT_VERSION);
        meta.put("minCount", job.model().getInt("minCount"));
        meta.put("maxVocab", job.model().getInt("maxVocab"));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("documents", documents);
        metrics.put(CORPUS_TOKENS, counted.tokens());
        metrics.put("distinct_words", counted.distinct());
        metrics.put("vocab_size", counted.vocabulary().size());
        metrics.put("count_seconds", seconds);
        meta.put("metrics", metrics);
        ModelDir.writeMeta(job.dir(), meta);
        job.writeMetrics(metrics);
    }

    /**
     * Reads a directory written by {@link #write}.
     *
     * @throws ModelException when it is not one, or is damaged
     */
    public static CountedVocabulary load(Path dir) {
        ModelMeta meta = ModelDir.read(dir, FORMAT_VERSION, KIND);
        try {
            Object tokens = meta.getMap("metrics").get(CORPUS_TOKENS);
            return new CountedVocabulary(Vocabulary.readTsv(dir, FILE), meta.getInt("minCount", -1), meta.getInt("maxVocab", -1),
                    tokens instanceof Number t ? t.longValue() : -1);
        } catch (IOException e) {
            throw ModelException.cannotLoad(dir, e);
        }
    }

    /**
     * Checks that training would choose its vocabulary as this one was chosen: the same
     * {@code minCount} and {@code maxVocab}, and no phrase detection, which joins words from the
     * counts of every distinct token and bigram that a vocabulary counted beforehand does not hold.
     *
     * @throws Word2VecParams.InvalidParameterException naming the option that differs
     */
    public void checkChosenAs(Word2VecParams params) {
        if (params.phrases().passes() > 0) {
            throw new Word2VecParams.InvalidParameterException("phrases", "is " + params.phrases().passes() + ", but phrase detection"
                    + " needs the counts of every distinct token and bigram, which a vocabulary counted beforehand does not hold;"
                    + " set phrases: 0, or leave out the counted vocabulary so that training counts the corpus itself");
        }
        if (params.minCount() != minCount) {
            throw new Word2VecParams.InvalidParameterException("minCount", "is " + params.minCount() + " but the vocabulary was counted"
                    + " with minCount " + minCount + "; set minCount: " + minCount + " or count it again");
        }
        if (params.maxVocab() != maxVocab) {
            throw new Word2VecParams.InvalidParameterException("maxVocab", "is " + params.maxVocab() + " but the vocabulary was counted"
                    + " with maxVocab " + maxVocab + "; set maxVocab: " + maxVocab + " or count it again");
        }
    }
}
