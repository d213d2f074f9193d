package dev.nlpipe.core.config;

/**
 * Where a configuration value came from: a file (or {@code --set}) with 1-based line and column.
 */
public record Location(String source, int line, int column) {
    /** A location for values that have no place in a file (defaults, API calls). */
    public static final Location NONE = new Location("<default>", 0, 0);

    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
