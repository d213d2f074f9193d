package dev.nlpipe.ner.bilstm;

/**
 * One sequence as ids, ready for batching (also the character part of a lattice tagger's input).
 *
 * @param units unit ids
 * @param bigrams character-bigram ids, or {@code null}
 * @param shapes word-shape ids, or {@code null}
 * @param words word-position ids, or {@code null}
 * @param chars per unit its character ids (token mode), or {@code null}
 * @param tags gold tag ids, or {@code null} at inference
 */
public record Example(int[] units, int[] bigrams, int[] shapes, int[] words, int[][] chars, int[] tags) {
    /** The number of units. */
    public int length() {
        return units.length;
    }
}
