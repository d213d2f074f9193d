package dev.nlpipe.embed.vectorize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.SparseVector;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * TF-IDF of a three-document corpus worked out by hand:
 * <pre>
 *   d0 = "a b a", d1 = "b c", d2 = "c c c d";  n = 3
 *   df:  a 1, b 2, c 2, d 1
 *   smooth idf = ln((1 + n) / (1 + df)) + 1:  a, d = ln 2 + 1 = 1.6931471805599454
 *                                             b, c = ln(4/3) + 1 = 1.2876820724517808
 *   d0: a = 2 · 1.69315 = 3.38629, b = 1.28768; ‖·‖₂ = 3.62289 → a 0.93470196, b 0.35543247
 *   d2 sublinear: c = (1 + ln 3) · 1.28768, d = 1.69315 → c 0.84740849, d 0.53094148
 * </pre>
 */
class TfidfByHandTest {
    private static final List<Document> DOCS = List.of(new Document("d0", "a b a"), new Document("d1", "b c"),
            new Document("d2", "c c c d"));
    private static final AnalyzerSpec WHITESPACE = new AnalyzerSpec(AnalyzerSpec.Kind.WORD, 1, 1, true, "\\S+", Set.of(), true);

    private static VectorizerModel fit(Weighting w) {
        return VectorizerFitter.fit(DOCS, WHITESPACE, Pruning.NONE, w, null, 1);
    }

    @Test
    void smoothIdfAndL2Rows() {
        VectorizerModel m = fit(new Weighting(false, false, true, true, Weighting.Norm.L2));
        assertArrayEquals(new String[] {"a", "b", "c", "d"}, m.vocabulary().terms());
        assertArrayEquals(new int[] {1, 2, 2, 1}, m.vocabulary().df());
        assertArrayEquals(new long[] {2, 2, 4, 1}, m.vocabulary().cf());
        assertEquals(1.6931471805599454, m.idf(0), 1e-15);
        assertEquals(1.2876820724517808, m.idf(1), 1e-15);
        SparseVector d0 = m.transform(DOCS.get(0));
        assertArrayEquals(new int[] {0, 1}, d0.indices());
        assertArrayEquals(new double[] {0.9347019636214327, 0.35543246785041743}, d0.values(), 1e-15);
        SparseVector d1 = m.transform(DOCS.get(1));
        assertArrayEquals(new double[] {0.7071067811865476, 0.7071067811865476}, d1.values(), 1e-15);
    }

    @Test
    void aThreadThatTransformedWithAModelDoesNotKeepItAlive() throws InterruptedException {
        // a pooled thread (a grid search's fork-join workers, a Spark executor's task threads) outlives the models it used
        VectorizerModel m = fit(new Weighting(false, false, true, true, Weighting.Norm.L2));
        m.transform(DOCS.get(0));
        java.lang.ref.WeakReference<VectorizerModel> ref = new java.lang.ref.WeakReference<>(m);
        m = null;
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        org.junit.jupiter.api.Assertions.assertNull(ref.get(), "the model is collectable once dropped");
    }

    @Test
    void sublinearTf() {
        VectorizerModel m = fit(new Weighting(false, true, true, true, Weighting.Norm.L2));
        SparseVector d2 = m.transform(DOCS.get(2));
        assertArrayEquals(new int[] {2, 3}, d2.indices());
        assertArrayEquals(new double[] {0.8474084852202652, 0.5309414837594586}, d2.values(), 1e-15);
    }

    @Test
    void idfWithoutSmoothingAndL1() {
        VectorizerModel m = fit(new Weighting(false, false, true, false, Weighting.Norm.L1));
        assertEquals(Math.log(3) + 1, m.idf(0), 1e-15);
        assertEquals(1.4054651081081644, m.idf(1), 1e-15);
        assertArrayEquals(new double[] {2.09861228866811 * 2, 1.4054651081081644},
                fit(new Weighting(false, false, true, false, Weighting.Norm.NONE)).transform(DOCS.get(0)).values(), 1e-14);
        double[] l1 = m.transform(DOCS.get(0)).values();
        assertEquals(1.0, l1[0] + l1[1], 1e-15);
    }

    @Test
    void countsBinaryAndUnknownTerms() {
        VectorizerModel counts = fit(Weighting.counts(false));
        assertArrayEquals(new double[] {3.0, 1.0}, counts.transform(DOCS.get(2)).values());
        VectorizerModel binary = fit(Weighting.counts(true));
        assertArrayEquals(new double[] {1.0, 1.0}, binary.transform(DOCS.get(2)).values());
        SparseVector unseen = counts.transform(new Document("x", "zzz qqq"));
        assertEquals(0, unseen.size());
    }

    @Test
    void ngramsSpanStopWordGaps() {
        AnalyzerSpec spec = new AnalyzerSpec(AnalyzerSpec.Kind.WORD, 2, 2, true, "\\S+", Set.of("the"), true);
        VectorizerModel m = VectorizerFitter.fit(List.of(new Document("d", "The cat the hat sat")), spec, Pruning.NONE,
                Weighting.counts(false), null, 1);
        assertArrayEquals(new String[] {"cat hat", "hat sat"}, m.vocabulary().terms());
    }
}
