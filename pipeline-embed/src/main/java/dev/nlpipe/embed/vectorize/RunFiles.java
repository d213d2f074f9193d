package dev.nlpipe.embed.vectorize;

import dev.nlpipe.core.model.ModelDirWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The temporary {@link TermRun} files of one count: named in order in a directory made on first use
 * (a count that fits in memory writes none), and deleted together when the count is done.
 */
public final class RunFiles implements AutoCloseable {
    private final String prefix;
    private Path dir;
    private int made;

    /** @param prefix the temporary directory's name prefix, which tells whose files they are */
    public RunFiles(String prefix) {
        this.prefix = prefix;
    }

    /** A path for the next run file; safe to call from several threads. */
    public synchronized Path next() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory(prefix);
        }
        return dir.resolve("run-" + made++ + ".bin");
    }

    /** Deletes every run file. */
    @Override
    public synchronized void close() {
        if (dir != null) {
            try {
                ModelDirWriter.deleteTree(dir);
            } catch (IOException ignored) {
                // a leftover temporary directory is harmless
            }
        }
    }
}
