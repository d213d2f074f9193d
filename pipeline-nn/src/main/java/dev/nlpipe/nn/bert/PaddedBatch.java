package dev.nlpipe.nn.bert;

/**
 * Encodings padded to one length, row by row, ready to become a model's input tensors.
 *
 * @param ids token ids, padded with the pad token's id
 * @param typeIds segment ids, padded with the pad type id (0)
 * @param attentionMask 1 for real tokens, 0 for padding
 * @param length the common length
 */
public record PaddedBatch(int[][] ids, int[][] typeIds, int[][] attentionMask, int length) {

    /** The number of rows. */
    public int size() {
        return ids.length;
    }
}
