package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Entity;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** What the entities of a CRF tagger carry, checked the same way for every such tagger. */
public final class EntityScores {
    private EntityScores() {
    }

    /**
     * Asserts that the document has entities, that each has a score in (0, 1] (a marginal
     * probability of a span on the best path cannot be 0), and that its JSON carries each score.
     */
    public static void assertScoredInJson(Document d) throws IOException {
        assertFalse(d.entities().isEmpty());
        for (Entity e : d.entities()) {
            assertTrue(e.hasScore() && e.score() > 0 && e.score() <= 1, e.toString());
        }
        List<?> written = (List<?>) DocumentJson.mapper().readValue(DocumentJson.toJson(d), Map.class).get("entities");
        assertEquals(d.entities().size(), written.size());
        for (int i = 0; i < written.size(); i++) {
            assertEquals(d.entities().get(i).score(), ((Number) ((Map<?, ?>) written.get(i)).get("score")).doubleValue(), 0);
        }
    }

    /** The entities without their scores, to compare spans with those of an unscored source. */
    public static List<Entity> unscored(String text, List<Entity> entities) {
        return entities.stream().map(e -> Entity.of(text, e.type(), e.start(), e.end())).toList();
    }
}
