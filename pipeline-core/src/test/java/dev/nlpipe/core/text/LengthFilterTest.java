package dev.nlpipe.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LengthFilterTest {

    private static List<String> kept(Map<String, ?> options, String... texts) {
        try (Pipeline p = Pipeline.builder().add("filter.length", options).build()) {
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < texts.length; i++) {
                docs.addAll(p.process(new Document("d" + i, texts[i])));
            }
            return docs.stream().map(Document::text).toList();
        }
    }

    @Test
    void charactersAreCodePointsNotUtf16Units() {
        assertEquals(List.of("😀😀", "𠀀𠀁", "abc"), kept(Map.of("maxChars", 3), "😀😀", "𠀀𠀁", "abc", "abcd", "😀😀😀😀"));
        assertEquals(List.of("abc", "😀😀😀"), kept(Map.of("minChars", 3), "😀", "abc", "😀😀😀"));
    }
}
