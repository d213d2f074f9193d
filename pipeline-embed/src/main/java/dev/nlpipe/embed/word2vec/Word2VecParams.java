package dev.nlpipe.embed.word2vec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Hyper-parameters of a word2vec training run, named as in the training file ({@code model:} and
 * {@code train:} sections) and defaulting to the original C tool's values. Build with
 * {@link #defaults()} and the {@code with...} methods; every value is checked on construction.
 *
 * @param arch skip-gram or CBOW
 * @param dim vector size
 * @param window maximum distance between the current and a context word (the actual window is drawn per word)
 * @param negative negative samples per target (0 = no negative sampling)
 * @param hs hierarchical softmax over a Huffman tree
 * @param sample threshold for down-sampling frequent words (0 = off)
 * @param minCount words rarer than this are dropped
 * @param maxVocab keep at most this many most frequent words (0 = no limit)
 * @param epochs passes over the corpus
 * @param alpha starting learning rate
 * @param minAlpha learning rate reached at the end (linear decay)
 * @param threads training threads (results are reproducible only with one)
 * @param seed random seed (initial vectors, sampling)
 * @param phrases word2phrase-style phrase detection before training
 */
public record Word2VecParams(Arch arch, int dim, int window, int negative, boolean hs, double sample, int minCount,
                             int maxVocab, int epochs, double alpha, double minAlpha, int threads, long seed,
                             PhraseParams phrases) {

    /** The network shape. */
    public enum Arch {
        /** Predict each context word from the current word. */
        SKIPGRAM,
        /** Predict the current word from the mean of its context. */
        CBOW;

        /** The name used in configuration files. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code skipgram} or {@code cbow}. */
        public static Arch of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * Phrase detection (word2phrase): adjacent words {@code a b} become one token {@code a_b} when
     * {@code (count(ab) - minCount) / (count(a) * count(b)) * totalWords > threshold}.
     *
     * @param passes how many times to run it (each pass can join phrases found before, building longer ones); 0 = off
     * @param threshold the score a bigram must exceed
     * @param minCount words and bigrams rarer than this never join
     * @param delimiter joins the words of a phrase
     */
    public record PhraseParams(int passes, double threshold, int minCount, String delimiter) {
        public PhraseParams {
            require(passes >= 0, "phrases", "must be 0 (off) or a number of passes");
            require(threshold > 0, "phraseThreshold", "must be positive");
            require(minCount >= 1, "phraseMinCount", "must be at least 1");
            require(delimiter != null && !delimiter.isEmpty() && delimiter.codePoints().noneMatch(dev.nlpipe.embed.vectorize.PyText::isSpace),
                    "phraseDelimiter", "must be a non-empty string without spaces");
        }

        /** Off. */
        public static PhraseParams off() {
            return new PhraseParams(0, 100, 5, "_");
        }
    }

    public Word2VecParams {
        require(arch != null, "arch", "must be skipgram or cbow");
        require(dim >= 1, "dim", "must be at least 1");
        require(window >= 1, "window", "must be at least 1");
        require(negative >= 0, "negative", "must be 0 (off) or a number of samples");
        require(negative > 0 || hs, "negative", "is 0 and hs is false: turn on negative sampling or hierarchical softmax");
        require(sample >= 0, "sample", "must be 0 (off) or a small positive threshold such as 1e-3");
        require(minCount >= 1, "minCount", "must be at least 1");
        require(maxVocab >= 0, "maxVocab", "must be 0 (no limit) or a positive size");
        require(epochs >= 1, "epochs", "must be at least 1");
        require(alpha > 0, "alpha", "must be positive");
        require(minAlpha >= 0 && minAlpha <= alpha, "minAlpha", "must be between 0 and alpha (" + alpha + ")");
        require(threads >= 1, "threads", "must be at least 1");
        require(phrases != null, "phrases", "must be given");
    }

    /** The C tool's defaults: skip-gram, 100 dimensions, window 5, 5 negatives, sample 1e-3, min count 5, 5 epochs. */
    public static Word2VecParams defaults() {
        return new Word2VecParams(Arch.SKIPGRAM, 100, 5, 5, false, 1e-3, 5, 0, 5, defaultAlpha(Arch.SKIPGRAM), 1e-4,
                Runtime.getRuntime().availableProcessors(), 1, PhraseParams.off());
    }

    /** The C tool's starting learning rate: 0.025 for skip-gram, 0.05 for CBOW. */
    public static double defaultAlpha(Arch arch) {
        return arch == Arch.CBOW ? 0.05 : 0.025;
    }

    public Word2VecParams withArch(Arch v) {
        return new Word2VecParams(v, dim, window, negative, hs, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, phrases);
    }

    public Word2VecParams withDim(int v) {
        return new Word2VecParams(arch, v, window, negative, hs, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, phrases);
    }

    public Word2VecParams withWindow(int v) {
        return new Word2VecParams(arch, dim, v, negative, hs, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, phrases);
    }

    /** Sets negative sampling and hierarchical softmax together (one of them must stay on). */
    public Word2VecParams withObjective(int negativeSamples, boolean hierarchicalSoftmax) {
        return new Word2VecParams(arch, dim, window, negativeSamples, hierarchicalSoftmax, sample, minCount, maxVocab, epochs, alpha,
                minAlpha, threads, seed, phrases);
    }

    public Word2VecParams withSample(double v) {
        return new Word2VecParams(arch, dim, window, negative, hs, v, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, phrases);
    }

    public Word2VecParams withMinCount(int v) {
        return new Word2VecParams(arch, dim, window, negative, hs, sample, v, maxVocab, epochs, alpha, minAlpha, threads, seed, phrases);
    }

    public Word2VecParams withMaxVocab(int v) {
        return new Word2VecParams(arch, dim, window, negative, hs, sample, minCount, v, epochs, alpha, minAlpha, threads, seed, phrases);
    }

    public Word2VecParams withEpochs(int v) {
        return new Word2VecParams(arch, dim, window, negative, hs, sample, minCount, maxVocab, v, alpha, minAlpha, threads, seed, phrases);
    }

    /** Sets the starting and final learning rates. */
    public Word2VecParams withAlpha(double start, double end) {
        return new Word2VecParams(arch, dim, window, negative, hs, sample, minCount, maxVocab, epochs, start, end, threads, seed, phrases);
    }

    public Word2VecParams withThreads(int v) {
        return new Word2VecParams(arch, dim, window, negative, hs, sample, minCount, maxVocab, epochs, alpha, minAlpha, v, seed, phrases);
    }

    public Word2VecParams withSeed(long v) {
        return new Word2VecParams(arch, dim, window, negative, hs, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, v, phrases);
    }

    public Word2VecParams withPhrases(PhraseParams v) {
        return new Word2VecParams(arch, dim, window, negative, hs, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, v);
    }

    /** The values as written in a training file, for {@code model.json}. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arch", arch.key());
        m.put("dim", dim);
        m.put("window", window);
        m.put("negative", negative);
        m.put("hs", hs);
        m.put("sample", sample);
        m.put("minCount", minCount);
        m.put("maxVocab", maxVocab);
        m.put("epochs", epochs);
        m.put("alpha", alpha);
        m.put("minAlpha", minAlpha);
        m.put("threads", threads);
        m.put("seed", seed);
        m.put("phrases", phrases.passes());
        m.put("phraseThreshold", phrases.threshold());
        m.put("phraseMinCount", phrases.minCount());
        m.put("phraseDelimiter", phrases.delimiter());
        return m;
    }

    private static void require(boolean ok, String option, String problem) {
        if (!ok) {
            throw new InvalidParameterException(option, problem);
        }
    }

    /** A hyper-parameter out of range; {@link #option()} names it as in the training file. */
    public static final class InvalidParameterException extends IllegalArgumentException {
        private final String option;

        InvalidParameterException(String option, String problem) {
            super(option + " " + problem);
            this.option = option;
        }

        /** The option's name. */
        public String option() {
            return option;
        }

        /** The problem without the option's name. */
        public String problem() {
            return getMessage().substring(option.length() + 1);
        }
    }
}
