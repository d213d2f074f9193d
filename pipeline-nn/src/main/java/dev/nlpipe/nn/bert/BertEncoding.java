package dev.nlpipe.nn.bert;

/**
 * One encoded text or pair of texts, as a BERT model takes it.
 *
 * <p>Offsets are in UTF-16 code units (Java {@code String} indices) of the text the token came from — the first text,
 * or the second of a pair ({@code sequenceIds} says which); {@code starts[i]} inclusive, {@code ends[i]} exclusive.
 * Special tokens added around the texts have offsets (0, 0). A piece of a character that normalization expanded (an
 * NFD decomposition) covers the whole original character. The arrays are shared, not copied: do not change them.
 *
 * @param ids vocabulary ids
 * @param tokens the pieces ({@code ##} on continuations), as the vocabulary spells them
 * @param typeIds segment ids: 0 for the first text, 1 for the second
 * @param starts where each token starts in its text
 * @param ends where each token ends in its text
 * @param sequenceIds 0 or 1 for tokens of the first or second text, -1 for added special tokens
 * @param specialTokensMask 1 for the special tokens of the template ([CLS], [SEP]), 0 for tokens of the texts
 * @param attentionMask 1 for every token (padding comes with {@link BertTokenizer#pad})
 * @param truncated whether tokens were cut to fit the maximum length
 */
public record BertEncoding(int[] ids, String[] tokens, int[] typeIds, int[] starts, int[] ends, int[] sequenceIds,
                           int[] specialTokensMask, int[] attentionMask, boolean truncated) {

    /** The number of tokens. */
    public int length() {
        return ids.length;
    }

    /** The ids as {@code long}s, as DJL's NDArrays of indices want them. */
    public long[] idsAsLongs() {
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }
}
