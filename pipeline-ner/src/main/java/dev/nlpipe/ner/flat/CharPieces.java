package dev.nlpipe.ner.flat;

/**
 * Where a BERT encoder reads a sentence's characters (FLAT + BERT): its windows of word pieces
 * and, per character, the window and column of its first piece; a character the tokenizer drops
 * has row {@code -1} and gets zero encoder features.
 *
 * @param windows the encoder's rows for this sentence, special tokens included
 * @param rows per character, its window, or -1
 * @param columns per character, the column of its first piece in that window
 */
record CharPieces(int[][] windows, int[] rows, int[] columns) {

    /** The word pieces read, special tokens included (for batching by length). */
    int width() {
        int n = 0;
        for (int[] w : windows) {
            n += w.length;
        }
        return n;
    }
}
