package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.doc.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code append: true}: the document's own entities stay, the tagger's join them in text order, none twice. */
class NerAppendTest {
    @Test
    void anEntityFoundAgainIsKeptOnceAndAllAreInTextOrder() {
        String text = "高勇在北京大学";
        List<Entity> had = List.of(Entity.of(text, "ORG", 3, 7), Entity.of(text, "PER", 0, 2));
        List<Entity> found = List.of(Entity.of(text, "NAME", 0, 2), Entity.of(text, "ORG", 3, 7));
        List<Entity> all = NerStage.appended(had, found);
        assertEquals(List.of("PER 0-2", "NAME 0-2", "ORG 3-7"), all.stream().map(e -> e.type() + " " + e.start() + "-" + e.end()).toList());
    }
}
