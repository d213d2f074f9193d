package dev.nlpipe.cli.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

/** SHA-256 of file contents and strings, as lowercase hex. */
public final class FileHasher {
    private FileHasher() {
    }

    /** The SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        return sha256(file, () -> false);
    }

    /**
     * The SHA-256 of a file's bytes, given up once {@code stop} says so, checked after each read of
     * up to 64 KiB: a stop request must not wait for a file of many gigabytes to be read to its end.
     *
     * @throws InterruptedIOException when {@code stop} turned true after a read, before its bytes were hashed
     */
    public static String sha256(Path file, BooleanSupplier stop) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (stop.getAsBoolean()) {
                    throw new InterruptedIOException("stopped while reading " + file);
                }
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
