package dev.nlpipe.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.Span;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Scores worked out by hand. */
class SegmentationScorerTest {

    private static List<String> w(String line) {
        return SegmentationScorer.words(line);
    }

    @Test
    void twoSentencesWithOovAndIvRecall() {
        SegmentationScorer s = new SegmentationScorer(Set.of("我", "爱", "北京", "他", "说", "的"));
        // gold 我|爱|北京|天安门, predicted 我爱|北京|天|安门: only 北京 matches
        s.addWords(w("我 爱 北京 天安门"), w("我爱 北京 天 安门"));
        // gold 他|说|的|确实|在理, predicted 他|说|的确|实在|理: 他 and 说 match
        s.addWords(w("他 说 的 确实 在理"), w("他 说 的确 实在 理"));
        SegmentationScore r = s.score();
        assertEquals(2, r.sentences());
        assertEquals(14, r.chars());
        assertEquals(9, r.goldWords());
        assertEquals(9, r.predictedWords());
        assertEquals(3, r.correct());
        assertEquals(1.0 / 3, r.precision(), 1e-12);
        assertEquals(1.0 / 3, r.recall(), 1e-12);
        assertEquals(1.0 / 3, r.f1(), 1e-12);
        assertEquals(3, r.oovWords(), "天安门, 确实 and 在理 are not training words");
        assertEquals(3.0 / 9, r.oovRate(), 1e-12);
        assertEquals(0.0, r.oovRecall(), 1e-12);
        assertEquals(3.0 / 6, r.ivRecall(), 1e-12, "北京, 他, 说 of the six in-vocabulary words");
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertTrue(r.format().contains("F1               0.3333"), "a decimal point whatever the locale: " + r.format());
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void precisionAndRecallDifferWhenTheCountsDo() {
        SegmentationScorer s = new SegmentationScorer(null);
        s.addWords(w("a bc"), w("a b c"));
        SegmentationScore r = s.score();
        assertEquals(1.0 / 3, r.precision(), 1e-12);
        assertEquals(1.0 / 2, r.recall(), 1e-12);
        assertEquals(0.4, r.f1(), 1e-12);
        assertFalse(r.hasOov());
        assertTrue(Double.isNaN(r.oovRecall()));
        Map<String, Object> m = r.toMap();
        assertFalse(m.containsKey("oov_recall"), "OOV figures only with a word list");
        assertEquals(0.4, (Double) m.get("f1"), 1e-12);
    }

    @Test
    void aPerfectSegmentationAndAnEmptyOne() {
        SegmentationScorer s = new SegmentationScorer(Set.of());
        s.add(w("共同 创造 美好"), List.of(new Span(0, 2), new Span(2, 4), new Span(4, 6)));
        assertEquals(1.0, s.score().f1(), 1e-12);
        assertEquals(1.0, s.score().oovRate(), 1e-12);
        assertEquals(1.0, s.score().oovRecall(), 1e-12);
        SegmentationScorer none = new SegmentationScorer(null);
        none.add(w("共同 创造"), List.of());
        assertEquals(0.0, none.score().precision());
        assertEquals(0.0, none.score().f1());
    }

    @Test
    void bakeoffLinesUseDoubleSpacesTrailingSpacesAndCrlf() {
        assertEquals(List.of("共同", "创造", "美好"), w("共同  创造  美好  \r"));
        assertEquals(List.of("a", "b", "c"), w("a\tb\u3000c"));
        assertEquals(List.of(), w("   \r"));
        assertEquals(List.of(new Span(0, 2), new Span(2, 3)), SegmentationScorer.spans(List.of("共同", "造")));
    }

    @Test
    void aPredictionThatSpellsAnotherTextIsRejected() {
        SegmentationScorer s = new SegmentationScorer(null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.addWords(w("我 爱 北京"), w("我 爱 南京")));
        assertTrue(e.getMessage().contains("at character 3"), e.getMessage());
    }
}
