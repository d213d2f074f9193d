package dev.nlpipe.ner.flat;

/**
 * One sentence as FLAT reads it: a flat lattice of spans, the sentence's characters first (a
 * character's head and tail are both its index), then the lexicon words matched in it (head and
 * tail are the indices of their first and last characters).
 *
 * @param chars character ids, one per character
 * @param bigrams character-bigram ids, one per character, or {@code null} without bigrams
 * @param words lexicon ids of the matched words, in lattice order
 * @param heads per lattice position, its first character
 * @param tails per lattice position, its last character
 * @param tags gold tag ids per character, or {@code null} at inference
 * @param pieces where the encoder reads the characters, or {@code null} without an encoder
 */
record Lattice(int[] chars, int[] bigrams, int[] words, int[] heads, int[] tails, int[] tags, CharPieces pieces) {

    /**
     * The lattice of a sentence.
     *
     * @param starts each word's first character
     * @param ends each word's end (exclusive)
     * @param wordIds each word's lexicon id
     */
    static Lattice of(int[] chars, int[] bigrams, int[] starts, int[] ends, int[] wordIds, int[] tags, CharPieces pieces) {
        int n = chars.length;
        int[] heads = new int[n + wordIds.length];
        int[] tails = new int[heads.length];
        for (int i = 0; i < n; i++) {
            heads[i] = i;
            tails[i] = i;
        }
        for (int w = 0; w < wordIds.length; w++) {
            if (starts[w] < 0 || ends[w] > n || ends[w] <= starts[w]) {
                throw new IllegalArgumentException("word " + w + " spans characters [" + starts[w] + ", " + ends[w] + ") of " + n);
            }
            heads[n + w] = starts[w];
            tails[n + w] = ends[w] - 1;
        }
        return new Lattice(chars, bigrams, wordIds, heads, tails, tags, pieces);
    }

    /** The characters, which the output layer and the CRF tag. */
    int length() {
        return chars.length;
    }

    /** Characters and words. */
    int size() {
        return heads.length;
    }
}
