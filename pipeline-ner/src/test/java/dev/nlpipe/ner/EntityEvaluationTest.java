package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.NormalizedText;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.eval.Scores;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the tagger under evaluation is given: the gold documents' layers, entities left out. */
class EntityEvaluationTest {

    @Test
    void theTaggerReadsTheNormalizedViewAndTokensButNotTheGoldEntities() {
        // a model trained behind normalize.chinese reads the simplified form: the copy must carry it
        NormalizedText simplified = new NormalizedText("刘洋", new int[] {0, 1}, new int[] {1, 2});
        Document gold = new Document("g", "劉洋").setNormalized(simplified).setTokens(List.of(new Token("劉洋", 0, 2)))
                .setEntities(List.of(new Entity("PER", 0, 2, "劉洋", Double.NaN)));
        List<Document> seen = new ArrayList<>();
        Scores scores = EntityEvaluation.evaluate(List.of(gold).iterator(), docs -> {
            seen.addAll(docs);
            return docs.stream().map(d -> d.normalized() == null ? List.<Entity>of()
                    : List.of(new Entity("PER", 0, 2, "劉洋", Double.NaN))).toList();
        }, n -> { });
        assertSame(simplified, seen.get(0).normalized());
        assertEquals(gold.tokens(), seen.get(0).tokens());
        assertEquals(null, seen.get(0).entities());
        assertEquals(1.0, scores.f1(), 1e-12);
    }
}
