package dev.nlpipe.bert.mlm;

/**
 * One pre-training sequence: {@code [CLS]}, word pieces of one document (or of a part of a long
 * one), {@code [SEP]}, with the word each piece belongs to, so whole words can be masked together.
 *
 * @param ids word-piece ids, {@code [CLS]} first and {@code [SEP]} last
 * @param words for each position the index of its word (0, 1, ... in order; the pieces of a word
 *     are consecutive), or -1 for {@code [CLS]} and {@code [SEP]}, which are never masked
 */
public record MlmSequence(int[] ids, int[] words) {

    public MlmSequence {
        if (ids.length != words.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + words.length + " word indices");
        }
    }

    /** The number of positions, special tokens included. */
    public int length() {
        return ids.length;
    }

    /** The number of pieces that may be masked (all but the special tokens). */
    public int maskable() {
        int n = 0;
        for (int w : words) {
            if (w >= 0) {
                n++;
            }
        }
        return n;
    }
}
