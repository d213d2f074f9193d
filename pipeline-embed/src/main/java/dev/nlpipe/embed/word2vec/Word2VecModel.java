package dev.nlpipe.embed.word2vec;

import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelDirWriter;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A word2vec network: the vocabulary, the input vectors (the word vectors users want) and the
 * output weights (kept so training can continue on a new corpus). Saved as a model directory:
 * {@code model.json}, {@code vectors.bin} and {@code vectors.txt} (the standard formats),
 * {@code vocab.tsv} (word and count) and the output weights ({@code output-negative.bin},
 * {@code output-hs.bin}: little-endian float32 rows).
 */
public final class Word2VecModel {
    /** The model kind in {@code model.json}. */
    public static final String KIND = "embed.word2vec";
    /** The model directory format this code writes. */
    public static final int FORMAT_VERSION = 1;
    static final String VOCAB_FILE = "vocab.tsv";
    static final String NEGATIVE_FILE = "output-negative.bin";
    static final String HS_FILE = "output-hs.bin";

    private final Vocabulary vocab;
    private final int dim;
    private final float[] syn0;
    private final float[] syn1neg;
    private final float[] syn1;

    Word2VecModel(Vocabulary vocab, int dim, float[] syn0, float[] syn1neg, float[] syn1) {
        this.vocab = vocab;
        this.dim = dim;
        this.syn0 = syn0;
        this.syn1neg = syn1neg;
        this.syn1 = syn1;
    }

    /**
     * A network ready to train: input vectors drawn uniformly from ±0.5/dim (each word's from a
     * generator seeded by the seed and the word, so a word starts the same whatever its row), output
     * weights zero. Words of {@code previous} keep their trained input and negative-sampling weights.
     */
    static Word2VecModel initialize(Vocabulary vocab, Word2VecParams p, Word2VecModel previous) {
        int dim = p.dim();
        int n = vocab.size();
        checkTableSize(n, dim);
        float[] syn0 = new float[n * dim];
        float[] syn1neg = p.negative() > 0 ? new float[n * dim] : null;
        float[] syn1 = p.hs() ? new float[Math.max(1, n - 1) * dim] : null;
        for (int w = 0; w < n; w++) {
            int old = previous == null ? -1 : previous.vocab.indexOf(vocab.word(w));
            if (old >= 0) {
                System.arraycopy(previous.syn0, old * dim, syn0, w * dim, dim);
                if (syn1neg != null && previous.syn1neg != null) {
                    System.arraycopy(previous.syn1neg, old * dim, syn1neg, w * dim, dim);
                }
            } else {
                SplittableRandom r = new SplittableRandom(p.seed() * 0x9E3779B97F4A7C15L ^ wordHash(vocab.word(w)));
                for (int i = 0; i < dim; i++) {
                    syn0[w * dim + i] = (float) ((r.nextDouble() - 0.5) / dim);
                }
            }
        }
        return new Word2VecModel(vocab, dim, syn0, syn1neg, syn1);
    }

