package dev.nlpipe.cli.schedule;

import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.io.OutputSink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides what a tick does, from the files found and the rows recorded: which files to process
 * and why, which inputs were deleted, which only had their modification time touched. Size and
 * modification time are the cheap test; a file whose stat differs is hashed, and only a
 * different SHA-256 counts as a change. No side effects besides reading files to hash them,
 * stat-ing outputs and looking up deleted inputs.
 */
public final class TickPlanner {

    /** Reads what the planner needs from disk, so tests can stand in for it. */
    public interface Disk {
        /** The SHA-256 of an input. */
        String sha256(ScannedFile f) throws IOException;

        /** An output's size, or -1 when it does not exist. */
        long outputSize(String outputRelative);
    }

    /** Inputs recorded deleted on earlier ticks, which the planner does not hold in memory. */
    @FunctionalInterface
    public interface DeletedInputs {
        /** The first path, in path order, of a deleted input with this content that is not {@code present} again. */
        Optional<String> firstWithHash(String sha256, Predicate<String> present) throws SQLException;
    }

    /** No inputs deleted on earlier ticks beyond those among the rows given. */
    public static final DeletedInputs NONE_DELETED = (sha256, present) -> Optional.empty();

    /**
     * The plan.
     *
     * @param work files to process, in input order
     * @param touched files whose stat changed but whose content did not (their stat is updated)
     * @param deleted rows of inputs no longer present
     * @param keptOutputs rows of inputs deleted on earlier ticks whose outputs were kept (pruned when asked)
     * @param unchanged files that need nothing
     * @param waiting failed files whose backoff has not passed
     * @param quarantined quarantined files left alone
     * @param settling files modified too recently to be complete for sure, left for a later tick
     */
    public record Plan(List<WorkItem> work, List<ScannedFile> touched, List<FileRecord> deleted, List<FileRecord> keptOutputs,
                       int unchanged, int waiting, int quarantined, int settling) {
        /** This plan without deleting the files under {@code directories} (relative, unreadable on this tick). */
        public Plan sparing(List<String> directories) {
            if (directories.isEmpty()) {
                return this;
            }
            // a directory's files, or a file itself (one whose name is not text, passed over)
            Predicate<FileRecord> outside = r -> directories.stream().noneMatch(d -> r.path().startsWith(d + "/") || r.path().equals(d));
            return new Plan(work, touched, deleted.stream().filter(outside).toList(), keptOutputs.stream().filter(outside).toList(),
                    unchanged, waiting, quarantined, settling);
        }
    }

    /** How far past the tick's time a modification time still counts as this machine's clock, not a skewed one. */
    static final Duration CLOCK_AHEAD = Duration.ofMinutes(1);
    private final String outputExtension;
    private final String configHash;
    private final boolean reprocessOnConfigChange;
    private final Duration settle;
    private final boolean pruning;

    /**
     * @param outputExtension the output format's extension ({@code jsonl})
     * @param configHash the current configuration's fingerprint
     * @param reprocessOnConfigChange whether done files made with another configuration are processed again
     * @param settle how long a file must have gone unmodified before it is read: one modified since may
     *     still be being written (a copy in progress), and is left for a later tick
     */
    public TickPlanner(String outputExtension, String configHash, boolean reprocessOnConfigChange, Duration settle) {
        this(outputExtension, configHash, reprocessOnConfigChange, settle, false);
    }

    /**
     * @param pruning whether this tick removes the outputs of deleted inputs ({@code --prune}): they
     *     are then no obstacle to a new output where they were
     */
    public TickPlanner(String outputExtension, String configHash, boolean reprocessOnConfigChange, Duration settle, boolean pruning) {
        this.outputExtension = outputExtension;
        this.configHash = configHash;
        this.reprocessOnConfigChange = reprocessOnConfigChange;
        this.settle = settle;
        this.pruning = pruning;
    }

