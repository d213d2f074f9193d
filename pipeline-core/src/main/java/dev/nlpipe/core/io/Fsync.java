package dev.nlpipe.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Forces written files to the storage device before they are renamed into place. Without it a
 * rename that replaces an older file can reach the disk before the new file's data, and a power
 * loss then leaves an empty or partial file under the final name.
 */
public final class Fsync {
    private Fsync() {
    }

    /** Forces one file's content to disk. */
    public static void file(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Forces every regular file under {@code dir} to disk. */
    public static void tree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    file(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
