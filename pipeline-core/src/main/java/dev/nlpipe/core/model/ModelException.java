package dev.nlpipe.core.model;

import java.nio.file.Path;

/** A model directory that cannot be loaded; the message says what is wrong with it. */
public final class ModelException extends RuntimeException {
    private final Path dir;

    public ModelException(Path dir, String problem) {
        super("model " + dir + " " + problem);
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }
}
