package dev.nlpipe.core.io.format;

/**
 * Character-per-line tagged files ({@code 姚 B-NAME}), the counterpart of {@link ColumnReader.Bmes}:
 * one token per line with its tag after a space (BMES scheme by default), a blank line after each
 * document.
 */
public final class BmesWriter extends ConllWriter {
    public BmesWriter() {
        super("bmes", "bmes", "space", "character-per-line tagged file: token tag per line (BMES tags from entities), "
                + "blank line between documents");
    }
}
