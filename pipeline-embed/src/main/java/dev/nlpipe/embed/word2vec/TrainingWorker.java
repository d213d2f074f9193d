package dev.nlpipe.embed.word2vec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One training thread over one slice of the corpus cache for one epoch. All threads update the
 * shared weight arrays without locks (hogwild, as the C tool does): collisions are rare and
 * harmless for sparse updates. Everything the inner loops touch is a final field or a local,
 * nothing is allocated per word, and randomness comes from a per-thread linear congruential
 * generator, so one thread with a fixed seed always produces the same vectors.
 */
final class TrainingWorker implements Runnable {
    /** Longer lines are cut into sentences of this many kept words. */
    static final int MAX_SENTENCE = 10_000;
    private static final int REPORT_EVERY = 10_000;
    private static final int EXP_TABLE_SIZE = 1000;
    private static final int MAX_EXP = 6;
    private static final float EXP_SCALE = EXP_TABLE_SIZE / (float) MAX_EXP / 2f;
    /**
     * σ(x) and −log σ(x) at x = −6 + 12·i/1000 for i = 0..1000; the table is symmetric, so
     * −log σ(−x) is at index {@code 1000 − i}.
     */
    private static final float[] SIGMOID = new float[EXP_TABLE_SIZE + 1];
    private static final float[] NEG_LOG_SIGMOID = new float[EXP_TABLE_SIZE + 1];
    /** {@link #keep} value of a word that is never discarded. */
    static final int KEEP_ALL = 1 << 24;

    static {
        for (int i = 0; i <= EXP_TABLE_SIZE; i++) {
            double x = (i / (double) EXP_TABLE_SIZE * 2 - 1) * MAX_EXP;
            double s = 1 / (1 + Math.exp(-x));
            SIGMOID[i] = (float) s;
            NEG_LOG_SIGMOID[i] = (float) -Math.log(s);
        }
    }

    private final float[] syn0;
    private final float[] syn1;
    private final float[] syn1neg;
    private final int dim;
    private final int window;
    private final int negative;
    private final boolean hs;
    private final boolean cbow;
    private final int[] tokenToWord;
    private final int[] keep;
    private final int[] codeStart;
    private final byte[] codes;
    private final int[] points;
    private final UnigramSampler sampler;
    private final CorpusCache.Reader reader;
    private final LearningRate rate;

    private final float[] neu1;
    private final float[] neu1e;
    private final int[] sentence = new int[MAX_SENTENCE];
    private long random;
    private float alpha;
    private double loss;
    private long lossTerms;

    /**
     * @param setup the shared network, vocabulary tables and schedule
     * @param from first int of this thread's slice of the cache
     * @param to end of the slice (exclusive)
     * @param seed this thread's random seed for this epoch
     */
    TrainingWorker(TrainingSetup setup, long from, long to, long seed) {
        Word2VecModel m = setup.model();
        this.syn0 = m.inputWeights();
        this.syn1 = m.hsWeights();
        this.syn1neg = m.negativeWeights();
        Word2VecParams p = setup.params();
        this.dim = p.dim();
        this.window = p.window();
        this.negative = p.negative();
        this.hs = p.hs();
        this.cbow = p.arch() == Word2VecParams.Arch.CBOW;
        this.tokenToWord = setup.tokenToWord();
        this.keep = setup.keep();
        this.codeStart = setup.tree() == null ? null : setup.tree().starts();
        this.codes = setup.tree() == null ? null : setup.tree().codes();
        this.points = setup.tree() == null ? null : setup.tree().points();
        this.sampler = setup.sampler();
        this.reader = setup.cache().reader(from, to);
        this.rate = setup.rate();
        this.neu1 = new float[dim];
        this.neu1e = new float[dim];
        this.random = seed;
        this.alpha = rate.current();
    }

    /** Summed loss (negative log-likelihood of every prediction made) of this worker's epoch. */
    double loss() {
        return loss;
    }

    /** Number of predictions summed in {@link #loss()}. */
    long lossTerms() {
        return lossTerms;
    }

