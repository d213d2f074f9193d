package dev.nlpipe.embed.word2vec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a training run measured.
 *
 * @param corpusTokens tokens read from the corpus (after phrase joining)
 * @param trainWords corpus tokens that are in the vocabulary (one epoch's words)
 * @param vocabSize words in the vocabulary
 * @param newWords words added to a continued model's vocabulary (all words for a fresh model)
 * @param phrases distinct phrases joined by phrase detection
 * @param seconds time spent in the training epochs
 * @param epochLoss mean loss per prediction in each epoch
 */
public record TrainingStats(long corpusTokens, long trainWords, int vocabSize, int newWords, int phrases, double seconds,
                            List<Double> epochLoss) {

    /** Training throughput: vocabulary words processed per second, over all epochs (as the C tool and gensim count). */
    public double wordsPerSecond() {
        return seconds > 0 ? trainWords * (double) epochLoss.size() / seconds : 0;
    }

    /** For {@code metrics.json}. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("words_per_second", Math.round(wordsPerSecond()));
        m.put("train_seconds", Math.round(seconds * 1000) / 1000.0);
        m.put("corpus_tokens", corpusTokens);
        m.put("train_words", trainWords);
        m.put("vocab_size", vocabSize);
        m.put("new_words", newWords);
        m.put("phrases", phrases);
        m.put("epochs", epochLoss.size());
        m.put("epoch_loss", epochLoss);
        return m;
    }
}
