package dev.nlpipe.core.run;

import dev.nlpipe.core.io.BadRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run did: documents read, written and failed, wall time, and time per stage.
 *
 * @param pipeline the pipeline's name
 * @param read documents read from the input
 * @param written documents written to the output
 * @param failed records that failed (unreadable, or failing in a stage)
 * @param wallSeconds elapsed time of the whole run
 * @param inputBytes bytes of input read
 * @param threads worker threads used
 * @param stages per-stage statistics, in pipeline order
 * @param firstErrors the first few bad records
 * @param errorsFile where all bad records were written, or {@code null}
 * @param outputs the files published
 * @param warnings records read as they are that look wrong (see {@link dev.nlpipe.core.io.BadRecordSink#warn});
 *     they do not count as failed
 * @param firstWarnings the first few warnings
 */
public record RunSummary(String pipeline, long read, long written, long failed, double wallSeconds, long inputBytes, int threads,
                         List<StageStats> stages, List<BadRecord> firstErrors, String errorsFile, List<String> outputs,
                         long warnings, List<BadRecord> firstWarnings) {

    /** A summary without warnings. */
    public RunSummary(String pipeline, long read, long written, long failed, double wallSeconds, long inputBytes, int threads,
                      List<StageStats> stages, List<BadRecord> firstErrors, String errorsFile, List<String> outputs) {
        this(pipeline, read, written, failed, wallSeconds, inputBytes, threads, stages, firstErrors, errorsFile, outputs, 0, List.of());
    }

    /** Exit code for scripts: 0 when nothing failed, 1 when some records failed. */
    public int exitCode() {
        return failed > 0 ? 1 : 0;
    }

    /** Documents read per second of wall time. */
    public double docsPerSecond() {
        return wallSeconds > 0 ? read / wallSeconds : 0;
    }

    /** A human-readable summary for standard error. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: read %,d, wrote %,d, failed %,d documents in %.2f s (%,.0f docs/s, %d thread%s)%n",
                pipeline, read, written, failed, wallSeconds, docsPerSecond(), threads, threads == 1 ? "" : "s"));
        if (!stages.isEmpty()) {
            int width = Math.max(5, stages.stream().mapToInt(s -> s.id().length()).max().orElse(5));
            sb.append(String.format(Locale.ROOT, "  %-" + width + "s %12s %12s %10s %14s%n", "stage", "docs in", "docs out", "time s", "docs/s/thread"));
            for (StageStats s : stages) {
                sb.append(String.format(Locale.ROOT, "  %-" + width + "s %,12d %,12d %10.2f %,14.0f%n",
                        s.id(), s.docsIn(), s.docsOut(), s.seconds(), s.docsPerSecond()));
            }
        }
        for (BadRecord r : firstErrors) {
            sb.append("  bad record: ").append(r).append('\n');
        }
        if (failed > firstErrors.size()) {
            sb.append("  ... ").append(failed - firstErrors.size()).append(" more");
            sb.append(errorsFile != null ? " in " + errorsFile : "").append('\n');
        } else if (failed > 0 && errorsFile != null) {
            sb.append("  all bad records: ").append(errorsFile).append('\n');
        }
        for (BadRecord w : firstWarnings) {
            sb.append("  warning: ").append(w).append('\n');
        }
        if (warnings > firstWarnings.size()) {
            sb.append("  ... ").append(warnings - firstWarnings.size()).append(" more warnings (").append(warnings)
                    .append(" in all; those records were read as they are)\n");
        }
        for (String o : outputs) {
            sb.append("  output: ").append(o).append('\n');
        }
        return sb.toString();
    }

    /** The summary as plain values for {@code --metrics FILE}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pipeline", pipeline);
        m.put("documents_read", read);
        m.put("documents_written", written);
        m.put("documents_failed", failed);
        m.put("warnings", warnings);
        m.put("wall_seconds", wallSeconds);
        m.put("documents_per_second", docsPerSecond());
        m.put("input_bytes", inputBytes);
        m.put("threads", threads);
        List<Map<String, Object>> st = new ArrayList<>();
        for (StageStats s : stages) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", s.id());
            e.put("type", s.type());
            e.put("documents_in", s.docsIn());
            e.put("documents_out", s.docsOut());
            e.put("failed", s.failed());
            e.put("seconds", s.seconds());
            e.put("documents_per_second_per_thread", s.docsPerSecond());
            st.add(e);
        }
        m.put("stages", st);
        if (errorsFile != null && failed > 0) {
            m.put("errors_file", errorsFile);
        }
        m.put("outputs", outputs);
        return m;
    }
}
