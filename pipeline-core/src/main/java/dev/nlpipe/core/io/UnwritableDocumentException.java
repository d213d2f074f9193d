package dev.nlpipe.core.io;

import dev.nlpipe.core.doc.Document;

/**
 * A document the output format cannot represent (an {@code svmlight} label that is not a number,
 * say): the runner records it as a bad record of the output step and goes on, as it does for a
 * document a stage rejects, instead of ending the run.
 */
public final class UnwritableDocumentException extends RuntimeException {
    private final transient Document document;

    /**
     * @param document the document that could not be written
     * @param cause what the writer reported
     */
    public UnwritableDocumentException(Document document, RuntimeException cause) {
        super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        this.document = document;
    }

    /** The document that could not be written. */
    public Document document() {
        return document;
    }
}
