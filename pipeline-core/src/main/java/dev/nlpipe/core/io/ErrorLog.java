package dev.nlpipe.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.run.OnError;
import dev.nlpipe.core.run.RecordFailedException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects bad records: counts them, keeps the first few for the run summary, and writes all of
 * them as JSON lines to the errors file (created only when there is an error, written atomically).
 * Also counts warnings (records read as they are but that look wrong, see
 * {@link BadRecordSink#warn}) and keeps the first few for the summary (printing them as they come
 * when there is no errors file); warnings stay out of the errors file, unless {@code onError: fail}
 * makes the first one a bad record that stops the run. Thread-safe.
 */
public final class ErrorLog implements BadRecordSink {
    private static final int KEEP = 5;

    private final Path file;
    private final PrintStream fallback;
    private final boolean failFast;
    private AtomicFile out;
    private long count;
    private final List<BadRecord> first = new ArrayList<>();
    private long warnings;
    private final List<BadRecord> firstWarnings = new ArrayList<>();
    /** Where the records of the calling thread go instead, while it reads a batch ahead ({@link #holdOnThisThread}). */
    private final ThreadLocal<HeldRecords> holding = new ThreadLocal<>();

    /**
     * @param file the errors file, or {@code null} to print errors to {@code fallback} instead
     * @param fallback where errors go without a file (standard error)
     * @param onError {@link OnError#FAIL} to throw {@link RecordFailedException} after logging the first record
     */
    public ErrorLog(Path file, PrintStream fallback, OnError onError) {
        this.file = file;
        this.fallback = fallback;
        this.failFast = onError == OnError.FAIL;
    }

    /**
     * Until {@link #stopHolding}, records reported on the calling thread go to {@code into} instead
     * (which passes them on later, in input order); those of other threads come here as usual.
     */
    public void holdOnThisThread(HeldRecords into) {
        holding.set(into);
    }

    /** Ends {@link #holdOnThisThread} for the calling thread. */
    public void stopHolding() {
        holding.remove();
    }

    /** Bad records printed to the terminal when there is no errors file. */
    static final int PRINTED = 100;

    @Override
    public void accept(BadRecord record) {
        HeldRecords held = holding.get();
        if (held != null) {
            held.accept(record);
            return;
        }
        log(record);
        if (failFast) {
            throw new RecordFailedException(record);
        }
    }

    /** Counts a warning; with {@code onError: fail} it is a bad record and stops the run. */
    @Override
    public void warn(BadRecord record) {
        HeldRecords held = holding.get();
        if (held != null) {
            held.warn(record);
            return;
        }
        if (failFast) {
            accept(record);
            return;
        }
        logWarning(record);
    }

    private synchronized void logWarning(BadRecord record) {
        warnings++;
        if (firstWarnings.size() < KEEP) {
            firstWarnings.add(record);
            if (file == null && fallback != null) {
                fallback.println("warning: " + record);
            }
        }
    }

    private synchronized void log(BadRecord record) {
        count++;
        if (first.size() < KEEP) {
            first.add(record);
        }
        if (file == null) {
            // without an errors file each goes to the terminal: a GBK file or a wrong format makes every line one, which would
            // bury the summary under a hundred thousand lines
            if (fallback != null && count <= PRINTED) {
                fallback.println("bad record: " + record);
            } else if (fallback != null && count == PRINTED + 1) {
                fallback.println("bad record: more follow; they are counted, not printed (nlpipe run keeps every one with"
                        + " output.errors: FILE)");
            }
            return;
        }
        try {
            if (out == null) {
                out = AtomicFile.create(file);
            }
            try (JsonGenerator g = DocumentJson.factory().createGenerator(out.writer())) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                DocumentJson.mapper().writeValue(g, record.toMap());
            }
            out.writer().write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the errors file " + file, e);
        }
    }

    public synchronized long count() {
        return count;
    }

    /** The first few bad records, for the summary. */
    public synchronized List<BadRecord> firstRecords() {
        return List.copyOf(first);
    }

    /** Warnings so far (records read as they are that look wrong). */
    public synchronized long warnings() {
        return warnings;
    }

    /** The first few warnings, for the summary. */
    public synchronized List<BadRecord> firstWarnings() {
        return List.copyOf(firstWarnings);
    }

    /**
     * A closing line for commands that print warnings as they come (no errors file): how many
     * there were in all; {@code null} when there were none.
     */
    public synchronized String warningSummary() {
        if (warnings == 0) {
            return null;
        }
        return warnings + (warnings == 1 ? " warning" : " warnings") + " in all"
                + (warnings > firstWarnings.size() ? " (the first " + firstWarnings.size() + " are listed above)" : "")
                + "; those records were read as they are";
    }

    public Path file() {
        return file;
    }

    /** Publishes the errors file, or removes a stale one from an earlier run when there were no errors. */
    public synchronized void commit() throws IOException {
        if (out != null) {
            out.commit();
        } else if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    /** Drops the errors file being written. */
    public synchronized void abort() {
        if (out != null) {
            out.abort();
        }
    }
}
