package dev.nlpipe.cli.schedule;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.OutputConfig;
import dev.nlpipe.core.io.InstanceLock;
import dev.nlpipe.core.run.Progress;
import dev.nlpipe.core.run.RecordFailedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One tick: scan the input directory, plan, record the plan, handle deleted inputs, then process
 * the planned files on a pool of workers, committing each file's row only after its output was
 * renamed into place. A stop request lets the files in progress finish and leaves the rest
 * pending. Failures of single files are recorded and retried later; only a broken pipeline file,
 * a missing input directory or a failing state database end a tick early.
 */
final class TickRunner {

    /** Supplies the tick's pipeline (re-reading the pipeline file). */
    @FunctionalInterface
    interface PipelineSource {
        LoadedPipeline get();
    }

    /** The outcome of one file on a worker. */
    private record Result(WorkItem item, FileOutcome outcome, Throwable error) {
    }

    private final ScheduleSettings settings;
    private final StateStore store;
    private final ScheduleLog log;
    /** How often a wait for files in progress looks for a stop request. */
    private static final long STOP_CHECK_MS = 100;

    private final StopSignal stop;

    TickRunner(ScheduleSettings settings, StateStore store, ScheduleLog log, StopSignal stop) {
        this.settings = settings;
        this.store = store;
        this.log = log;
        this.stop = stop;
    }

    /**
     * Runs a tick, logged under its run number in the state (as {@code schedule status} names runs),
     * so that the ticks of successive {@code --once} processes are told apart. Throws only when the
     * state database cannot record it.
     */
    TickSummary run(Trigger trigger, PipelineSource source) throws SQLException {
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        long runId = store.startRun(trigger.kind(), now);
        TickSummary s = new TickSummary(runId, trigger.describe());
        try {
            LoadedPipeline p = source.get();
            s.configHash = p.fingerprint();
            scanPlanAndProcess(p, s);
        } catch (InterruptedIOException e) {
            if (stop.requested()) {
                s.stopped = true; // while the changed files were hashed: nothing was planned or recorded yet
                s.stoppedBeforePlan = true;
            } else {
                s.error = describe(e); // a timeout of a network file system, not a stop
            }
        } catch (ConfigException e) {
            s.error = "the pipeline file is invalid, nothing processed: " + e.getMessage();
        } catch (NoSuchFileException e) {
            s.error = "cannot read the input directory " + e.getFile() + (e.getReason() == null ? "" : ": " + e.getReason());
        } catch (IOException | RuntimeException e) {
            // e.g. a model that no longer loads after the pipeline file changed: the next tick tries again
            s.error = describe(e);
        }
        s.seconds = (System.nanoTime() - t0) / 1e9;
        store.finishRun(runId, s, Instant.now());
        log.info(s.doneLine());
        return s;
    }

