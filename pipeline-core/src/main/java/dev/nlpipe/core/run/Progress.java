package dev.nlpipe.core.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long work on standard error: a self-updating line on a terminal (count, rate,
 * percentage and ETA when the total is known), a log line every few seconds otherwise.
 * Not thread-safe; call from one thread.
 */
public final class Progress {
    private static final long TTY_INTERVAL = 250_000_000L;
    private static final long LOG_INTERVAL = 10_000_000_000L;

    private final PrintStream out;
    private final String unit;
    private final long total;
    private final LongSupplier done;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPrint = startNanos;
    private boolean printed;

    /**
     * @param out where to print (standard error)
     * @param unit what is counted ("docs", "words")
     * @param total the amount of work in {@code done}'s unit (bytes, words), or 0 when unknown
     * @param done how much of {@code total} is done
     */
    public Progress(PrintStream out, String unit, long total, LongSupplier done) {
        this.out = out;
        this.unit = unit;
        this.total = total;
        this.done = done;
        this.terminal = isTerminal();
    }

    /**
     * Whether standard error is an interactive terminal. {@code System.console()} judges standard
     * input and output, so {@code 2> err.log} on a terminal would fill the log with self-updating
     * lines, and {@code > out.json} would lose them on the screen: standard error itself is asked,
     * through the launcher's {@value #STDERR_TERMINAL_PROPERTY} property (its {@code [ -t 2 ]}),
     * else what file descriptor 2 names on Linux, else the console.
     */
    public static boolean isTerminal() {
        String told = System.getProperty(STDERR_TERMINAL_PROPERTY);
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        Boolean byDescriptor = terminalDevice(Path.of("/proc/self/fd/2"));
        return byDescriptor != null ? byDescriptor : consoleIsTerminal();
    }

    /** The system property by which a launcher says whether standard error is a terminal. */
    public static final String STDERR_TERMINAL_PROPERTY = "nlpipe.stderrTerminal";

    /** Whether the descriptor link names a terminal device, or null where it cannot be read (no /proc). */
    static Boolean terminalDevice(Path descriptor) {
        try {
            String target = Files.readSymbolicLink(descriptor).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    private static boolean consoleIsTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+: a Console exists even when redirected; isTerminal() tells. On 21, a console means a terminal.
            Method m = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Reports {@code count} items processed so far, at most a few times per second. */
    public void update(long count, String extra) {
        long now = System.nanoTime();
        if (now - lastPrint < (terminal ? TTY_INTERVAL : LOG_INTERVAL)) {
            return;
        }
        lastPrint = now;
        String line = line(count, now, extra);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
        printed = true;
    }

    private String line(long count, long now, String extra) {
        double secs = (now - startNanos) / 1e9;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%,d %s  %,.0f %s/s", count, unit, secs > 0 ? count / secs : 0, unit));
        if (total > 0) {
            long d = done.getAsLong();
            double frac = Math.min(1.0, d / (double) total);
            sb.append(String.format(Locale.ROOT, "  %3.0f%%", frac * 100));
            if (frac > 0.001) {
                long eta = Math.round(secs / frac - secs);
                sb.append(String.format(Locale.ROOT, "  ETA %d:%02d:%02d", eta / 3600, (eta / 60) % 60, eta % 60));
            }
        }
        if (extra != null && !extra.isEmpty()) {
            sb.append("  ").append(extra);
        }
        return sb.toString();
    }

    /** Ends the progress line so that the summary starts on a fresh line. */
    public void finish() {
        if (terminal && printed) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }
}
