package dev.nlpipe.embed.keywords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeywordsTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static List<String> terms(Document d) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> k : (List<Map<String, Object>>) d.meta().get("keywords")) {
            out.add((String) k.get("term"));
        }
        return out;
    }

    @Test
    void tfidfKeywordsPreferTermsRareInTheCorpus() throws IOException {
        Path corpus = Files.writeString(dir.resolve("c.txt"), """
                the market rose and the market fell
                the river rose
                the cat sat
                the dog sat
                """);
        Path model = dev.nlpipe.core.testing.TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                stages: [ { type: tokenize.regex } ]
                """.formatted(corpus), "tfidf");
        try (Pipeline p = Pipeline.builder().add("tokenize.regex").add("keywords.tfidf", Map.of("topK", 4), model).build()) {
            Document d = p.process(new Document("x", "the market rose and the market fell")).get(0);
            // market 2·(ln(5/2)+1) = 3.83, the 2·1 = 2, and = fell = ln(5/2)+1 = 1.92 (tie: earlier column), rose 1.51
            assertEquals(List.of("market", "the", "and", "fell"), terms(d));
        }
    }

    @Test
    void textRankRanksWellConnectedWords() {
        String text = "compatibility of systems of linear constraints over the set of natural numbers criteria of compatibility"
                + " of a system of linear diophantine equations strict inequations and nonstrict inequations are considered";
        Document d = spaceSeparated(text);
        try (Pipeline p = Pipeline.builder().add("keywords.textrank", Map.of("topK", 5, "stopWords",
                List.of("of", "the", "a", "and", "are", "over"))).build()) {
            List<String> top = terms(p.process(d).get(0));
            assertEquals(5, top.size());
            assertTrue(top.contains("linear"), top.toString());
            assertTrue(top.contains("inequations"), top.toString());
        }
        List<Keyword> scored = TextRankKeywords.keywords(d, 3);
        assertEquals(1.0, scored.get(0).score(), 1e-12);
        assertTrue(scored.get(1).score() <= scored.get(0).score());
    }

    @Test
    void stopWordsWrittenWithCapitalsStopTheLowercasedCandidates() {
        String text = "The cat and The dog and The bird";
        Document d = spaceSeparated(text);
        try (Pipeline p = Pipeline.builder().add("keywords.textrank", Map.of("topK", 5, "stopWords", List.of("The", "And"))).build()) {
            List<String> top = terms(p.process(d).get(0));
            assertTrue(!top.contains("the") && !top.contains("and") && top.contains("cat"), top.toString());
        }
    }

    /** A document of the words of {@code text} separated by single spaces, each a token. */
    private static Document spaceSeparated(String text) {
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        for (String w : text.split(" ")) {
            tokens.add(new Token(w, at, at + w.length()));
            at += w.length() + 1;
        }
        return new Document("t", text).setTokens(tokens);
    }
}
