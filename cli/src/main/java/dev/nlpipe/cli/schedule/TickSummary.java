package dev.nlpipe.cli.schedule;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What one tick did, counted as it goes (by the scheduler's thread) and printed at its end. */
public final class TickSummary {
    /** The run's number in the state (its {@code runs} row), as {@code schedule status} names it. */
    final long tick;
    final String trigger;
    int seen;
    int unchanged;
    int waiting;
    int settling;
    int quarantinedSkipped;
    int deleted;
    int pruned;
    final Map<WorkItem.Reason, Integer> planned = new EnumMap<>(WorkItem.Reason.class);
    int succeeded;
    int failed;
    int quarantined;
    long docsIn;
    long docsOut;
    long badRecords;
    double seconds;
    boolean stopped;
    /** Stopped while the changed inputs were hashed: nothing planned, nothing recorded. */
    boolean stoppedBeforePlan;
    String error;
    String configHash;

    TickSummary(long tick, String trigger) {
        this.tick = tick;
        this.trigger = trigger;
    }

    /** Files planned for processing. */
    public int planned() {
        return planned.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Files processed (successfully or not). */
    public int processed() {
        return succeeded + failed + quarantined;
    }

    /** Files whose processing failed on this tick (including those now quarantined). */
    public int failures() {
        return failed + quarantined;
    }

    /** Whether anything went wrong that a one-shot run should report with exit code 1. */
    public boolean hadFailures() {
        return failures() > 0 || badRecords > 0 || error != null;
    }

    /** The tick's first line: what was found. */
    String planLine(String inputDir) {
        String reasons = planned.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "tick #%d (%s): %,d files under %s; %,d to process%s, %,d unchanged, %,d deleted%s%s%s",
                tick, trigger, seen, inputDir, planned(), reasons.isEmpty() ? "" : " (" + reasons + ")", unchanged, deleted,
                waiting > 0 ? String.format(Locale.ROOT, ", %,d waiting to retry", waiting) : "",
                quarantinedSkipped > 0 ? String.format(Locale.ROOT, ", %,d quarantined", quarantinedSkipped) : "",
                settling > 0 ? String.format(Locale.ROOT, ", %,d modified in the last moments (left for a later tick)", settling) : "");
    }

    /** The tick's last line: what was done, and how fast. */
    String doneLine() {
        if (error != null) {
            return String.format(Locale.ROOT, "tick #%d failed after %.2f s: %s", tick, seconds, error);
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "tick #%d %s in %.2f s: %,d processed (%,d ok, %,d failed, %,d quarantined), %,d documents in, %,d out, %,d bad records",
                tick, stopped ? "stopped" : "done", seconds, processed(), succeeded, failed, quarantined, docsIn, docsOut, badRecords));
        if (processed() > 0 && seconds > 0) {
            sb.append(String.format(Locale.ROOT, "; %,.1f files/s, %,.0f docs/s", processed() / seconds, docsIn / seconds));
        }
        if (pruned > 0) {
            sb.append(String.format(Locale.ROOT, "; %,d outputs pruned", pruned));
        }
        if (stoppedBeforePlan) {
            sb.append("; stopped before its files were planned: they are looked at again on the next run");
        } else if (stopped) {
            sb.append(String.format(Locale.ROOT, "; %,d files left pending for the next run", planned() - processed()));
        }
        return sb.toString();
    }
}
