package dev.nlpipe.spark;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A Spark output written under a staging name beside its target and moved into place only when
 * the job succeeded, as {@code nlpipe run} publishes its files: Spark's {@code SaveMode.Overwrite}
 * deletes the target before the job starts, so a job that failed (a bad record under
 * {@code onError: fail}, a lost executor) would otherwise leave no output at all where the last
 * good one was.
 */
final class StagedOutput {
    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final Path aside;

    /**
     * How long a staging directory of another run must have been left untouched before a run of
     * the same target removes it: longer than any job goes without a task committing its output.
     */
    static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofDays(2);

    private StagedOutput(FileSystem fs, Path target, String run) {
        this.fs = fs;
        this.target = target;
        this.staging = staging(target, run);
        this.aside = aside(target, run);
    }

    /** Where a run writes before it publishes; {@code *} for any run's. */
    private static Path staging(Path target, String run) {
        return new Path(target.getParent(), "." + target.getName() + ".nlpipe-tmp-" + run);
    }

    /** Where the earlier output of {@code target} is moved while a run publishes; {@code *} for any run's. */
    private static Path aside(Path target, String run) {
        return new Path(target.getParent(), "." + target.getName() + ".nlpipe-old-" + run);
    }

    /**
     * @param target the output's URI (a trailing slash is ignored)
     * @param run a name for this run, unique among runs that may write the same target at once
     */
    static StagedOutput of(String target, String run, Configuration hadoop) throws IOException {
        Path t = new Path(target.replaceFirst("(?<=.)/+$", ""));
        FileSystem fs = t.getFileSystem(hadoop);
        // qualified, so a relative target has a parent to stage beside
        return new StagedOutput(fs, fs.makeQualified(t), run);
    }

    /**
     * Mends what a run that ended inside {@link #publish} left (a driver killed between its two
     * renames): with no target, the newest earlier output moved aside is moved back, so the last
     * good output is where it was; with a target, the copies moved aside are deleted.
     *
     * @param restore whether an output moved aside may be moved back (not for an errors output,
     *     which could then sit beside an output it does not belong to)
     * @return what was done, for the job's summary, or {@code null} when nothing was left
     */
    String recoverInterruptedPublish(boolean restore) throws IOException {
        FileStatus[] asides = fs.globStatus(aside(target, "*"));
        if (asides == null || asides.length == 0) {
            return null;
        }
        Arrays.sort(asides, Comparator.comparingLong(FileStatus::getModificationTime).reversed());
        String restored = null;
        if (restore && !fs.exists(target) && fs.rename(asides[0].getPath(), target)) {
            restored = asides[0].getPath().getName();
            asides = Arrays.copyOfRange(asides, 1, asides.length);
        }
        for (FileStatus aside : asides) {
            fs.delete(aside.getPath(), true);
        }
        return restored != null ? "moved the earlier output back from " + restored + " (a run ended while publishing)"
                : "deleted " + asides.length + " earlier output(s) left beside " + target.getName() + " by a run that ended while publishing";
    }

    /**
     * Removes the staging directories that runs of this target left when their driver was killed
     * (a failed job discards its own): those untouched for {@link #ABANDONED_AFTER}, which no
     * running job leaves its output.
     *
     * @param now the time to judge by, in milliseconds since the epoch
     * @return what was done, for the job's summary, or {@code null} when nothing was left
     */
    String removeAbandonedStaging(long now) throws IOException {
        FileStatus[] left = fs.globStatus(staging(target, "*"));
        int removed = 0;
        for (FileStatus dir : left == null ? new FileStatus[0] : left) {
            if (dir.getPath().equals(staging)) {
                continue;
            }
            // every file, however deep: a running job's tasks write under _temporary/0/... and change no upper time
            long touched = dir.getModificationTime();
            org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(dir.getPath(), true);
            while (files.hasNext()) {
                touched = Math.max(touched, files.next().getModificationTime());
            }
            if (now - touched > ABANDONED_AFTER.toMillis() && fs.delete(dir.getPath(), true)) {
                removed++;
            }
        }
        return removed == 0 ? null : "deleted " + removed + " staging director" + (removed == 1 ? "y" : "ies") + " of " + target.getName()
                + " left by runs that ended before publishing (untouched for over " + ABANDONED_AFTER.toDays() + " days)";
    }

    /** Where Spark writes. */
    String staging() {
        return staging.toString();
    }

    /**
     * Replaces the target by what was written: the earlier output is moved aside first (a rename
     * onto an existing directory would move into it) and deleted once the new one is in place; if
     * the move in fails, it is moved back.
     */
    void publish() throws IOException {
        boolean replacing = fs.exists(target);
        if (replacing) {
            fs.delete(aside, true);
            if (!fs.rename(target, aside)) {
                throw new IOException("cannot move the earlier output " + target + " aside; the new one is complete in " + staging);
            }
        }
        if (!fs.rename(staging, target)) {
            if (replacing) {
                fs.rename(aside, target);
            }
            throw new IOException("cannot move the new output into " + target + "; it is complete in " + staging);
        }
        if (replacing) {
            fs.delete(aside, true);
        }
    }

    /** Deletes what was written (the job failed); the target is left as it was. */
    void discard() throws IOException {
        fs.delete(staging, true);
    }

    /** Discards each of {@code outputs}, a failure to do so added to {@code cause} rather than hiding it. */
    static void discardAll(Exception cause, StagedOutput... outputs) {
        for (StagedOutput o : outputs) {
            try {
                o.discard();
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** Deletes the target, for an errors output that a run without bad records makes stale. */
    void removeTarget() throws IOException {
        fs.delete(target, true);
    }
}
