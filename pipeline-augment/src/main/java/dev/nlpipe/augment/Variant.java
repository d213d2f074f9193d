package dev.nlpipe.augment;

import java.util.List;

/**
 * One augmented version of a sentence before it becomes a document: its pieces and the operations
 * that made it, in order ({@code SR}, {@code RI}, {@code RS}, {@code RD}, {@code MR}, {@code tfidf}...).
 */
public record Variant(List<Piece> pieces, List<String> ops) {
    public Variant {
        pieces = List.copyOf(pieces);
        ops = List.copyOf(ops);
    }
}
