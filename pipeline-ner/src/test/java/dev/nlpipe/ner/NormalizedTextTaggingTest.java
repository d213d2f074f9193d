package dev.nlpipe.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code normalize.chinese} stage before {@code ner} changes what the tagger reads: traditional and
 * full-width text is tagged as its simplified, half-width form is, and the entities keep the offsets
 * and spelling of the original text.
 */
class NormalizedTextTaggingTest {

    @Test
    void traditionalFullWidthTextIsTaggedLikeItsNormalizedForm() throws Exception {
        Path model = Path.of(NormalizedTextTaggingTest.class.getResource("/fixtures/bilstm-crf-v1").toURI());
        String simplified = "清华大学位于上海。我和刘洋去了北京.";
        String original = "清華大學位於上海。我和劉洋去了北京．";
        try (Pipeline plain = Pipeline.builder().add("ner", Map.of("device", "cpu"), model).build();
                Pipeline normalized = Pipeline.builder().add("normalize.chinese").add("ner", Map.of("device", "cpu"), model).build()) {
            List<Entity> want = plain.process(new Document("s", simplified)).get(0).entities();
            List<Entity> got = normalized.process(new Document("t", original)).get(0).entities();
            assertEquals(List.of("ORG 0-4 清華大學", "LOC 6-8 上海", "PER 11-13 劉洋", "LOC 15-17 北京"), spans(got));
            assertEquals(spans(want).stream().map(s -> s.substring(0, s.lastIndexOf(' '))).toList(),
                    spans(got).stream().map(s -> s.substring(0, s.lastIndexOf(' '))).toList());
            for (int i = 0; i < want.size(); i++) {
                assertEquals(want.get(i).score(), got.get(i).score(), 1e-5, "the same characters read, the same score");
            }
        }
    }

    private static List<String> spans(List<Entity> entities) {
        return entities.stream().map(e -> e.type() + " " + e.start() + "-" + e.end() + " " + e.text()).toList();
    }
}