    @Override
    public void run() {
        try {
            train();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void train() throws IOException {
        int len = 0;
        long unreported = 0;
        int n;
        while ((n = reader.read()) > 0) {
            int[] chunk = reader.chunk();
            for (int i = 0; i < n; i++) {
                int token = chunk[i];
                if (token == CorpusCache.END) {
                    if (len > 0) {
                        trainSentence(len);
                        len = 0;
                    }
                    continue;
                }
                int w = tokenToWord[token];
                if (w < 0) {
                    continue;
                }
                unreported++;
                if (keep[w] < KEEP_ALL) {
                    random = next(random);
                    if ((int) (random >>> 40) >= keep[w]) {
                        continue;
                    }
                }
                sentence[len++] = w;
                if (len == MAX_SENTENCE) {
                    trainSentence(len);
                    len = 0;
                }
                if (unreported >= REPORT_EVERY) {
                    alpha = rate.advance(unreported);
                    unreported = 0;
                }
            }
        }
        if (len > 0) {
            trainSentence(len);
        }
        rate.advance(unreported);
    }

    private void trainSentence(int len) {
        double l = 0;
        long terms = 0;
        for (int pos = 0; pos < len; pos++) {
            random = next(random);
            int reduced = (int) (((random >>> 32) * window) >>> 32);
            int lo = Math.max(0, pos - window + reduced);
            int hi = Math.min(len - 1, pos + window - reduced);
            int word = sentence[pos];
            if (cbow) {
                l += cbow(pos, lo, hi, word);
                terms++;
            } else {
                for (int c = lo; c <= hi; c++) {
                    if (c != pos) {
                        int l1 = sentence[c] * dim;
                        Arrays.fill(neu1e, 0f);
                        l += learn(syn0, l1, word);
                        VecMath.axpy(1f, neu1e, 0, syn0, l1, dim);
                        terms++;
                    }
                }
            }
        }
        loss += l;
        lossTerms += terms;
    }

    private float cbow(int pos, int lo, int hi, int word) {
        if (hi <= lo) {
            return 0;
        }
        Arrays.fill(neu1, 0f);
        for (int c = lo; c <= hi; c++) {
            if (c != pos) {
                VecMath.axpy(1f, syn0, sentence[c] * dim, neu1, 0, dim);
            }
        }
        float inv = 1f / (hi - lo);
        for (int i = 0; i < dim; i++) {
            neu1[i] *= inv;
        }
        Arrays.fill(neu1e, 0f);
        float l = learn(neu1, 0, word);
        for (int c = lo; c <= hi; c++) {
            if (c != pos) {
                VecMath.axpy(1f, neu1e, 0, syn0, sentence[c] * dim, dim);
            }
        }
        return l;
    }

    /**
     * One prediction of {@code word} from the input vector {@code in[io..io+dim)}: updates the
     * output rows it touches and accumulates the input's gradient into {@link #neu1e}.
     *
     * @return the prediction's loss
     */
    private float learn(float[] in, int io, int word) {
        float l = 0;
        if (hs) {
            for (int d = codeStart[word], end = codeStart[word + 1]; d < end; d++) {
                int l2 = points[d] * dim;
                float f = VecMath.dot(in, io, syn1, l2, dim);
                if (f <= -MAX_EXP || f >= MAX_EXP) {
                    continue;
                }
                int idx = sigmoidIndex(f);
                int code = codes[d];
                float g = (1 - code - SIGMOID[idx]) * alpha;
                l += NEG_LOG_SIGMOID[code == 0 ? idx : EXP_TABLE_SIZE - idx];
                VecMath.update(g, in, io, syn1, l2, neu1e, dim);
            }
        }
        for (int d = 0; d <= negative && negative > 0; d++) {
            int target;
            int label;
            if (d == 0) {
                target = word;
                label = 1;
            } else {
                random = next(random);
                target = sampler.sample(random);
                if (target == word) {
                    continue;
                }
                label = 0;
            }
            int l2 = target * dim;
            float f = VecMath.dot(in, io, syn1neg, l2, dim);
            float g;
            if (f > MAX_EXP) {
                g = (label - 1) * alpha;
                l += label == 1 ? 0 : f;
            } else if (f < -MAX_EXP) {
                g = label * alpha;
                l += label == 1 ? -f : 0;
            } else {
                int idx = sigmoidIndex(f);
                g = (label - SIGMOID[idx]) * alpha;
                l += NEG_LOG_SIGMOID[label == 1 ? idx : EXP_TABLE_SIZE - idx];
            }
            VecMath.update(g, in, io, syn1neg, l2, neu1e, dim);
        }
        return l;
    }

    /** The table index of {@code f} in [−6, 6]: 0 to 1000 (float rounding near 6 stays inside). */
    static int sigmoidIndex(float f) {
        return (int) ((f + MAX_EXP) * EXP_SCALE);
    }

    /** σ(x) as the training loop sees it, for tests. */
    static float sigmoid(float f) {
        return SIGMOID[sigmoidIndex(f)];
    }

    /** The C tool's generator: {@code x * 25214903917 + 11 (mod 2^64)}; use its high bits. */
    static long next(long x) {
        return x * 25214903917L + 11;
    }

    /** The learning rate shared by all workers, decaying linearly with the words processed. */
    static final class LearningRate {
        private final double start;
        private final double end;
        private final double totalWords;
        private final AtomicLong processed = new AtomicLong();

        /**
         * @param start the rate at the first word
         * @param end the rate at the last word
         * @param totalWords words processed by the whole run (corpus words times epochs)
         */
        LearningRate(double start, double end, long totalWords) {
            this.start = start;
            this.end = end;
            this.totalWords = Math.max(1, totalWords);
        }

        /** Records words processed and returns the rate now. */
        float advance(long words) {
            return rateAt(processed.addAndGet(words));
        }

        float current() {
            return rateAt(processed.get());
        }

        long processed() {
            return processed.get();
        }

        long totalWords() {
            return (long) totalWords;
        }

        private float rateAt(long done) {
            return (float) Math.max(end, start - (start - end) * (done / totalWords));
        }
    }
}
