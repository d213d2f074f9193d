package dev.nlpipe.core.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.tag.TagScheme;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entities become the token spans they overlap (the tokens found by binary search when they are in text order). */
class ConllWriterSpansTest {
    @Test
    void entitiesSnapToTheTokensTheyOverlap() {
        String text = "Yao Ming played in Houston today";
        List<Token> tokens = List.of(new Token("Yao", 0, 3), new Token("Ming", 4, 8), new Token("played", 9, 15),
                new Token("in", 16, 18), new Token("Houston", 19, 26), new Token("today", 27, 32));
        // an entity that starts inside a token, one between tokens, and one at the end
        Document d = new Document("d", text).setEntities(List.of(Entity.of(text, "PER", 1, 8), Entity.of(text, "LOC", 19, 26),
                Entity.of(text, "X", 8, 9)));
        List<TagScheme.TokenSpan> spans = ConllWriter.tokenSpans(d, tokens);
        assertEquals(List.of(new TagScheme.TokenSpan("PER", 0, 2), new TagScheme.TokenSpan("LOC", 4, 5)), spans);

    }
}
