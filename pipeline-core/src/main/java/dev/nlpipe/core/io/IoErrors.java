package dev.nlpipe.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * What an {@link IOException} means, in words a user can act on. Java's own messages are often
 * {@code null} (an {@link EOFException}), a bare path (a {@link NoSuchFileException}) or the
 * decoder's "Input length = 1" (invalid UTF-8); callers put the file's name in front.
 */
public final class IoErrors {
    private static final String DISK_FULL = "the disk is full";

    private IoErrors() {
    }

    /**
     * The file and what went wrong with it ({@code out/model: permission denied}), for an error
     * that reached the user without a caller naming the file: a temporary file is named by the file
     * it was to become, and a full disk says so.
     */
    public static String explain(IOException e) {
        String what = describe(e);
        // a message explained once already (wrapped with more context, as `nlpipe train` does) is not told twice
        if ((what.contains("No space left on device") || what.contains("Disk quota exceeded")) && !what.contains(DISK_FULL)) {
            what = what + " (" + DISK_FULL + ": free space, or write elsewhere)";
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String file = TempNames.target(Path.of(f.getFile())).toString();
            // a FileSystemException's message is "FILE: reason" or the bare file: keep only the reason
            String reason = f.getReason() != null ? f.getReason() : what;
            if (e instanceof AccessDeniedException || e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
                reason = what;
            }
            return file + ": " + reason + (f.getOtherFile() != null ? " (moving to " + TempNames.target(Path.of(f.getOtherFile())) + ")" : "");
        }
        return what;
    }

    /** A short description of what went wrong, never {@code null}. */
    public static String describe(IOException e) {
        return switch (e) {
            case EOFException x -> "the file ends too early (truncated?)";
            case CharacterCodingException x -> "not valid UTF-8 text (save the file as UTF-8)";
            case NoSuchFileException x -> "file not found";
            case AccessDeniedException x -> "permission denied";
            case NotDirectoryException x -> "not a directory";
            case FileAlreadyExistsException x -> "exists already (a file where a directory is needed, or one not to be replaced)";
            case ZipException x -> "damaged compressed data" + (x.getMessage() == null ? "" : " (" + x.getMessage() + ")");
            default -> e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
