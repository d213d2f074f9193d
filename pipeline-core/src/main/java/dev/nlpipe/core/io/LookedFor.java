package dev.nlpipe.core.io;

import java.nio.file.Path;

/**
 * The words that say where a file that was not found was looked for. Relative paths in a
 * configuration resolve against the working directory, not the file's own directory, so a command
 * run from elsewhere misses files that exist: the message names both.
 */
public final class LookedFor {
    private LookedFor() {
    }

    /** {@code " (looked for ABS from the working directory CWD)"}. */
    public static String from(Path p) {
        return " (looked for " + p.toAbsolutePath().normalize() + " from the working directory " + Path.of("").toAbsolutePath() + ")";
    }
}
