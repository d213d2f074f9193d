package dev.nlpipe.cli.schedule;

import dev.nlpipe.core.io.InstanceLock;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code nlpipe schedule status} shows, read from a state database (never from the input
 * directory): file counts by status, whether a scheduler is running, the last run, and the
 * failed, quarantined and interrupted files (pending after an attempt the process did not survive)
 * with their errors. One map serves {@code --json} and the text form.
 */
public final class StatusReport {
    private StatusReport() {
    }

    /**
     * Reads the report.
     *
     * @param store the open state database
     * @param limit at most this many files per list
     */
    public static Map<String, Object> read(StateStore store, int limit) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", store.file().toString());
        m.put("input", store.meta("input_dir").orElse(null));
        m.put("output", store.meta("output_dir").orElse(null));
        m.put("pipeline", store.meta("pipeline").orElse(null));
        m.put("running", InstanceLock.liveOwner(store.file()).map(StatusReport::owner).orElse(null));
        Map<String, Object> counts = new LinkedHashMap<>();
        store.counts().forEach((status, n) -> counts.put(status.key(), n));
        m.put("counts", counts);
        m.put("filesWithBadRecords", store.filesWithBadRecords());
        boolean holder = m.get("running") != null;
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Map<String, Object> r : store.lastRuns(2)) {
            if (!holder && "running".equals(r.get("status"))) {
                // nobody holds the lock: the run was killed (the next scheduler marks it so when it starts)
                r = new LinkedHashMap<>(r);
                r.put("status", "killed");
            }
            runs.add(r);
        }
        m.put("lastRun", runs.isEmpty() ? null : run(runs.get(0)));
        // while a tick runs, lastRun is that tick with its counts still at zero: the last one that ended says how it went
        m.put("lastFinishedRun", runs.stream().filter(r -> !"running".equals(r.get("status"))).findFirst().map(StatusReport::run)
                .orElse(null));
        int maxAttempts = Integer.parseInt(store.meta("max_attempts").orElse("3"));
        List<Map<String, Object>> failed = new ArrayList<>();
        List<Map<String, Object>> quarantined = new ArrayList<>();
        for (FileRecord r : store.withStatus(FileStatus.FAILED, FileStatus.QUARANTINED)) {
            add(r.status() == FileStatus.FAILED ? failed : quarantined, r, maxAttempts, limit);
        }
        List<Map<String, Object>> interrupted = new ArrayList<>();
        List<Map<String, Object>> inProgress = new ArrayList<>();
        for (FileRecord r : store.interrupted()) {
            // every file a running scheduler starts carries the not-yet-judged "process ended" mark until it finishes: while
            // one runs, those are in progress, not crashes (an alert on interrupted would fire on every tick)
            boolean unjudged = StateStore.PROCESS_ENDED.equals(r.lastError()) || StateStore.PROCESS_STOPPING.equals(r.lastError());
            add(holder && unjudged ? inProgress : interrupted, r, maxAttempts, limit);
        }
        m.put("failed", failed);
        m.put("quarantined", quarantined);
        m.put("interrupted", interrupted);
        m.put("inProgress", inProgress);
        return m;
    }

    private static void add(List<Map<String, Object>> list, FileRecord r, int maxAttempts, int limit) {
        if (list.size() >= limit) {
            return;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", r.path());
        f.put("attempts", r.attempts());
        f.put("maxAttempts", maxAttempts);
        f.put("error", r.lastError());
        f.put("nextAttempt", r.nextAttemptAt() == null ? null : r.nextAttemptAt().toString());
        list.add(f);
    }

    private static Map<String, Object> owner(InstanceLock.Owner o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", o.pid());
        m.put("host", o.host());
        m.put("since", o.since().toString());
        return m;
    }

    /** A runs row with times as ISO-8601 and camelCase keys. */
    private static Map<String, Object> run(Map<String, Object> row) {
        Map<String, Object> m = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            String key = camel(k);
            if ((k.endsWith("_at")) && v instanceof Number n) {
                m.put(key, Instant.ofEpochMilli(n.longValue()).toString());
            } else {
                m.put(key, v);
            }
        });
        return m;
    }

    private static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** The report as text for a terminal. */
    @SuppressWarnings("unchecked")
    public static String format(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        line(sb, "state", m.get("state"));
        line(sb, "input", m.get("input"));
        line(sb, "output", m.get("output"));
        line(sb, "pipeline", m.get("pipeline"));
        Map<String, Object> running = (Map<String, Object>) m.get("running");
        line(sb, "running", running == null ? "no" : "pid " + running.get("pid") + " on " + running.get("host") + " since " + running.get("since"));
        Map<String, Object> last = (Map<String, Object>) m.get("lastRun");
        if (last == null) {
            line(sb, "last run", "none yet");
        } else {
            line(sb, "last run", String.format(Locale.ROOT, "#%s (%s) started %s, %s%s: %s processed (%s ok, %s failed, %s quarantined),"
                            + " %s deleted, %s documents in, %s bad records", last.get("id"), last.get("trigger"), last.get("startedAt"),
                    last.get("status"), last.get("seconds") instanceof Number n && last.get("finishedAt") != null
                            ? String.format(Locale.ROOT, " after %.2f s", n.doubleValue()) : "",
                    last.get("processed"), last.get("succeeded"), last.get("failed"), last.get("quarantined"), last.get("deleted"),
                    last.get("docsIn"), last.get("badRecords")) + (last.get("message") == null ? "" : "; " + last.get("message")));
        }
        Map<String, Object> counts = (Map<String, Object>) m.get("counts");
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(v + " " + k));
        line(sb, "files", String.join(", ", parts));
        if (m.get("filesWithBadRecords") instanceof Number n && n.longValue() > 0) {
            line(sb, "", n + " done file(s) had bad records, listed in OUTPUT_FILE.errors.jsonl beside their outputs");
        }
        List<Map<String, Object>> failed = (List<Map<String, Object>>) m.get("failed");
        if (!failed.isEmpty()) {
            sb.append("failed (retried automatically):\n");
            for (Map<String, Object> f : failed) {
                sb.append(String.format(Locale.ROOT, "  %s  attempt %s of %s, next try from %s: %s%n", f.get("path"), f.get("attempts"),
                        f.get("maxAttempts"), f.get("nextAttempt"), f.get("error")));
            }
        }
        List<Map<String, Object>> interrupted = (List<Map<String, Object>>) m.get("interrupted");
        if (!interrupted.isEmpty()) {
            sb.append("interrupted (the process ended while processing them; tried again on the next tick, quarantined after max"
                    + " attempts):\n");
            for (Map<String, Object> f : interrupted) {
                sb.append(String.format(Locale.ROOT, "  %s  attempt %s of %s%n", f.get("path"), f.get("attempts"), f.get("maxAttempts")));
            }
        }
        List<Map<String, Object>> inProgress = (List<Map<String, Object>>) m.get("inProgress");
        if (!inProgress.isEmpty()) {
            sb.append("in progress (the running scheduler is on them):\n");
            for (Map<String, Object> f : inProgress) {
                sb.append(String.format(Locale.ROOT, "  %s  attempt %s of %s%n", f.get("path"), f.get("attempts"), f.get("maxAttempts")));
            }
        }
        List<Map<String, Object>> quarantined = (List<Map<String, Object>>) m.get("quarantined");
        if (!quarantined.isEmpty()) {
            sb.append("quarantined (release with `nlpipe schedule retry --state ").append(m.get("state")).append(" [PATH...]`):\n");
            for (Map<String, Object> f : quarantined) {
                sb.append(String.format(Locale.ROOT, "  %s  %s attempts: %s%n", f.get("path"), f.get("attempts"), f.get("error")));
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, Object value) {
        sb.append(String.format(Locale.ROOT, "%-9s %s%n", key, value == null ? "-" : value));
    }

    /** A user's path for retry: relative to the input directory as recorded, or made so when it lies under it. */
    public static String relativeToInput(String given, String inputDir) {
        if (inputDir == null) {
            return given;
        }
        Path p = Path.of(given).toAbsolutePath().normalize();
        Path in = Path.of(inputDir);
        return p.startsWith(in) ? in.relativize(p).toString().replace(java.io.File.separatorChar, '/') : given;
    }
}
