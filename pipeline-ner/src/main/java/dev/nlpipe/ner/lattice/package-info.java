/**
 * The Lattice LSTM tagger of Zhang and Yang (2018), task and model kind {@code ner.lattice-lstm}: a
 * character BiLSTM-CRF whose cells also receive the cells of the lexicon words ending at each
 * character ({@code LatticeLstm}, batched over character positions), its trainer
 * ({@code LatticeTrainer}), the model directory ({@code LatticeModel}, {@code LatticeSpec}) with its
 * lexicon, and the model kind ({@code LatticeKind}).
 */
package dev.nlpipe.ner.lattice;
