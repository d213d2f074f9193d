package dev.nlpipe.nn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The small text file that a clone made without git-lfs holds in place of each large file (a
 * model's weights): readers of weight files name it as such, since read as data it looks like a
 * damaged file and says nothing of how to get the real one.
 */
public final class GitLfsPointer {
    /** How every pointer begins ({@code version https://git-lfs.github.com/spec/v1}). */
    private static final byte[] START = "version https://git-lfs".getBytes(StandardCharsets.US_ASCII);

    private GitLfsPointer() {
    }

    /**
     * Refuses a file that is a Git LFS pointer.
     *
     * @throws IOException naming the file and saying to fetch it with {@code git lfs pull}, when it is one
     */
    public static void refuse(Path file) throws IOException {
        byte[] head = new byte[START.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n == head.length && Arrays.equals(head, START)) {
            throw new IOException(file + " is a Git LFS pointer, not the file itself (its repository was cloned without git-lfs):"
                    + " run `git lfs pull` in its repository, or download the file");
        }
    }
}
