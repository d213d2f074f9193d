package dev.nlpipe.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An {@code nlpipe} command (a scheduler, a training) in a child JVM (this JVM's java binary and class path). Its standard
 * output and error go to a file, not a pipe: {@link Process#destroy()} closes the parent's ends of
 * the pipes, which would silence a child that goes on to shut down cleanly.
 */
public final class ChildNlpipe implements AutoCloseable {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final Process process;
    private final Path log;

    private ChildNlpipe(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code nlpipe ARGS...} in {@code workDir}. */
    public static ChildNlpipe start(Path workDir, List<String> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.nlpipe.cli.Main"));
        cmd.addAll(args);
        Path log = workDir.resolve("child-" + COUNT.incrementAndGet() + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        return new ChildNlpipe(pb.start(), log);
    }

    /** Waits until {@code count} lines match (or the process exits, or the timeout passes); returns whether they did. */
    public boolean awaitLines(Predicate<String> match, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean exited = !process.isAlive();
            if (output().lines().filter(match).count() >= count) {
                return true;
            }
            if (exited || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, then waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the process to end by itself; returns the exit code (or -1 after the timeout). */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** SIGTERM, without waiting. */
    public void askToStop() {
        process.destroy();
    }

    /** SIGTERM; returns the exit code (or -1 after the timeout). */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    /** Everything printed so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
