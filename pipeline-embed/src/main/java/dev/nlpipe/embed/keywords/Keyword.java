package dev.nlpipe.embed.keywords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A keyword and its score. Keyword stages store a document's keywords under a {@code meta} field
 * as a list of {@code {"term": ..., "score": ...}}, best first.
 *
 * @param term the keyword
 * @param score its weight (higher is more important)
 */
public record Keyword(String term, double score) {

    /** Best first; equal scores keep their given order. */
    static final Comparator<Keyword> BEST_FIRST = Comparator.comparingDouble(Keyword::score).reversed();

    /** The JSON-ready form stored in {@code meta}. */
    static List<Map<String, Object>> toMeta(List<Keyword> keywords) {
        List<Map<String, Object>> out = new ArrayList<>(keywords.size());
        for (Keyword k : keywords) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("term", k.term());
            m.put("score", k.score());
            out.add(m);
        }
        return out;
    }
}
