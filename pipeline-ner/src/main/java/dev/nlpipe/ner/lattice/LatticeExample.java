package dev.nlpipe.ner.lattice;

import dev.nlpipe.ner.bilstm.Example;

/**
 * One sentence as ids: its characters and bigrams (and gold tags when training), and the lexicon
 * words it contains.
 *
 * @param chars the character part, as a BiLSTM-CRF reads it
 * @param words each word as {@code {start, end (exclusive), word id}}, sorted by start then end
 */
record LatticeExample(Example chars, int[][] words) {
    int length() {
        return chars.length();
    }
}
