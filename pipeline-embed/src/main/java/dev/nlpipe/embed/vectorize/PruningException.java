package dev.nlpipe.embed.vectorize;

/**
 * A vocabulary that cannot be built from the documents and the pruning options, with what went
 * wrong, so that a caller reports it at the option to change instead of reading the message.
 */
public final class PruningException extends IllegalArgumentException {
    /** What left the vocabulary without terms. */
    public enum Kind {
        /** The documents gave no term at all (perhaps only stop words), or a fixed vocabulary is empty. */
        EMPTY,
        /** {@code maxDf} allows fewer documents than {@code minDf} asks for. */
        MAX_BELOW_MIN,
        /** Terms were counted, but {@code minDf} and {@code maxDf} pruned every one. */
        NOTHING_LEFT
    }

    private final Kind kind;

    PruningException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
