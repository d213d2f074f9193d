package dev.nlpipe.core.model;

import dev.nlpipe.core.io.IoErrors;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A model directory that cannot be loaded; the message says what is wrong with it. */
public final class ModelException extends RuntimeException {
    private final Path dir;

    public ModelException(Path dir, String problem) {
        super("model " + dir + " " + problem);
        this.dir = dir;
    }

    /**
     * A model directory that failed to load with {@code cause}, described in words: a loader's own
     * refusal ({@link IllegalArgumentException}, another ModelException) keeps its message; a file
     * that is not there ({@link NoSuchFileException}) makes the directory incomplete; an I/O
     * failure says what happened to the file; a {@link NullPointerException} or a wrong cast means
     * model.json lacks a field or holds the wrong type, which is said instead of the exception's text.
     */
    public static ModelException cannotLoad(Path dir, Exception cause) {
        if (cause instanceof ModelException m) {
            return m;
        }
        if (cause instanceof NoSuchFileException missing) {
            ModelException e = new ModelException(dir, "is incomplete: " + Path.of(missing.getFile()).getFileName() + " is missing");
            e.initCause(cause);
            return e;
        }
        String what = switch (cause) {
            case IOException io -> "cannot be loaded: " + IoErrors.describe(io);
            case NullPointerException x -> "is incomplete: model.json or a file of the model lacks a field the loader needs";
            case ClassCastException x -> "is damaged: a field of model.json or a file of the model has a value of the wrong type";
            case IndexOutOfBoundsException x -> "is damaged: a size or index in model.json or its files is out of range";
            default -> "cannot be loaded: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        };
        ModelException e = new ModelException(dir, what + "; export or train the model again with nlpipe");
        e.initCause(cause);
        return e;
    }

    public Path dir() {
        return dir;
    }
}
