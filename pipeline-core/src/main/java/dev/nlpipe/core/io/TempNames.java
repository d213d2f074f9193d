package dev.nlpipe.core.io;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Names for work-in-progress files and directories: hidden, beside their target, unique per process. */
public final class TempNames {
    private TempNames() {
    }

    /**
     * {@code .<name>.tmp-<pid>-<random>} in the target's directory, so a rename onto the target is
     * atomic (same file system) and readers that skip hidden files never see it.
     */
    public static Path beside(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        return dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL));
    }
}
