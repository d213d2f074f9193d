package dev.nlpipe.augment.backtranslate;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A translator that is an external program: it reads lines (UTF-8) on standard input and writes
 * one translation per line on standard output. It is started once per batch of documents and
 * direction, with {@code {src}} and {@code {tgt}} in its arguments replaced by the language codes.
 */
public final class CommandTranslator implements Translator {
    private static final int STDERR_LINES = 20;
    private final List<String> command;
    private final long timeoutSeconds;

    /**
     * @param command the program and its arguments
     * @param timeoutSeconds how long one call may run before it is stopped
     */
    public CommandTranslator(List<String> command, long timeoutSeconds) {
        this.command = List.copyOf(command);
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Finds the program as the operating system would: a path containing a separator must be an
     * executable file, a bare name is looked up on {@code PATH}.
     *
     * @return {@code null} when found, else why not
     */
    public static String checkProgram(String program) {
        if (program.contains(File.separator)) {
            Path p = Path.of(program);
            if (!Files.isRegularFile(p)) {
                return "not found: " + program;
            }
            return Files.isExecutable(p) ? null : program + " is not executable (chmod +x it)";
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, program);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return null;
                }
            }
        }
        return "'" + program + "' is not on PATH; give its full path";
    }

    @Override
    public List<String> translate(List<String> lines, String from, String to) throws IOException {
        List<String> cmd = new ArrayList<>(command.size());
        for (String part : command) {
            cmd.add(part.replace("{src}", from).replace("{tgt}", to));
        }
        Process process = new ProcessBuilder(cmd).start();
        // own threads, not a shared pool: each pipe must be drained while the others block
        FutureTask<Void> feeding = background(() -> {
            feed(process, lines);
            return null;
        });
        FutureTask<Deque<String>> errors = background(() -> tail(process.getErrorStream()));
        // the output is read on its own thread too, so the deadline holds for a translator that hangs without closing it
        FutureTask<List<String>> reading = background(() -> lines(process.getInputStream()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        List<String> out;
        try {
            out = reading.get(timeoutSeconds, TimeUnit.SECONDS);
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException();
            }
            int exit = process.exitValue();
            if (exit != 0) {
                throw new IOException(describe(cmd) + " exited with status " + exit + stderr(errors));
            }
            feeding.get();
        } catch (TimeoutException e) {
            stop(process);
            throw new IOException(describe(cmd) + " ran longer than " + timeoutSeconds + " s and was stopped (timeout)" + stderr(errors));
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IOException(describe(cmd) + " was interrupted", e);
        } catch (ExecutionException e) {
            stop(process);
            throw new IOException(describe(cmd) + " stopped reading its input: " + e.getCause().getMessage() + stderr(errors), e);
        }
        if (out.size() != lines.size()) {
            throw new IOException(describe(cmd) + " wrote " + out.size() + " line(s) for " + lines.size()
                    + " input line(s); a translator must write exactly one line per line it reads" + stderr(errors));
        }
        return out;
    }

    private static <T> FutureTask<T> background(java.util.concurrent.Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread.ofPlatform().daemon(true).name("translator-pipe").start(task);
        return task;
    }

    /** Kills the translator and what it started (a script's model server would otherwise live on, holding its pipes). */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static List<String> lines(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line);
            }
        }
        return out;
    }

    private static void feed(Process process, List<String> lines) {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8))) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Deque<String> tail(InputStream in) {
        Deque<String> last = new ArrayDeque<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (last.size() == STDERR_LINES) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
        } catch (IOException ignored) {
            // the process went away; what was read is what there is
        }
        return last;
    }

    private static String stderr(FutureTask<Deque<String>> errors) {
        try {
            Deque<String> lines = errors.get(5, TimeUnit.SECONDS);
            return lines.isEmpty() ? "" : "; its standard error ended with:\n  " + String.join("\n  ", lines);
        } catch (Exception e) {
            return "";
        }
    }

    private static String describe(List<String> cmd) {
        return "translator command `" + String.join(" ", cmd) + "`";
    }
}