    /**
     * The tick's work once the pipeline is loaded. An input directory that lists no file while
     * files recorded in it are not deleted records nothing and prunes nothing: an inbox emptied by
     * archiving its files is an ordinary idle pass, and an unmounted share's empty mount point, which
     * looks the same, must not be read as "every input deleted" (its outputs pruned, everything
     * reprocessed when it returns). The deletions are recorded once the directory lists a file again.
     */
    private void scanPlanAndProcess(LoadedPipeline p, TickSummary s) throws IOException, SQLException {
        FileScanner scanner = new FileScanner(settings.input(), p.glob(), p.input().recursive(), excluded());
        FileScanner.Scan scan = scanner.scan();
        List<ScannedFile> files = scan.files();
        // judged by the time the files were seen at: reloading the pipeline and scanning may take minutes
        Instant seenAt = Instant.now();
        for (String name : scan.badNames()) {
            log.info("warning: passed over " + settings.input().resolve(name) + ": its name is not UTF-8 (a zip made on Windows?);"
                    + " rename it to process it, e.g. convmv -f gbk -t utf8 --notest FILE");
        }
        for (String dir : scan.unreadable()) {
            log.info("warning: cannot read " + settings.input().resolve(dir) + " (permission denied): its files are left as they"
                    + " were recorded; everything else is processed");
        }
        TickPlanner planner = new TickPlanner(p.extension(), p.fingerprint(), settings.reprocessOnConfigChange(), settings.settle(),
                settings.prune());
        List<String> present = files.stream().map(ScannedFile::relative).toList();
        Map<String, FileRecord> rows = store.rowsToPlan(present, settings.prune());
        long notDeleted = files.isEmpty() ? rows.values().stream().filter(r -> r.status() != FileStatus.DELETED).count() : 0;
        if (notDeleted > 0) {
            log.info(s.planLine(settings.input().toString()));
            log.info("the input directory lists no file while " + notDeleted + " recorded in it were not deleted: none is recorded"
                    + " deleted and no output is pruned until it lists a file again (emptied on purpose, or an unmounted share?)");
            return;
        }
        TickPlanner.Plan plan = planner.plan(files, rows, seenAt, disk(), store::firstDeletedWithHash)
                .sparing(java.util.stream.Stream.concat(scan.unreadable().stream(), scan.badNames().stream()).toList());
        s.seen = files.size();
        s.unchanged = plan.unchanged();
        s.waiting = plan.waiting();
        s.settling = plan.settling();
        s.quarantinedSkipped = plan.quarantined();
        plan.work().forEach(w -> s.planned.merge(w.reason(), 1, Integer::sum));
        Set<String> alone = store.sharedInterruptions();
        store.recordPlan(plan.work(), plan.touched(), seenAt);
        s.deleted = plan.deleted().size();
        log.info(s.planLine(settings.input().toString()));
        Set<String> liveOutputs = new HashSet<>();
        files.forEach(f -> liveOutputs.add(planner.outputOf(f.relative())));
        recordDeleted(plan, liveOutputs, s, seenAt);
        process(plan.work(), alone, p, liveOutputs, s);
    }

    /** The output directory (when inside the input) and the state database's files are never inputs. */
    private List<Path> excluded() {
        Path st = settings.state();
        String name = st.getFileName().toString();
        return List.of(settings.output(), st, st.resolveSibling(name + "-wal"), st.resolveSibling(name + "-shm"),
                st.resolveSibling(name + "-journal"), InstanceLock.fileFor(st));
    }

    private TickPlanner.Disk disk() {
        return new TickPlanner.Disk() {
            @Override
            public String sha256(ScannedFile f) throws IOException {
                return FileHasher.sha256(f.path(), stop::requested);
            }

            @Override
            public long outputSize(String outputRelative) {
                try {
                    return Files.size(settings.output().resolve(outputRelative));
                } catch (IOException e) {
                    return -1;
                }
            }
        };
    }

    /**
     * Records inputs found missing on this tick, pruning their outputs when asked; with
     * {@code --prune}, also the outputs kept for inputs deleted on earlier ticks.
     */
    private void recordDeleted(TickPlanner.Plan plan, Set<String> liveOutputs, TickSummary s, Instant now)
            throws SQLException, IOException {
        for (FileRecord r : plan.deleted()) {
            String kept = pruneIfAsked(r.outputPath(), liveOutputs, s);
            store.recordDeleted(r.path(), kept, now);
            log.file("deleted      " + r.path() + (r.outputPath() == null ? "" : kept != null ? " (output kept: " + kept + ")"
                    : " (output " + r.outputPath() + (liveOutputs.contains(r.outputPath()) ? " now belongs to another input)" : " removed)")));
        }
        if (settings.prune()) {
            for (FileRecord r : plan.keptOutputs()) {
                pruneIfAsked(r.outputPath(), liveOutputs, s);
                store.recordDeleted(r.path(), null, r.deletedAt() == null ? now : r.deletedAt());
                log.file("pruned       " + r.outputPath() + " (its input " + r.path() + " was deleted earlier)");
            }
            for (Map.Entry<String, String> e : store.superseded().entrySet()) {
                if (!liveOutputs.contains(e.getKey())) {
                    pruneIfAsked(e.getKey(), liveOutputs, s);
                    log.file("pruned       " + e.getKey() + " (superseded: " + e.getValue() + " writes another output now)");
                }
                store.forgetSuperseded(e.getKey());
            }
        }
    }

