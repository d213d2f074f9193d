package dev.nlpipe.cli.schedule;

import dev.nlpipe.core.io.InstanceLock;
import dev.nlpipe.core.io.OutputTargets;
import dev.nlpipe.core.io.TempNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * {@code nlpipe schedule}: checks the pipeline, takes the state database's lock, cleans up what a
 * killed predecessor left, then runs ticks when the trigger says until it is told to stop (or
 * after one tick with {@code --once}). The pipeline file is re-read on every tick; a changed
 * configuration is rebuilt and, by default, reprocesses every file.
 */
public final class Scheduler {

    /** A problem that ends the command with a specific exit code and a one-line message. */
    public static final class ScheduleException extends Exception {
        private final int exitCode;

        public ScheduleException(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** Exit code for a usage problem (as {@code ExitCodes.CONFIG}). */
    static final int USAGE = 2;
    /** Exit code when another instance holds the state database (as {@code ExitCodes.LOCKED}). */
    static final int LOCKED = 4;

    private final ScheduleSettings settings;
    private final ScheduleLog log;
    private final StopSignal stop;
    private LoadedPipeline current;

    public Scheduler(ScheduleSettings settings, ScheduleLog log, StopSignal stop) {
        this.settings = settings;
        this.log = log;
        this.stop = stop;
    }

    /**
     * Runs until stopped, or one tick with {@code --once}.
     *
     * @return 0, or 1 when {@code --once} saw a file or record fail
     * @throws dev.nlpipe.core.config.ConfigException when the pipeline file is invalid at start
     * @throws ScheduleException on a usage problem or when another instance holds the state database
     */
    public int run() throws ScheduleException, IOException, SQLException, InterruptedException {
        checkDirectories();
        try (InstanceLock lock = acquire(); InstanceLock outputLock = acquireOutput()) {
            // loaded once the locks are held: a second instance (an overlapping cron pass) exits at once instead of loading
            // every model first, in the memory of the machine the running one needs
            current = LoadedPipeline.load(settings, null);
            return runLocked(lock);
        }
    }

    private int runLocked(InstanceLock lock) throws ScheduleException, IOException, SQLException, InterruptedException {
        try (StateStore store = StateStore.open(settings.state())) {
            lock.takenOverFrom().ifPresent(o -> log.info("took over the lock left by " + o.describe() + ", which is no longer running"));
            bind(store);
            int killed = store.closeAbandonedRuns();
            int forgiven = store.judgeInterruptedAttempts();
            List<Path> temps = TempNames.removeAbandoned(settings.output());
            if (killed > 0 || !temps.isEmpty() || forgiven > 0) {
                log.info("recovered from an interrupted run: " + killed + " run(s) marked killed, " + temps.size()
                        + " temporary file(s) removed; unfinished files are processed again"
                        + (forgiven > 0 ? " (" + forgiven + " were in progress together, so the interruption is not counted against them)" : ""));
            }
            log.info("scheduling " + settings.pipeline() + " over " + settings.input() + " -> " + settings.output() + ", "
                    + settings.trigger().describe() + "; state " + settings.state() + "; config "
                    + ConfigFingerprint.shortForm(current.fingerprint()));
            return loop(store);
        } finally {
            current.close();
        }
    }

    private void checkDirectories() throws ScheduleException, IOException {
        for (Path p : List.of(settings.output(), settings.state())) {
            String home = OutputTargets.unexpandedHome(p);
            if (home != null) {
                throw new ScheduleException(USAGE, home); // before a directory named ~ is made for it
            }
        }
        if (!Files.isDirectory(settings.input())) {
            throw new ScheduleException(USAGE, "the input directory " + settings.input()
                    + (Files.exists(settings.input()) ? " is not a directory" : " does not exist"));
        }
        checkApart(settings.input().toAbsolutePath().normalize(), settings.output().toAbsolutePath().normalize());
        Files.createDirectories(settings.output());
        // again as the file system resolves them: a link (inbox -> data/inbox) is another spelling of the same directory
        checkApart(settings.input().toRealPath(), settings.output().toRealPath());
    }

    private void checkApart(Path in, Path out) throws ScheduleException {
        if (in.equals(out)) {
            throw new ScheduleException(USAGE, "--output must differ from --input (outputs would become inputs on the next tick)");
        }
        if (in.startsWith(out)) {
            throw new ScheduleException(USAGE, "--input " + settings.input() + " lies inside --output " + settings.output()
                    + "; choose directories side by side");
        }
    }

    private InstanceLock acquire() throws ScheduleException, IOException {
        try {
            return InstanceLock.acquire(settings.state());
        } catch (InstanceLock.HeldException e) {
            throw new ScheduleException(LOCKED, e.getMessage());
        }
    }

    private InstanceLock acquireOutput() throws ScheduleException, IOException {
        try {
            return InstanceLock.acquireOutput(settings.output());
        } catch (InstanceLock.HeldException e) {
            throw new ScheduleException(LOCKED, e.getMessage());
        }
    }

    /**
     * A state database belongs to one input and output directory: its paths are relative to them.
     * Another spelling of the same directories (through a link) is the same binding.
     */
    private void bind(StateStore store) throws SQLException, ScheduleException {
        String in = settings.input().toAbsolutePath().normalize().toString();
        String out = settings.output().toAbsolutePath().normalize().toString();
        Optional<String> boundIn = store.meta("input_dir");
        Optional<String> boundOut = store.meta("output_dir");
        if (boundIn.isPresent() && (!OutputTargets.sameFile(Path.of(boundIn.get()), settings.input())
                || !OutputTargets.sameFile(Path.of(boundOut.orElse(out)), settings.output()))) {
            throw new ScheduleException(USAGE, "the state database " + settings.state() + " belongs to --input " + boundIn.get()
                    + " and --output " + boundOut.orElse("?") + "; give this input and output their own --state"
                    + " (or delete it to start over: every file is then processed again)");
        }
        // the spelling first recorded stays: a link used once (inlink -> in) may be gone on the next run
        if (boundIn.isEmpty()) {
            store.setMeta("input_dir", in);
        }
        if (boundOut.isEmpty()) {
            store.setMeta("output_dir", out);
        }
        store.setMeta("pipeline", settings.pipeline().toAbsolutePath().normalize().toString());
        store.setMeta("max_attempts", Integer.toString(settings.maxAttempts()));
    }

    private int loop(StateStore store) throws SQLException, InterruptedException {
        Trigger trigger = settings.trigger();
        TickRunner ticks = new TickRunner(settings, store, log, stop);
        boolean failures = false;
        long n = 0;
        Optional<ZonedDateTime> next = trigger.first(now());
        if (next.isPresent() && next.get().isAfter(now())) {
            log.info("first tick at " + ScheduleLog.stamp(next.get()));
        }
        while (next.isPresent() && !stop.requested()) {
            if (!sleepUntil(next.get())) {
                break;
            }
            ZonedDateTime started = now();
            long tick = ++n;
            TickSummary s = ticks.run(trigger, () -> tick == 1 ? current : reload());
            failures |= s.hadFailures();
            if (stop.requested()) {
                break;
            }
            next = trigger.next(started, now());
            next.ifPresent(t -> log.info("next tick at " + ScheduleLog.stamp(t)));
        }
        if (stop.requested()) {
            log.info("stopped (" + stop.reason() + "); state recorded in " + settings.state());
        }
        return trigger instanceof Trigger.Once && failures ? 1 : 0;
    }

    /** Re-reads the pipeline file; rebuilds the pipeline only when its fingerprint changed. */
    private LoadedPipeline reload() {
        LoadedPipeline fresh = LoadedPipeline.load(settings, current);
        if (fresh.pipeline() != current.pipeline()) {
            log.info("the pipeline configuration changed (" + ConfigFingerprint.shortForm(current.fingerprint()) + " -> "
                    + ConfigFingerprint.shortForm(fresh.fingerprint()) + ")" + (settings.reprocessOnConfigChange()
                    ? "; every file is processed again" : "; only new and changed files use it (--no-reprocess-on-config-change)"));
            current.close();
        }
        current = fresh;
        return current;
    }

    /** Waits for the time or a stop request; returns false when stopped. */
    private boolean sleepUntil(ZonedDateTime when) throws InterruptedException {
        Duration wait = Duration.between(Instant.now(), when.toInstant());
        return wait.isNegative() || wait.isZero() || !stop.await(wait);
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(settings.zone());
    }
}
