package dev.nlpipe.core.testing;

import java.io.IOException;
import java.nio.file.Path;

/** Process ids of processes that have ended, for tests of what a killed process leaves behind. */
public final class DeadProcesses {
    private DeadProcesses() {
    }

    /** The id of a process that is not running: a child that has exited. */
    public static long pid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return p.pid();
    }
}
