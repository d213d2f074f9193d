package dev.nlpipe.core.eval;

import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.tag.TagScheme;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Span-level precision, recall and F1, overall and per type, counted exactly as conlleval counts
 * chunks: a predicted span is correct when a gold span has the same type, start and end. Tag
 * sequences are turned into spans by {@link TagScheme#decode}, which applies conlleval's rules to
 * ill-formed sequences (an {@code I-X} after {@code O} starts a chunk, and so on); token accuracy is
 * counted as conlleval does, a token being right when its two tags are equal. Not thread-safe.
 */
public final class SpanF1 {
    private final Map<String, long[]> byType = new TreeMap<>();
    private final long[] overall = new long[3];
    private long tokens;
    private long correctTags;
    private long sequences;

    /** A typed span: {@code start} inclusive, {@code end} exclusive, in tokens or characters. */
    public record Span(String type, int start, int end) {
        /** The span of an entity (character offsets). */
        public static Span of(Entity e) {
            return new Span(e.type(), e.start(), e.end());
        }

        /** The span of a decoded tag chunk (token offsets). */
        public static Span of(TagScheme.TokenSpan s) {
            return new Span(s.type(), s.start(), s.end());
        }
    }

    /** Adds one sequence's gold and predicted spans (duplicates count once). */
    public SpanF1 add(Collection<Span> gold, Collection<Span> predicted) {
        Set<Span> g = new LinkedHashSet<>(gold);
        Set<Span> p = new LinkedHashSet<>(predicted);
        for (Span s : g) {
            count(s.type(), 0);
        }
        for (Span s : p) {
            count(s.type(), 1);
            if (g.contains(s)) {
                count(s.type(), 2);
            }
        }
        sequences++;
        return this;
    }

    /** Adds one document's gold and predicted entities (compared by type and character offsets). */
    public SpanF1 addEntities(List<Entity> gold, List<Entity> predicted) {
        return add(gold.stream().map(Span::of).toList(), predicted.stream().map(Span::of).toList());
    }

    /** Adds one sentence's gold and predicted tags (any of BIO, IOB1, BIOES, BMES, even mixed). */
    public SpanF1 addTags(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " tags, predicted " + predicted.size());
        }
        for (int i = 0; i < gold.size(); i++) {
            tokens++;
            if (gold.get(i).equals(predicted.get(i))) {
                correctTags++;
            }
        }
        return add(TagScheme.decode(gold).stream().map(Span::of).toList(), TagScheme.decode(predicted).stream().map(Span::of).toList());
    }

    private void count(String type, int which) {
        byType.computeIfAbsent(type, k -> new long[3])[which]++;
        overall[which]++;
    }

    /** The scores so far. */
    public Scores scores() {
        Map<String, Counts> types = new TreeMap<>();
        byType.forEach((k, v) -> types.put(k, new Counts(v[0], v[1], v[2])));
        return new Scores(new Counts(overall[0], overall[1], overall[2]), types, tokens, correctTags, sequences);
    }

    /** The types seen in gold or predictions. */
    public Set<String> types() {
        return new HashSet<>(byType.keySet());
    }
}