    /** Prunes an output when {@code --prune} is on and no present input owns it; returns what is kept of it ({@code null} when nothing). */
    private String pruneIfAsked(String output, Set<String> liveOutputs, TickSummary s) throws IOException {
        if (output == null || !settings.prune()) {
            return output;
        }
        if (!liveOutputs.contains(output)) {
            prune(output);
            s.pruned++;
        }
        return null;
    }

    /** Removes an output, its errors file and the directories that become empty, never leaving the output directory. */
    private void prune(String outputRelative) throws IOException {
        Path root = settings.output().toAbsolutePath().normalize();
        Path target = root.resolve(outputRelative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            return;
        }
        Files.deleteIfExists(target);
        Files.deleteIfExists(errorsFileOf(outputRelative));
        for (Path dir = target.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                break;
            }
        }
    }

    /** Where bad records of a file go: beside its output, as {@code nlpipe run} puts them. */
    private Path errorsFileOf(String outputRelative) {
        return Pipeline.errorsFile(OutputConfig.of(settings.output().resolve(outputRelative).toString()));
    }

    /**
     * Processes the planned files on a pool of workers. The files in {@code alone} were in progress
     * together when a process ended: they go first, each with no other file in progress, so that a
     * file that crashes the process (a native crash in a stage) is then the only one in progress and
     * its attempts count until it is quarantined, instead of being forgiven on every restart.
     */
    private void process(List<WorkItem> planned, Set<String> alone, LoadedPipeline p, Set<String> liveOutputs, TickSummary s)
            throws SQLException, IOException {
        if (planned.isEmpty()) {
            return;
        }
        List<WorkItem> work = new ArrayList<>(planned);
        work.sort(Comparator.comparing(w -> !alone.contains(w.file().relative())));
        int workers = Math.min(p.workers(settings), work.size());
        FileProcessor processor = p.processor(settings.output(), p.workers(settings), work.size());
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "nlpipe-schedule-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CompletionService<Result> done = new ExecutorCompletionService<>(pool);
        Progress progress = log.quiet() ? null : new Progress(log.stream(), "files", work.size(), s::processed);
        int next = 0;
        int inflight = 0;
        boolean aloneInFlight = false;
        Set<WorkItem> inProgress = new LinkedHashSet<>();
        boolean stoppingRecorded = false;
        try {
            while (true) {
                while (inflight < workers && next < work.size() && !stop.requested() && !aloneInFlight) {
                    WorkItem w = work.get(next);
                    boolean isolated = alone.contains(w.file().relative());
                    if (isolated && inflight > 0) {
                        break;
                    }
                    next++;
                    if (w.problem() != null) {
                        recordFailure(w, w.attempt(), w.problem(), s);
                        continue;
                    }
                    if (w.reason() == WorkItem.Reason.PENDING && w.attemptsBefore() >= settings.maxAttempts()) {
                        // attempts the process did not survive, counted before they ran
                        recordFailure(w, w.attemptsBefore(), StateStore.PROCESS_ENDED, s);
                        continue;
                    }
                    if (isolated) {
                        log.file("alone        " + w.file().relative() + ": the process ended while it and other files were in"
                                + " progress, so it runs with no other file beside it");
                    }
                    store.recordStart(w);
                    inProgress.add(w);
                    aloneInFlight = isolated;
                    done.submit(() -> {
                        try {
                            return new Result(w, processor.process(w.file().path(), w.file().relative(), w.output()), null);
                        } catch (Exception | StackOverflowError e) {
                            // a file that sends a stage into deep recursion is that file's failure, not the scheduler's
                            return new Result(w, null, e);
                        } catch (OutOfMemoryError e) {
                            // so is one too large for the heap: what it held is freed as this worker returns, and the
                            // file is retried and quarantined like any other instead of ending the scheduler on every tick
                            return new Result(w, null, new IllegalStateException("it needs more memory than the JVM has ("
                                    + e.getMessage() + "): split the file, or give nlpipe more heap (NLPIPE_JAVA_OPTS=\"-Xmx8g -Xss8m\")"));
                        }
                    });
                    inflight++;
                }
                if (inflight == 0) {
                    break;
                }
                Result r;
                while ((r = poll(done)) == null) {
                    if (stop.requested() && !stoppingRecorded) {
                        store.recordStopping(inProgress);
                        stoppingRecorded = true;
                    }
                }
                inProgress.remove(r.item());
                inflight--;
                aloneInFlight = false;
                if (r.error() == null) {
                    recordSuccess(r.item(), r.outcome(), p, liveOutputs, s);
                } else if (java.nio.file.Files.notExists(r.item().file().path())) {
                    // archived by a consumer while it waited its turn (a large first pass): neither an attempt nor a failure
                    store.recordVanished(r.item());
                    log.info("gone         " + r.item().file().relative() + " (moved away before its turn; no attempt counted)");
                } else {
                    recordFailure(r.item(), r.item().attempt(), describe(r.error()), s);
                }
                if (progress != null) {
                    progress.update(s.processed(), s.failures() > 0 ? s.failures() + " failed" : "");
                }
            }
        } finally {
            pool.shutdownNow();
            if (progress != null) {
                progress.finish();
            }
        }
        s.stopped = stop.requested() && next < work.size();
    }

    /** The next finished file, or {@code null} after a short wait, so a stop asked for meanwhile is recorded at once. */
    private static Result poll(CompletionService<Result> done) {
        try {
            Future<Result> f = done.poll(STOP_CHECK_MS, TimeUnit.MILLISECONDS);
            return f == null ? null : f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a file", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void recordSuccess(WorkItem w, FileOutcome o, LoadedPipeline p, Set<String> liveOutputs, TickSummary s)
            throws SQLException, IOException {
        store.recordSuccess(w, o, p.fingerprint(), Instant.now());
        s.succeeded++;
        s.docsIn += o.docsIn();
        s.docsOut += o.docsOut();
        s.badRecords += o.badRecords();
        String superseded = "";
        String previous = w.previousOutput();
        if (previous != null && !liveOutputs.contains(previous)) {
            if (pruneIfAsked(previous, liveOutputs, s) == null) {
                superseded = ", replaced " + previous;
            } else {
                store.recordSuperseded(previous, w.file().relative(), Instant.now());
                superseded = ", " + previous + " kept until --prune";
            }
        }
        log.file(String.format(Locale.ROOT, "ok           %s -> %s (%s%s%s) %,d docs in, %,d out%s, %,d ms", w.file().relative(), o.output(),
                w.reason().label(), w.renamedFrom() == null ? "" : ", renamed from " + w.renamedFrom(), superseded,
                o.docsIn(), o.docsOut(), o.badRecords() == 0 ? "" : String.format(Locale.ROOT, ", %,d bad records (first: %s; all in %s)",
                        o.badRecords(), o.firstBadRecord(), errorsFileOf(o.output())), o.millis()));
    }

    private void recordFailure(WorkItem w, int attempts, String error, TickSummary s) throws SQLException {
        if (attempts >= settings.maxAttempts()) {
            store.recordFailure(w, attempts, error, FileStatus.QUARANTINED, null, s.configHash);
            s.quarantined++;
            log.info(String.format(Locale.ROOT, "QUARANTINED  %s after %d attempt%s: %s (release it with `nlpipe schedule retry --state %s %s`)",
                    w.file().relative(), attempts, attempts == 1 ? "" : "s", error, settings.state(), w.file().relative()));
        } else {
            Instant next = Instant.now().plus(settings.backoffAfter(attempts));
            store.recordFailure(w, attempts, error, FileStatus.FAILED, next, s.configHash);
            s.failed++;
            log.info(String.format(Locale.ROOT, "FAILED       %s (attempt %d of %d; retried from %s): %s", w.file().relative(), attempts,
                    settings.maxAttempts(), ScheduleLog.stamp(ZonedDateTime.ofInstant(next, log.zone())), error));
        }
    }

    /** A one-line message for a failure, naming what the user can act on. */
    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        if (e instanceof NoSuchFileException n) {
            return "file not found: " + n.getFile();
        }
        String m = e.getMessage();
        boolean selfExplaining = e instanceof ConfigException || e instanceof RecordFailedException || e instanceof IOException;
        return selfExplaining && m != null ? m : e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