    private static long wordHash(String w) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < w.length(); i++) {
            h = (h ^ w.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    public Vocabulary vocabulary() {
        return vocab;
    }

    public int dim() {
        return dim;
    }

    /** The word vectors (sharing this model's input weights). */
    public WordVectors wordVectors() {
        return new WordVectors(vocab.words(), syn0, dim);
    }

    /**
     * Whether every weight is a finite number: a learning rate too high for the corpus overflows them
     * to infinities, then NaN, which every similarity with the word would turn into.
     */
    boolean finite() {
        return finite(syn0) && finite(syn1neg) && finite(syn1);
    }

    private static boolean finite(float[] weights) {
        if (weights != null) {
            for (float w : weights) {
                if (!Float.isFinite(w)) {
                    return false;
                }
            }
        }
        return true;
    }

    float[] inputWeights() {
        return syn0;
    }

    float[] negativeWeights() {
        return syn1neg;
    }

    float[] hsWeights() {
        return syn1;
    }

    /**
     * Writes the weight files into a directory (the caller writes {@code model.json}): both vector
     * formats, the vocabulary with counts, and the output weights.
     */
    public void saveFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        WordVectors v = wordVectors();
        VectorFormat.writeBinary(v, dir.resolve(VectorFormat.BINARY_FILE));
        VectorFormat.writeText(v, dir.resolve(VectorFormat.TEXT_FILE));
        vocab.writeTsv(dir.resolve(VOCAB_FILE));
        if (syn1neg != null) {
            writeFloats(dir.resolve(NEGATIVE_FILE), syn1neg);
        }
        if (syn1 != null) {
            writeFloats(dir.resolve(HS_FILE), syn1);
        }
    }

    /**
     * Saves a complete model directory with a minimal {@code model.json} (the Java API's save). It is
     * built beside {@code dir} and moved into place when complete, so a failure or an interrupt
     * leaves a model already there as it was.
     */
    public void save(Path dir, Word2VecParams params) throws IOException {
        try (ModelDirWriter out = ModelDirWriter.create(dir)) {
            saveFiles(out.dir());
            ModelMeta meta = ModelMeta.create(KIND, FORMAT_VERSION);
            describe(meta, params);
            ModelDir.writeMeta(out.dir(), meta);
            out.commit();
        }
    }

    /** The most floats one Java array holds (a few below {@code Integer.MAX_VALUE}, as the JVM reserves a header). */
    static final int MAX_TABLE = Integer.MAX_VALUE - 8;

    /** Refuses a vocabulary whose vectors would not fit one table, naming the options that shrink it. */
    static void checkTableSize(int words, int dim) {
        if ((long) words * dim > MAX_TABLE) {
            throw new Word2VecParams.InvalidParameterException("maxVocab", "must keep the table within " + MAX_TABLE + " weights: "
                    + String.format(java.util.Locale.ROOT, "%,d", words) + " words of dim " + dim + " do not fit; set maxVocab to at most "
                    + String.format(java.util.Locale.ROOT, "%,d", MAX_TABLE / dim) + ", raise minCount or lower dim");
        }
    }

    /** Adds this model's shape and hyper-parameters to a {@code model.json} record. */
    public void describe(ModelMeta meta, Word2VecParams params) {
        meta.put("dim", dim);
        meta.put("vocabSize", vocab.size());
        meta.put("vectors", List.of(VectorFormat.BINARY_FILE, VectorFormat.TEXT_FILE));
        meta.put("word2vec", params.asMap());
    }

    /** Loads a model directory written by {@link #save} or {@code nlpipe train}. */
    public static Word2VecModel load(Path dir) throws IOException {
        ModelMeta meta = ModelDir.read(dir, FORMAT_VERSION, KIND);
        WordVectors v = VectorFormat.read(dir.resolve(VectorFormat.BINARY_FILE));
        Vocabulary vocab = Vocabulary.readTsv(dir, VOCAB_FILE);
        if (!Arrays.equals(vocab.words(), v.words())) {
            throw new ModelException(dir, VOCAB_FILE + " does not list the words of " + VectorFormat.BINARY_FILE + " in the same order");
        }
        int dim = v.dim();
        float[] neg = readFloats(dir, NEGATIVE_FILE, (long) vocab.size() * dim);
        float[] hs = readFloats(dir, HS_FILE, (long) Math.max(1, vocab.size() - 1) * dim);
        if (meta.getInt("dim", dim) != dim) {
            throw new ModelException(dir, "model.json says dim " + meta.getInt("dim", dim) + " but the vectors have " + dim);
        }
        if (meta.getInt("vocabSize", vocab.size()) != vocab.size()) {
            throw new ModelException(dir, "model.json says vocabSize " + meta.getInt("vocabSize", 0) + " but " + VectorFormat.BINARY_FILE
                    + " has " + vocab.size() + " words");
        }
        return new Word2VecModel(vocab, dim, v.matrix(), neg, hs);
    }

    private static void writeFloats(Path file, float[] a) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = Files.newOutputStream(file)) {
            int i = 0;
            while (i < a.length) {
                buf.clear();
                int n = Math.min(a.length - i, buf.capacity() / 4);
                buf.asFloatBuffer().put(a, i, n);
                out.write(buf.array(), 0, n * 4);
                i += n;
            }
        }
    }

    private static float[] readFloats(Path dir, String name, long expected) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        if (Files.size(file) != expected * 4) {
            throw new ModelException(dir, name + " has " + Files.size(file) + " bytes, expected " + expected * 4);
        }
        float[] a = new float[Math.toIntExact(expected)];
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        try (InputStream in = Files.newInputStream(file)) {
            int i = 0;
            while (i < a.length) {
                int n = Math.min(a.length - i, buf.capacity() / 4);
                int got = in.readNBytes(buf.array(), 0, n * 4);
                if (got != n * 4) {
                    throw new ModelException(dir, name + " ended early");
                }
                buf.clear();
                buf.asFloatBuffer().get(a, i, n);
                i += n;
            }
        }
        return a;
    }
}
