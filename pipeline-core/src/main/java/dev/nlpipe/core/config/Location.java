package dev.nlpipe.core.config;

/**
 * Where a configuration value came from: a file (or {@code --set}) with 1-based line and column.
 */
public record Location(String source, int line, int column) {
    /** A location for values that have no place in a file (defaults, API calls). */
    public static final Location NONE = new Location("<default>", 0, 0);

    /** {@code FILE:LINE:COL}, or just {@code FILE} for a problem with the file as a whole (line 0). */
    @Override
    public String toString() {
        return line <= 0 ? source : source + ":" + line + ":" + column;
    }
}
