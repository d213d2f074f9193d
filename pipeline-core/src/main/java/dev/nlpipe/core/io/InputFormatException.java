package dev.nlpipe.core.io;

/**
 * A source that a reader cannot read at all (a CSV file without the configured text column, for
 * example). Unlike a bad record, it stops the run as a configuration error.
 */
public final class InputFormatException extends RuntimeException {
    private final String source;
    private final long line;

    public InputFormatException(String source, long line, String message) {
        super(source + ":" + line + ":1: " + message);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }
}
