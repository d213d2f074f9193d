package dev.nlpipe.ner.data;

import dev.nlpipe.core.tag.TagScheme;

/**
 * A tagged span of units with the tagger's confidence in it, which becomes an entity's
 * {@link dev.nlpipe.core.doc.Entity#score score}.
 *
 * @param span the span of units
 * @param score a probability in [0, 1], or {@code NaN} when the tagger gives none
 */
public record ScoredSpan(TagScheme.TokenSpan span, double score) {

    /** A span without a score. */
    public static ScoredSpan unscored(TagScheme.TokenSpan span) {
        return new ScoredSpan(span, Double.NaN);
    }
}
