package dev.nlpipe.augment;

import static dev.nlpipe.augment.AugmentTesting.ops;
import static dev.nlpipe.augment.AugmentTesting.variants;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.core.testing.Corpora;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every token-level stage, on tagged corpora: edits stay outside entities, every variant's tags
 * (recomputed from its entity spans) form a valid sequence, and every entity's text is the original
 * one or — with mention replacement — another mention of the same type from the corpus.
 */
class NerSafetyTest {
    @TempDir
    Path tmp;

    static Path resource(String name) {
        try {
            return Path.of(NerSafetyTest.class.getResource("/ner/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> stages() {
        Path bmes = resource("small.bmes");
        Path conll = resource("small.conll");
        Map<String, Object> mentionsZh = Map.of("mentionReplacement", 0.5, "mentionsFrom", bmes.toString(), "mentionsFormat", "bmes");
        Map<String, Object> mentionsEn = Map.of("mentionReplacement", 0.5, "mentionsFrom", conll.toString(), "mentionsFormat", "conll");
        return Stream.of(
                Arguments.of("bmes", TagScheme.BMES, "augment.eda", merge(Map.of("alphaSr", 0.3, "alphaRi", 0.3, "alphaRs", 0.3,
                        "pRd", 0.3, "numAug", 8), mentionsZh)),
                Arguments.of("conll", TagScheme.BIO, "augment.eda", merge(Map.of("alphaSr", 0.3, "alphaRi", 0.3, "alphaRs", 0.3,
                        "pRd", 0.3, "numAug", 8), mentionsEn)),
                Arguments.of("bmes", TagScheme.BMES, "augment.noise", merge(Map.of("homophone", 0.3, "shape", 0.2, "space", 0.2,
                        "swap", 0.2, "numAug", 4), mentionsZh)),
                Arguments.of("conll", TagScheme.BIO, "augment.noise", merge(Map.of("typo", 0.3, "space", 0.2, "swap", 0.2,
                        "numAug", 4), mentionsEn)),
                Arguments.of("bmes", TagScheme.BMES, "augment.mentions", merge(Map.of("numAug", 4), Map.of("mentionsFrom",
                        bmes.toString(), "mentionsFormat", "bmes"))),
                Arguments.of("conll", TagScheme.BIO, "augment.mentions", merge(Map.of("numAug", 4), Map.of("mentionsFrom",
                        conll.toString(), "mentionsFormat", "conll"))));
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new LinkedHashMap<>(a);
        out.putAll(b);
        return out;
    }

    @ParameterizedTest(name = "{2} on {0}")
    @MethodSource("stages")
    void tagsStayValidAndEntitiesKeepTheirText(String format, TagScheme scheme, String stage, Map<String, Object> options)
            throws Exception {
        Path corpus = resource("small." + format);
        List<Document> originals = Corpora.read(corpus, format);
        Map<String, Document> byId = new HashMap<>();
        Map<String, Set<String>> mentions = new HashMap<>();
        for (Document d : originals) {
            byId.put(d.id(), d);
            for (Entity e : d.entities()) {
                mentions.computeIfAbsent(e.type(), k -> new HashSet<>()).add(e.text());
            }
        }
        List<Document> out = new ArrayList<>();
        try (Pipeline p = Pipeline.builder().add(stage, options).build()) {
            for (Document d : Corpora.read(corpus, format)) {
                out.addAll(p.process(d));
            }
        }
        List<Document> vs = variants(out);
        assertTrue(vs.size() >= originals.size(), "variants made: " + vs.size());
        int replaced = 0;
        for (Document v : vs) {
            Document origin = byId.get(Variants.origin(v));
            List<String> tags = tags(v, scheme);
            assertValid(scheme, tags, v);
            assertEquals(v.entities(), entitiesFromTags(v, tags), "tags decode back to the entities of " + v.text());
            for (Entity e : v.entities()) {
                assertEquals(v.text().substring(e.start(), e.end()), e.text());
                assertTrue(mentions.get(e.type()).contains(e.text()), e.type() + " '" + e.text() + "' is no mention of the corpus");
            }
            if (!ops(v).contains("MR")) {
                assertEquals(typedTexts(origin), typedTexts(v), "entities unchanged without mention replacement: " + v.text());
            } else {
                replaced++;
                assertEquals(types(origin), types(v), "a mention is replaced by one of the same type: " + v.text());
            }
        }
        assertTrue(replaced > 0, "mention replacement happened");

        // written in the input's tag scheme and read back, variants keep their entities
        Path written = tmp.resolve("out." + format);
        Corpora.write(out, written, "conll", Map.of("scheme", scheme.name().toLowerCase()));
        List<Document> back = Corpora.read(written, format);
        assertEquals(out.size(), back.size());
        for (int i = 0; i < out.size(); i++) {
            assertEquals(typedTexts(out.get(i)), typedTexts(back.get(i)), "round trip of " + out.get(i).text());
        }
    }

    @Test
    void tokensThatStraddleAnEntityAreCutAtItsBoundaries() {
        String text = "他在北京市工作";
        Document d = new Document("s", text).setTokens(List.of(new Token("他", 0, 1), new Token("在北京", 1, 4),
                new Token("市工作", 4, 7))).setEntities(List.of(Entity.of(text, "LOC", 2, 5)));
        Sentence s = Sentence.of(d, "test", Set.of());
        assertEquals(List.of("他", "在", "北京", "市", "工作"), s.pieces().stream().map(Piece::surface).toList());
        assertEquals(List.of(false, false, true, true, false), s.pieces().stream().map(Piece::locked).toList());
        try (Pipeline p = Pipeline.builder().add("augment.eda", Map.of("alphaRs", 0.9, "alphaSr", 0, "alphaRi", 0, "pRd", 0,
                "numAug", 3)).build()) {
            for (Document v : variants(p.process(d))) {
                assertEquals(1, v.entities().size());
                assertEquals("北京市", v.entities().get(0).text(), v.text());
            }
        }
    }

    @Test
    void anEntitysUntokenizedEdgesMoveWithItWhateverItsNeighboursDo() {
        // a tokenizer that drops punctuation leaves the brackets of 《地球》 outside every token
        String text = "我读《地球》好书";
        Document d = new Document("s", text).setTokens(List.of(new Token("我", 0, 1), new Token("读", 1, 2), new Token("地球", 3, 5),
                new Token("好", 6, 7), new Token("书", 7, 8))).setEntities(List.of(Entity.of(text, "BOOK", 2, 6)));
        for (Map<String, Object> ops : List.of(Map.<String, Object>of("pRd", 1.0, "alphaSr", 0, "alphaRi", 0, "alphaRs", 0),
                Map.<String, Object>of("alphaRs", 0.9, "alphaSr", 0, "alphaRi", 0, "pRd", 0))) {
            Map<String, Object> options = new java.util.HashMap<>(ops);
            options.put("numAug", 4);
            try (Pipeline p = Pipeline.builder().add("augment.eda", options).build()) {
                List<Document> out = variants(p.process(d));
                assertFalse(out.isEmpty(), ops.toString());
                for (Document v : out) {
                    assertEquals(1, v.entities().size(), v.text());
                    Entity e = v.entities().get(0);
                    assertTrue(e.start() >= 0 && e.end() <= v.text().length(), v.text());
                    assertEquals("《地球》", e.text(), () -> ops + ": " + v.text());
                }
            }
        }
    }

    @Test
    void aDocumentWhoseOnlyEntitiesAreEmptyIsAugmentedAsOneWithout() {
        // JSON lines may carry a zero-length entity; it marks nothing to keep, and must not crash the sentence's layout
        Document d = new Document("s", "a b c d").setTokens(List.of(new Token("a", 0, 1), new Token("b", 2, 3), new Token("c", 4, 5),
                new Token("d", 6, 7))).setEntities(List.of(new Entity("X", 2, 2, "", Double.NaN)));
        try (Pipeline p = Pipeline.builder().add("augment.eda", Map.of("alphaRs", 0.9, "alphaSr", 0, "alphaRi", 0, "pRd", 0,
                "numAug", 2)).build()) {
            List<Document> out = variants(p.process(d));
            assertFalse(out.isEmpty());
        }
    }

    /** Tags of a document's tokens from its entities, which must fall on token boundaries. */
    static List<String> tags(Document d, TagScheme scheme) {
        List<TagScheme.TokenSpan> spans = new ArrayList<>();
        for (Entity e : d.entities()) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < d.tokens().size(); i++) {
                Token t = d.tokens().get(i);
                if (t.start() == e.start()) {
                    first = i;
                }
                if (t.end() == e.end()) {
                    last = i;
                }
            }
            int f = first;
            int l = last;
            assertTrue(f >= 0 && l >= f, () -> "entity " + e + " is not on token boundaries in " + d.text() + " " + d.tokens());
            spans.add(new TagScheme.TokenSpan(e.type(), f, l + 1));
        }
        return scheme.encode(spans, d.tokens().size());
    }

    static void assertValid(TagScheme scheme, List<String> tags, Document d) {
        String prev = null;
        for (String t : tags) {
            String p = prev;
            assertTrue(scheme.allowed(p, t), () -> p + " -> " + t + " in " + d.text() + " " + tags);
            prev = t;
        }
        String last = prev;
        assertTrue(scheme.allowed(last, null), () -> last + " at the end of " + d.text());
    }

    static List<Entity> entitiesFromTags(Document d, List<String> tags) {
        List<Entity> out = new ArrayList<>();
        for (TagScheme.TokenSpan s : TagScheme.decode(tags)) {
            out.add(Entity.of(d.text(), s.type(), d.tokens().get(s.start()).start(), d.tokens().get(s.end() - 1).end()));
        }
        return out;
    }

    static List<String> typedTexts(Document d) {
        return d.entities().stream().map(e -> e.type() + ":" + e.text()).sorted().toList();
    }

    static List<String> types(Document d) {
        return d.entities().stream().map(Entity::type).sorted().toList();
    }
}
