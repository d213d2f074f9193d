package dev.nlpipe.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.zip.ZipException;

/**
 * What an {@link IOException} means, in words a user can act on. Java's own messages are often
 * {@code null} (an {@link EOFException}), a bare path (a {@link NoSuchFileException}) or the
 * decoder's "Input length = 1" (invalid UTF-8); callers put the file's name in front.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** A short description of what went wrong, never {@code null}. */
    public static String describe(IOException e) {
        return switch (e) {
            case EOFException x -> "the file ends too early (truncated?)";
            case CharacterCodingException x -> "not valid UTF-8 text (save the file as UTF-8)";
            case NoSuchFileException x -> "file not found";
            case AccessDeniedException x -> "permission denied";
            case NotDirectoryException x -> "not a directory";
            case ZipException x -> "damaged compressed data" + (x.getMessage() == null ? "" : " (" + x.getMessage() + ")");
            default -> e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
