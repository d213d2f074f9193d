package dev.nlpipe.embed.word2vec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic corpora whose structure the vectors must find: words co-occur only within their topic. */
final class Corpus {
    private Corpus() {
    }

    /**
     * Sentences of {@code length} words, each drawn from one topic; topic {@code t} has words
     * {@code prefix(t) + i}, e.g. a0..a7 for topic 0.
     */
    static List<List<String>> topics(String prefixes, int wordsPerTopic, int sentences, int length, long seed) {
        Random r = new Random(seed);
        List<List<String>> out = new ArrayList<>();
        for (int s = 0; s < sentences; s++) {
            char topic = prefixes.charAt(r.nextInt(prefixes.length()));
            List<String> sentence = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                sentence.add(topic + Integer.toString(r.nextInt(wordsPerTopic)));
            }
            out.add(sentence);
        }
        return out;
    }

    /** The share of each word's {@code k} nearest neighbours that belong to its own topic (first letter). */
    static double topicPurity(WordVectors v, int k) {
        int same = 0;
        int total = 0;
        for (int i = 0; i < v.size(); i++) {
            String w = v.word(i);
            for (WordVectors.Neighbor n : v.neighbors(w, k)) {
                total++;
                if (n.word().charAt(0) == w.charAt(0)) {
                    same++;
                }
            }
        }
        return same / (double) total;
    }

    /** Small, fast settings for tests: all words kept, no down-sampling, one thread. */
    static Word2VecParams params() {
        return Word2VecParams.defaults().withDim(16).withWindow(3).withMinCount(1).withSample(0).withEpochs(5).withThreads(1).withSeed(7);
    }
}
