package dev.nlpipe.nn.bert;

/**
 * How {@link BertTokenizer#pad} fills a batch, from a {@code tokenizer.json}'s {@code padding} (or BERT's defaults).
 *
 * @param fixedLength pad every row to this length; 0 pads to the longest row of the batch
 * @param multipleOf round the length up to a multiple of this; 0 for none
 * @param padId the id of the padding token
 * @param padTypeId the type id of padding
 * @param padToken the padding token
 * @param left pad on the left instead of the right
 */
record Padding(int fixedLength, int multipleOf, int padId, int padTypeId, String padToken, boolean left) {

    /** Pads to the longest row on the right with {@code [PAD]} (or id 0 when the vocabulary has none). */
    static Padding defaults(WordPieceVocabulary vocab) {
        int id = vocab.id("[PAD]");
        return new Padding(0, 0, Math.max(id, 0), 0, "[PAD]", false);
    }
}