    /** The output path, relative to the output directory, of an input. */
    public String outputOf(String inputRelative) {
        return OutputSink.withExtension(inputRelative, outputExtension);
    }

    /**
     * Plans a tick.
     *
     * @param scanned the files found, sorted by relative path
     * @param rows the recorded rows by path: at least those of the present files and of every input not
     *     yet recorded deleted ({@link StateStore#rowsToPlan}); deleted ones among them with an output are
     *     the {@link Plan#keptOutputs}
     * @param now the tick's time (retry backoffs are compared with it)
     * @param disk hashes inputs and stats outputs
     * @param deletedBefore the deleted inputs not among {@code rows}, where a new file may have been renamed from
     * @throws InterruptedIOException when {@code disk} gives up hashing on a stop request
     */
    public Plan plan(List<ScannedFile> scanned, Map<String, FileRecord> rows, Instant now, Disk disk, DeletedInputs deletedBefore)
            throws SQLException, InterruptedIOException {
        Set<String> present = new HashSet<>();
        scanned.forEach(f -> present.add(f.relative()));
        List<FileRecord> deleted = new ArrayList<>();
        List<FileRecord> keptOutputs = new ArrayList<>();
        Map<String, String> goneByHash = new HashMap<>();
        for (FileRecord r : rows.values()) {
            if (present.contains(r.path())) {
                continue;
            }
            if (r.sha256() != null) {
                goneByHash.merge(r.sha256(), r.path(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
            if (r.status() != FileStatus.DELETED) {
                deleted.add(r);
            } else if (r.outputPath() != null) {
                keptOutputs.add(r);
            }
        }
        deleted.sort((a, b) -> a.path().compareTo(b.path()));
        keptOutputs.sort((a, b) -> a.path().compareTo(b.path()));
        Map<String, String> outputOwners = claimOutputs(scanned, rows);
        java.util.TreeMap<String, String> outputsInOrder = new java.util.TreeMap<>(outputOwners);
        // outputs that stay on disk for inputs gone (this tick or before): a new output cannot be written above or below them
        java.util.TreeMap<String, String> keptOwners = new java.util.TreeMap<>();
        for (List<FileRecord> gone : pruning ? List.<List<FileRecord>>of() : List.of(deleted, keptOutputs)) {
            for (FileRecord r : gone) {
                if (r.outputPath() != null) {
                    keptOwners.putIfAbsent(r.outputPath(), r.path());
                }
            }
        }

        List<WorkItem> work = new ArrayList<>();
        List<ScannedFile> touched = new ArrayList<>();
        int unchanged = 0;
        int waiting = 0;
        int quarantined = 0;
        int settling = 0;
        long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        long settledNanos = nowNanos - settle.toNanos();
        // files written while this tick loaded the pipeline and scanned are a little ahead of its time and still settling; a
        // modification time further ahead (a file server whose clock runs ahead) cannot be judged, and is not waited for
        long aheadNanos = nowNanos + CLOCK_AHEAD.toNanos();
        for (ScannedFile f : scanned) {
            if (!settle.isZero() && f.mtimeNanos() > settledNanos && f.mtimeNanos() <= aheadNanos) {
                settling++;
                continue;
            }
            String output = outputOf(f.relative());
            String problem = outputProblem(f.relative(), output, outputsInOrder, keptOwners, rows);
            FileRecord r = rows.get(f.relative());
            String previous = r == null || r.outputPath() == null || r.outputPath().equals(output) ? null : r.outputPath();
            boolean sameStat = r != null && r.sha256() != null && f.sameStat(r.size(), r.mtimeNanos());
            String hash;
            try {
                hash = sameStat ? r.sha256() : disk.sha256(f);
            } catch (NoSuchFileException gone) {
                // moved away since the scan (archived by a consumer): no attempt, no change; the next scan records it gone
                continue;
            } catch (InterruptedIOException stopped) {
                throw stopped; // a stop request: the tick plans nothing, it is not this file's failure
            } catch (IOException e) {
                // an unreadable file keeps to the backoff and the quarantine as a file whose processing failed does
                if (r != null && r.status() == FileStatus.QUARANTINED) {
                    quarantined++;
                    continue;
                }
                if (r != null && inBackoff(r, now)) {
                    waiting++;
                    continue;
                }
                int before = r != null && r.status() != FileStatus.DONE && r.status() != FileStatus.DELETED ? r.attempts() : 0;
                work.add(new WorkItem(f, null, r == null || r.status() == FileStatus.DELETED ? WorkItem.Reason.NEW
                        : r.status() == FileStatus.FAILED ? WorkItem.Reason.RETRY : WorkItem.Reason.CHANGED, before, output, previous, null,
                        "cannot read it: " + IoErrors.explain(e)));
                continue;
            }
            if (r == null || r.status() == FileStatus.DELETED) {
                String from = renamedFrom(hash, goneByHash, present, deletedBefore);
                work.add(new WorkItem(f, hash, WorkItem.Reason.NEW, 0, output, previous, f.relative().equals(from) ? null : from, problem));
                continue;
            }
            if (!hash.equals(r.sha256())) {
                work.add(new WorkItem(f, hash, WorkItem.Reason.CHANGED, 0, output, previous, null, problem));
                continue;
            }
            if (!sameStat) {
                touched.add(f);
            }
            switch (r.status()) {
                case PENDING -> work.add(new WorkItem(f, hash, WorkItem.Reason.PENDING, r.attempts(), output, previous, null, problem));
                case QUARANTINED -> quarantined++;
                case FAILED -> {
                    // a configuration changed since the failure (onError: fail to skip, a fixed model) may be its fix: due now
                    boolean sameConfig = configHash.equals(r.configHash());
                    if (sameConfig && inBackoff(r, now)) {
                        waiting++;
                    } else {
                        work.add(new WorkItem(f, hash, sameConfig ? WorkItem.Reason.RETRY : WorkItem.Reason.CONFIG_CHANGED, r.attempts(),
                                output, previous, null, problem));
                    }
                }
                case DONE -> {
                    if (reprocessOnConfigChange && !configHash.equals(r.configHash())) {
                        work.add(new WorkItem(f, hash, WorkItem.Reason.CONFIG_CHANGED, 0, output, previous, null, problem));
                    } else if (r.outputPath() == null || disk.outputSize(r.outputPath()) != r.outputSize()) {
                        work.add(new WorkItem(f, hash, WorkItem.Reason.OUTPUT_MISSING, 0, output, previous, null, problem));
                    } else {
                        unchanged++;
                    }
                }
                default -> throw new IllegalStateException("unexpected status " + r.status());
            }
        }
        return new Plan(work, touched, deleted, keptOutputs, unchanged, waiting, quarantined, settling);
    }

    /**
     * Whether a failed file's backoff has not yet passed. A retry time more than the longest backoff
     * ahead was recorded while the clock was ahead (set back since): it would hold the file for as
     * long as the clock had been wrong, so the file is due now.
     */
    private static boolean inBackoff(FileRecord r, Instant now) {
        return r.status() == FileStatus.FAILED && r.nextAttemptAt() != null && now.isBefore(r.nextAttemptAt())
                && !r.nextAttemptAt().isAfter(now.plus(ScheduleSettings.MAX_BACKOFF));
    }

    /** The first gone input, in path order, with this content: among the rows, or among inputs deleted earlier. */
    private static String renamedFrom(String hash, Map<String, String> goneByHash, Set<String> present, DeletedInputs deletedBefore)
            throws SQLException {
        String fromRows = goneByHash.get(hash);
        String fromEarlier = deletedBefore.firstWithHash(hash, present::contains).orElse(null);
        if (fromRows == null || fromEarlier == null) {
            return fromRows == null ? fromEarlier : fromRows;
        }
        return fromRows.compareTo(fromEarlier) <= 0 ? fromRows : fromEarlier;
    }

    /**
     * Why {@code input}'s output cannot be written, or {@code null}: another input owns the name; or
     * one output file would have to be a directory of the other ({@code a.txt} → {@code a.jsonl},
     * {@code a.jsonl/b.txt} → {@code a.jsonl/b.jsonl}), which fails at publishing every tick. Of such
     * a pair the input whose output is not yet on disk is told (the nested one when neither is), and
     * an output kept for a deleted input always stays.
     */
    private String outputProblem(String input, String output, java.util.TreeMap<String, String> owners,
                                 java.util.TreeMap<String, String> kept, Map<String, FileRecord> rows) {
        String owner = owners.get(output);
        String advice = "; rename one of them or narrow --glob";
        if (!owner.equals(input)) {
            return "its output " + output + " is already written for " + owner + advice;
        }
        boolean mine = published(input, rows);
        String above = outputAbove(output, owners);
        if (above != null && !(mine && !published(owners.get(above), rows))) {
            return "its output " + output + " lies under " + above + ", the output file of " + owners.get(above) + advice;
        }
        String below = outputBelow(output, owners);
        if (below != null && !mine && published(owners.get(below), rows)) {
            return "its output " + output + " is the directory of " + below + ", the output of " + owners.get(below) + advice;
        }
        String keptAbove = outputAbove(output, kept);
        String keptBelow = keptAbove != null ? null : outputBelow(output, kept);
        String other = keptAbove != null ? keptAbove : keptBelow;
        if (other != null && !other.equals(output)) {
            return "its output " + output + (keptAbove != null ? " lies under " : " is the directory of ") + other
                    + ", the output kept for the deleted input " + kept.get(other) + "; remove that output (a tick with --prune does)"
                    + " or rename this input";
        }
        return null;
    }

    /** Whether {@code input}'s output is on disk: its row records it as written. */
    private boolean published(String input, Map<String, FileRecord> rows) {
        FileRecord r = rows.get(input);
        return r != null && r.status() != FileStatus.DELETED && outputOf(input).equals(r.outputPath());
    }

    /** The output file that is a directory above {@code output} ({@code a.jsonl} above {@code a.jsonl/b.jsonl}), or {@code null}. */
    private static String outputAbove(String output, Map<String, String> outputs) {
        for (int slash = output.lastIndexOf('/'); slash > 0; slash = output.lastIndexOf('/', slash - 1)) {
            if (outputs.containsKey(output.substring(0, slash))) {
                return output.substring(0, slash);
            }
        }
        return null;
    }

    /** An output file inside {@code output} taken as a directory, or {@code null}. */
    private static String outputBelow(String output, java.util.TreeMap<String, String> outputs) {
        String next = outputs.ceilingKey(output + "/");
        return next != null && next.startsWith(output + "/") ? next : null;
    }

    /**
     * Which input owns each output name when several inputs map to one ({@code a.txt} and
     * {@code a.csv} both give {@code a.jsonl}): the one whose output it already is (also while its own
     * new version fails or waits: the row keeps the output it published), else the first in path
     * order. The others fail with a message instead of overwriting it.
     */
    private Map<String, String> claimOutputs(List<ScannedFile> scanned, Map<String, FileRecord> rows) {
        Map<String, String> owners = new HashMap<>();
        for (ScannedFile f : scanned) {
            FileRecord r = rows.get(f.relative());
            String output = outputOf(f.relative());
            if (r != null && r.status() != FileStatus.DELETED && output.equals(r.outputPath())) {
                owners.putIfAbsent(output, f.relative());
            }
        }
        for (ScannedFile f : scanned) {
            owners.putIfAbsent(outputOf(f.relative()), f.relative());
        }
        return owners;
    }
}
