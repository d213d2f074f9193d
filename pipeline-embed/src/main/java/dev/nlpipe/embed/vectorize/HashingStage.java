package dev.nlpipe.embed.vectorize;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code vectorize.hashing}: scikit-learn's {@code HashingVectorizer} — no vocabulary and no
 * fitting; each feature goes to column {@code |murmurhash3_32(utf8(feature))| mod nFeatures},
 * counted with the hash's sign when {@code alternateSign}, so columns equal scikit-learn's.
 */
public final class HashingStage implements StageProvider {

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public String name() {
        return "vectorize.hashing";
    }

    @Override
    public String description() {
        return "hashed sparse vector of word or character n-grams (scikit-learn's HashingVectorizer); needs no model";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> out = new ArrayList<>();
        out.add(OptionSpec.string("name", "hashing", "name of the vector added to each document"));
        out.addAll(VectorizerOptions.analysis());
        out.add(OptionSpec.integer("nFeatures", 1 << 20, "number of columns (2^20 by default)"));
        out.add(OptionSpec.bool("alternateSign", true, "count each feature with the sign of its hash, so collisions tend to cancel"));
        out.add(OptionSpec.bool("binary", false, "every present column is 1 (after summing signed counts)"));
        out.add(OptionSpec.choice("norm", "l2", "row normalization", "l2", "l1", "none"));
        return out;
    }

    @Override
    public Set<Layer> requires(Options o) {
        return VectorizerOptions.readsTokens(o) ? Set.of(Layer.TOKENS) : Set.of();
    }

    @Override
    public String withoutLayer(Layer missing) {
        return missing == Layer.TOKENS ? "let it find the words itself, as scikit-learn's HashingVectorizer does, with"
                + " with: { tokenPattern: '(?u)\\b\\w\\w+\\b' } (a regex whose matches are the words; that one is"
                + " scikit-learn's default token_pattern)" : null;
    }

    @Override
    public Set<Layer> provides(Options o) {
        return Set.of(Layer.VECTORS);
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        int n = o.getInt("nFeatures");
        if (n < 1) {
            throw o.error("nFeatures", "must be at least 1");
        }
        AnalyzerSpec spec = VectorizerOptions.analyzer(o);
        Hasher hasher = new Hasher(new Analyzer(spec, ctx.id()), n, o.getBoolean("alternateSign"),
                new Weighting(o.getBoolean("binary"), false, false, true, Weighting.Norm.of(o.getString("norm"))));
        String name = o.getString("name");
        return (Annotator) doc -> doc.putVector(name, hasher.transform(doc));
    }

    /** The hashing transform; thread-safe. */
    public static final class Hasher {
        private final Analyzer analyzer;
        private final int nFeatures;
        private final boolean alternateSign;
        private final Weighting weighting;
        private final ThreadLocal<Scratch> scratch;

        /**
         * @param weighting only {@code binary} and {@code norm} are read
         */
        public Hasher(Analyzer analyzer, int nFeatures, boolean alternateSign, Weighting weighting) {
            this.analyzer = analyzer;
            this.nFeatures = nFeatures;
            this.alternateSign = alternateSign;
            this.weighting = weighting;
            this.scratch = ThreadLocal.withInitial(Scratch::new);
        }

        /** The column scikit-learn assigns to a feature hash. */
        int column(int h) {
            if (h == Integer.MIN_VALUE) {
                return (Integer.MAX_VALUE - (nFeatures - 1)) % nFeatures;
            }
            return Math.abs(h) % nFeatures;
        }

        /** The document's hashed vector; columns where signed counts cancel to zero are left out. */
        public SparseVector transform(Document doc) {
            Scratch s = scratch.get();
            analyzer.analyze(doc, s.grams, s);
            int n = s.used;
            int[] cols = Arrays.copyOf(s.cols, n);
            Arrays.sort(cols);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = weighting.binary() ? 1.0 : s.sums.get(cols[i]);
            }
            s.clear();
            weighting.normalize(values, n);
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (values[i] != 0) {
                    cols[kept] = cols[i];
                    values[kept++] = values[i];
                }
            }
            return new SparseVector(Arrays.copyOf(cols, kept), Arrays.copyOf(values, kept));
        }

        /** Per-thread buffers: the analysis, the hash, and the signed sum per column touched. */
        private final class Scratch implements GramSink {
            final Grams grams = new Grams();
            final Murmur3 murmur = new Murmur3();
            final java.util.HashMap<Integer, Double> sums = new java.util.HashMap<>();
            int[] cols = new int[256];
            int used;

            @Override
            public void words(Grams g, int minN, int maxN) {
                for (int n = minN; n <= maxN; n++) {
                    for (int from = 0; from + n <= g.tokens; from++) {
                        murmur.reset();
                        for (int t = from; t < from + n; t++) {
                            if (t > from) {
                                murmur.add(' ');
                            }
                            murmur.add(g.buf, g.tokStart[t], g.tokEnd[t]);
                        }
                        add(murmur.finish());
                    }
                }
            }

            @Override
            public void chars(Grams g, int start, int end, int hash) {
                murmur.reset();
                murmur.add(g.buf, start, end);
                add(murmur.finish());
            }

            private void add(int h) {
                int c = column(h);
                double v = alternateSign && h < 0 ? -1.0 : 1.0;
                Double old = sums.get(c);
                if (old == null) {
                    if (used == cols.length) {
                        cols = Arrays.copyOf(cols, used * 2);
                    }
                    cols[used++] = c;
                    sums.put(c, v);
                } else {
                    sums.put(c, old + v);
                }
            }

            void clear() {
                sums.clear();
                used = 0;
            }
        }
    }
}
