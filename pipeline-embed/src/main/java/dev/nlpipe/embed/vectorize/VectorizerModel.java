package dev.nlpipe.embed.vectorize;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.SparseVector;
import java.util.Arrays;

/**
 * A fitted count or TF-IDF vectorizer: analyzer, vocabulary (terms in column order), idf and
 * weighting. Turns a document into a sparse vector whose values equal scikit-learn's
 * {@code CountVectorizer} / {@code TfidfVectorizer} {@code transform} row. Thread-safe.
 */
public final class VectorizerModel {
    private final Analyzer analyzer;
    private final Weighting weighting;
    private final Vocabulary vocabulary;
    private final FeatureIndex index;
    private final NgramTable words;
    private final FeatureTable slices;
    /** Column of each index id; -1 for ids that are only prefixes of longer n-grams. */
    private final int[] columnOf;
    private final double[] idf;
    private final ThreadLocal<Scratch> scratch;

    /**
     * @param analyzer how documents become features (the one the vocabulary was counted with)
     * @param weighting how counts become values
     * @param vocabulary the terms, in column order
     * @param idf the idf per column, or {@code null} to compute it from the vocabulary's document
     *     frequencies (only read when {@code weighting.useIdf()})
     */
    public VectorizerModel(Analyzer analyzer, Weighting weighting, Vocabulary vocabulary, double[] idf) {
        this.analyzer = analyzer;
        this.weighting = weighting;
        this.vocabulary = vocabulary;
        this.index = VocabularyCounter.newIndex(analyzer.spec(), vocabulary.size());
        this.words = index instanceof NgramTable n ? n : null;
        this.slices = index instanceof FeatureTable f ? f : null;
        int[] ids = VocabularyCounter.addAll(index, java.util.Arrays.asList(vocabulary.terms()));
        this.columnOf = new int[index.size()];
        java.util.Arrays.fill(columnOf, -1);
        for (int c = 0; c < ids.length; c++) {
            columnOf[ids[c]] = c;
        }
        if (weighting.useIdf()) {
            this.idf = idf != null ? idf.clone() : computeIdf(weighting, vocabulary);
            if (this.idf.length != vocabulary.size()) {
                throw new IllegalArgumentException("idf has " + this.idf.length + " values for " + vocabulary.size() + " terms");
            }
        } else {
            this.idf = null;
        }
        int n = vocabulary.size();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    /** Idf per column from the vocabulary's document frequencies. */
    public static double[] computeIdf(Weighting weighting, Vocabulary vocabulary) {
        double[] out = new double[vocabulary.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = weighting.idf(vocabulary.df()[i], vocabulary.documents());
        }
        return out;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    public AnalyzerSpec analyzerSpec() {
        return analyzer.spec();
    }

    public Weighting weighting() {
        return weighting;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Number of columns. */
    public int size() {
        return vocabulary.size();
    }

    /** The term of a column. */
    public String term(int column) {
        return vocabulary.terms()[column];
    }

    /** The column of a term, or -1. */
    public int column(String term) {
        int id = index.find(term);
        return id < 0 ? -1 : columnOf[id];
    }

    /** The idf of a column (1.0 when idf is not used). */
    public double idf(int column) {
        return idf == null ? 1.0 : idf[column];
    }

    /** The document's vector: columns ascending, zero columns left out. */
    public SparseVector transform(Document doc) {
        Scratch s = scratch.get();
        s.model = this;
        try {
            analyzer.analyze(doc, s.grams, s);
            return finishRow(s);
        } finally {
            s.model = null;
        }
    }

    /** The row of a document whose feature ids were recorded while counting, mapped to columns by {@code columnOf}. */
    SparseVector row(PrimitiveLists.IntBlocks ids, int from, int to, int[] columnOf) {
        Scratch s = scratch.get();
        for (int i = from; i < to; i++) {
            s.hitColumn(columnOf[ids.get(i)]);
        }
        return finishRow(s);
    }

    private SparseVector finishRow(Scratch s) {
        int n = s.touched;
        int[] cols = Arrays.copyOf(s.ids, n);
        Arrays.sort(cols);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            int c = cols[i];
            double v = weighting.tf(s.counts[c]);
            if (idf != null) {
                v *= idf[c];
            }
            values[i] = v;
            s.counts[c] = 0;
        }
        s.touched = 0;
        weighting.normalize(values, n);
        return new SparseVector(cols, values);
    }

    /**
     * Per-thread buffers: the analysis and a dense count per column with the list of columns touched.
     * Static, and pointing at its model only during a call: a thread's buffer that referred to the
     * model would keep the model (its vocabulary, the key of the thread-local) alive for as long as
     * the thread lives (pooled threads, Spark executors, every model of a grid search).
     */
    private static final class Scratch implements GramSink {
        VectorizerModel model;
        final Grams grams = new Grams();
        final int[] counts;
        int[] ids = new int[256];
        int touched;

        Scratch(int columns) {
            counts = new int[columns];
        }

        @Override
        public void words(Grams g, int minN, int maxN) {
            model.words.visit(g, minN, maxN, false, this::hit);
        }

        @Override
        public void chars(Grams g, int start, int end, int hash) {
            hit(model.slices.findSlice(g, start, end, hash));
        }

        private void hit(int indexId) {
            if (indexId >= 0) {
                hitColumn(model.columnOf[indexId]);
            }
        }

        void hitColumn(int id) {
            if (id < 0) {
                return;
            }
            if (counts[id]++ == 0) {
                if (touched == ids.length) {
                    ids = Arrays.copyOf(ids, touched * 2);
                }
                ids[touched++] = id;
            }
        }
    }
}
