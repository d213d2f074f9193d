package dev.nlpipe.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.Entity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counts checked by hand against conlleval's rules (see the comment on each sentence). */
class SpanF1Test {

    private static List<String> tags(String s) {
        return List.of(s.split(" "));
    }

    private static Scores fiveSentences() {
        SpanF1 f = new SpanF1();
        // gold PER[0,2) LOC[3,4); predicted PER[0,2) ORG[3,4): one of two right
        f.addTags(tags("B-PER I-PER O B-LOC"), tags("B-PER I-PER O B-ORG"));
        // ill-formed gold: an I- after O starts a chunk, so both read PER[1,3)
        f.addTags(tags("O I-PER I-PER O"), tags("O B-PER I-PER O"));
        // an I- of another type starts a new chunk: gold PER[0,1) LOC[1,2); predicted PER[0,2)
        f.addTags(tags("B-PER I-LOC"), tags("B-PER I-PER"));
        // a boundary error is a miss: gold ORG[0,3), predicted ORG[0,2)
        f.addTags(tags("B-ORG I-ORG I-ORG"), tags("B-ORG I-ORG O"));
        // BIOES/BMES and BIO read the same chunks: PER[0,1) LOC[1,3) on both sides
        f.addTags(tags("S-PER B-LOC E-LOC"), tags("B-PER B-LOC I-LOC"));
        return f.scores();
    }

    @Test
    void overallCountsAndScoresMatchConlleval() {
        Scores s = fiveSentences();
        assertEquals(new Counts(8, 7, 4), s.overall());
        assertEquals(4.0 / 7, s.precision(), 1e-12);
        assertEquals(0.5, s.recall(), 1e-12);
        assertEquals(8.0 / 15, s.f1(), 1e-12);
        assertEquals(16, s.tokens());
        assertEquals(10.0 / 16, s.accuracy(), 1e-12);
    }

    @Test
    void perTypeCountsMatchConlleval() {
        Map<String, Counts> t = fiveSentences().byType();
        assertEquals(List.of("LOC", "ORG", "PER"), List.copyOf(t.keySet()));
        assertEquals(new Counts(4, 4, 3), t.get("PER"));
        assertEquals(new Counts(3, 1, 1), t.get("LOC"));
        assertEquals(new Counts(1, 2, 0), t.get("ORG"));
        assertEquals(1.0, t.get("LOC").precision(), 0);
        assertEquals(1.0 / 3, t.get("LOC").recall(), 1e-12);
        assertEquals(0.0, t.get("ORG").f1(), 0);
    }

    @Test
    void theReportReadsLikeConlleval() {
        String table = fiveSentences().table();
        assertTrue(table.startsWith("processed 16 tokens with 8 phrases; found: 7 phrases; correct: 4."), table);
        assertTrue(table.contains("accuracy:  62.50%; precision:  57.14%; recall:  50.00%; FB1:  53.33"), table);
        assertTrue(table.contains("     PER: precision:  75.00%; recall:  75.00%; FB1:  75.00  4"), table);
        Map<String, Object> json = fiveSentences().toMap();
        assertEquals(8.0 / 15, (Double) json.get("f1"), 1e-12);
        assertTrue(((Map<?, ?>) json.get("perType")).containsKey("ORG"));
    }

    @Test
    void entitiesCompareByTypeAndOffsetsAndEmptyIsZeroNotNaN() {
        String text = "张三在北京";
        SpanF1 f = new SpanF1();
        f.addEntities(List.of(Entity.of(text, "PER", 0, 2), Entity.of(text, "LOC", 3, 5)),
                List.of(new Entity("PER", 0, 2, "张三", 0.9), Entity.of(text, "LOC", 2, 5)));
        assertEquals(new Counts(2, 2, 1), f.scores().overall());
        Scores none = new SpanF1().scores();
        assertEquals(0.0, none.f1(), 0);
        assertTrue(Double.isNaN(none.accuracy()));
    }
}
