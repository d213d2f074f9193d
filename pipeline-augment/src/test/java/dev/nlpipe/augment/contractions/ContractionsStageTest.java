package dev.nlpipe.augment.contractions;

import static dev.nlpipe.augment.AugmentTesting.doc;
import static dev.nlpipe.augment.AugmentTesting.ops;
import static dev.nlpipe.augment.AugmentTesting.variants;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractionsStageTest {

    private static String once(String direction, String text) {
        try (Pipeline p = Pipeline.builder().add("tokenize.regex").add("augment.contractions", Map.of("direction", direction)).build()) {
            List<Document> vs = variants(p.process(new Document("d", text)));
            assertTrue(vs.size() <= 1);
            if (!vs.isEmpty()) {
                assertEquals(List.of(direction), ops(vs.get(0)));
            }
            return vs.isEmpty() ? null : vs.get(0).text();
        }
    }

    private static String onTokens(String direction, String... words) {
        try (Pipeline p = Pipeline.builder().add("augment.contractions", Map.of("direction", direction)).build()) {
            List<Document> vs = variants(p.process(doc("d", " ", words)));
            return vs.isEmpty() ? null : vs.get(0).text();
        }
    }

    @Test
    void expandsUnambiguousContractions() {
        assertEquals("It is a good film", once("expand", "It's a good film"));
        assertEquals("I cannot go, they will not stop and we are late.", once("expand", "I can't go, they won't stop and we're late."));
        assertEquals("DO NOT panic", once("expand", "DON'T panic"));
        assertEquals("Let us see what you have got", once("expand", "Let's see what you've got"));
        assertEquals("I am sure he will come", once("expand", "I'm sure he'll come"));
        assertEquals("She does not know", once("expand", "She doesn\u2019t know"));
    }

    @Test
    void resolvesSAndDOnlyWhenTheNextWordsDecide() {
        assertEquals("It has been fun", once("expand", "It's been fun"));
        assertEquals("He has never been late", once("expand", "He's never been late"));
        assertEquals("He is never late", once("expand", "He's never late"));
        assertEquals("It is raining", once("expand", "It's raining"));
        assertEquals("I would like tea and I had better go", once("expand", "I'd like tea and I'd better go"));
        assertEquals("I had seen it", once("expand", "I'd seen it"));
        assertEquals(null, once("expand", "It's finished"), "is finished or has finished");
        assertEquals(null, once("expand", "John's car"), "a possessive");
        assertEquals(null, once("expand", "You ain't seen nothing"), "ain't has many expansions");
        assertEquals(null, once("expand", "That's"), "nothing follows");
    }

    @Test
    void expandsPennTreebankClitics() {
        assertEquals("it is a charming film that i cannot miss",
                onTokens("expand", "it", "'s", "a", "charming", "film", "that", "i", "ca", "n't", "miss"));
        assertEquals("we do not know", onTokens("expand", "we", "do", "n't", "know"));
    }

    @Test
    void contractsInTheDocumentsStyle() {
        assertEquals("I don't know what it is.", once("contract", "I do not know what it is."));
        assertEquals("It's good and we'll see", once("contract", "It is good and we will see"));
        assertEquals("They've been here but I can't stay", once("contract", "They have been here but I cannot stay"));
        assertEquals(null, once("contract", "They have a car"), "have as a main verb stays");
        assertEquals("We won't go and I wouldn't stay", once("contract", "We will not go and I would not stay"),
                "the negation contracts, not the pronoun and its auxiliary");
        assertEquals("i do n't think it 's over", onTokens("contract", "i", "do", "not", "think", "it", "'s", "over"));
    }
}
