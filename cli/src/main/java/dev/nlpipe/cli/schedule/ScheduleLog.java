package dev.nlpipe.cli.schedule;

import dev.nlpipe.core.run.Progress;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The scheduler's log on standard error: one time-stamped line per event, per-file lines unless
 * quiet. Lines clear a terminal's progress line first so the two do not mix.
 */
public final class ScheduleLog {
    private final PrintStream out;
    private final ZoneId zone;
    private final boolean quiet;
    private final boolean terminal;

    /**
     * @param out where lines go
     * @param zone the time zone of time stamps
     * @param quiet whether per-file lines are dropped
     */
    public ScheduleLog(PrintStream out, ZoneId zone, boolean quiet) {
        this.out = out;
        this.zone = zone;
        this.quiet = quiet;
        this.terminal = Progress.isTerminal();
    }

    /** A tick-level event, always printed. */
    public synchronized void info(String message) {
        out.println((terminal ? "\r\u001b[K" : "") + stamp(ZonedDateTime.now(zone)) + " " + message);
        out.flush();
    }

    /** A per-file event, printed unless quiet. */
    public void file(String message) {
        if (!quiet) {
            info(message);
        }
    }

    /** ISO-8601 to the second, with the zone's offset. */
    public static String stamp(ZonedDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public PrintStream stream() {
        return out;
    }

    public boolean quiet() {
        return quiet;
    }

    public ZoneId zone() {
        return zone;
    }
}
