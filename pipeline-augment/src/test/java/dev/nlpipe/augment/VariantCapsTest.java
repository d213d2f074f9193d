package dev.nlpipe.augment;

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

/** The options every augment stage shares: the cap, keeping the original, and chains of stages. */
class VariantCapsTest {
    private static final Map<String, Object> EDA = Map.of("synonyms", List.of(), "stopWords", List.of(), "alphaRs", 0.3, "pRd", 0.3);
    private static final Map<String, Object> NOISE = Map.of("typo", 0.3, "swap", 0.3);

    private static Document sentence() {
        return doc("s1", " ", "the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog").addLabel("animal");
    }

    private static List<Document> run(Map<String, Object> eda, Map<String, Object> noise) {
        Pipeline.Builder b = Pipeline.builder().add("augment.eda", merge(EDA, eda));
        if (noise != null) {
            b.add("augment.noise", merge(NOISE, noise));
        }
        try (Pipeline p = b.build()) {
            return p.process(sentence());
        }
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new java.util.HashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static List<Document> noise(int numAug) {
        try (Pipeline p = Pipeline.builder().add("augment.noise", merge(NOISE, Map.of("numAug", numAug))).build()) {
            return p.process(sentence());
        }
    }

    @Test
    void numAugCapsTheVariantsAndZeroPassesTheOriginalThrough() {
        for (int cap : new int[] {1, 3, 7}) {
            List<Document> out = noise(cap);
            assertEquals(cap, variants(out).size(), "numAug " + cap);
            assertEquals(cap + 1, out.size());
            // EDA makes numAug/4 + 1 per operation, as the paper's code does, then keeps numAug
            int eda = variants(run(Map.of("numAug", cap), null)).size();
            assertTrue(eda >= 1 && eda <= cap, "EDA variants for numAug " + cap + ": " + eda);
        }
        List<Document> none = run(Map.of("numAug", 0), null);
        assertEquals(1, none.size());
        assertEquals("s1", none.get(0).id());
        // 0 turns the stage off, so keepOriginal: false drops nothing (it would leave an empty training file)
        List<Document> off = run(Map.of("numAug", 0, "keepOriginal", false), null);
        assertEquals(List.of("s1"), off.stream().map(Document::id).toList());
    }

    @Test
    void keepOriginalFalseWritesOnlyVariants() {
        List<Document> out = run(Map.of("numAug", 2, "keepOriginal", false), null);
        assertEquals(2, out.size(), "one random swap and one random deletion (no synonyms)");
        assertTrue(out.stream().allMatch(Variants::isVariant));
        assertTrue(out.stream().allMatch(d -> d.labels().equals(Map.of("animal", 1.0))), "labels are kept");
    }

    @Test
    void stagesInARowAddVariantsOfTheOriginalsUnlessToldToAugmentVariants() {
        List<Document> out = run(Map.of("numAug", 2), Map.of("numAug", 2));
        assertEquals(5, out.size(), "original, 2 EDA variants passed through, 2 noise variants of the original");
        for (Document v : variants(out)) {
            assertEquals("s1", Variants.origin(v));
            assertTrue(v.id().startsWith("s1#eda-") ? ops(v).size() == 1 : ops(v).stream().noneMatch(op -> op.startsWith("R")),
                    v.id() + " " + ops(v));
        }
        List<Document> chained = run(Map.of("numAug", 2), Map.of("numAug", 1, "augmentVariants", true));
        assertEquals(6, chained.size(), "each of the 3 documents gets one noise variant");
        Document twice = chained.stream().filter(d -> d.id().startsWith("s1#eda-1#")).findFirst().orElseThrow();
        assertEquals("s1", Variants.origin(twice), "the origin is the original, not the intermediate variant");
        assertTrue(ops(twice).size() >= 2 && List.of("RS", "RD").contains(ops(twice).get(0)), "operations accumulate: " + ops(twice));
        assertEquals(Map.of("animal", 1.0), twice.labels());
    }

    @Test
    void aLaterStageDropsVariantsEqualToTheOriginalOrToAnEarlierStagesVariant() {
        // the only edit of two words is a swap: the second stage can only repeat the first's variant or give back the original
        Map<String, Object> swap = Map.of("synonyms", List.of(), "stopWords", List.of(), "alphaSr", 0, "alphaRi", 0, "alphaRs", 0.5,
                "pRd", 0, "numAug", 1);
        for (boolean augmentVariants : new boolean[] {false, true}) {
            Map<String, Object> second = merge(swap, Map.of("augmentVariants", augmentVariants));
            try (Pipeline p = Pipeline.builder().add("augment.eda", swap).add("augment.eda", second).build()) {
                List<String> texts = p.process(doc("b", " ", "terrible", "plot")).stream().map(Document::text).toList();
                assertEquals(List.of("terrible plot", "plot terrible"), texts, "augmentVariants: " + augmentVariants);
            }
            try (Pipeline p = Pipeline.builder().add("augment.eda", merge(swap, Map.of("dropDuplicates", false)))
                    .add("augment.eda", merge(second, Map.of("dropDuplicates", false))).build()) {
                int expected = augmentVariants ? 4 : 3;
                assertEquals(expected, p.process(doc("b", " ", "terrible", "plot")).size(), "dropDuplicates: false keeps them");
            }
        }
    }
}
