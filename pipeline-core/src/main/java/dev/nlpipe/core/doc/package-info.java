/**
 * The document model: a {@code Document} (id, text, language, metadata) and the typed layers stages
 * add to it ({@code Token}s, sentence {@code Span}s, {@code Entity} spans, labels, and
 * {@code SparseVector} / {@code DenseVector} vectors), named by {@code Layer}. Offsets are always into
 * the original text, start inclusive and end exclusive, in UTF-16 code units. {@code DocumentJson}
 * reads and writes the public JSON Lines form; asking for a layer no earlier stage added throws
 * {@code MissingLayerException} naming the stage that needed it.
 */
package dev.nlpipe.core.doc;
