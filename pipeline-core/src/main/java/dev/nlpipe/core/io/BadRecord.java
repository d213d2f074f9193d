package dev.nlpipe.core.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record that could not be read or processed: written as one line of
 * {@code <output>.errors.jsonl} while the run goes on.
 *
 * @param source the input file (or {@code -} for standard input)
 * @param line the 1-based line (or record) number in the source, 0 when unknown
 * @param id the document id when the record was read, else {@code null}
 * @param stage the stage that failed, or {@code null} for a reading error
 * @param reason what went wrong
 */
public record BadRecord(String source, long line, String id, String stage, String reason) {

    /** A record that could not be read. */
    public static BadRecord unreadable(String source, long line, String reason) {
        return new BadRecord(source, line, null, null, reason);
    }

    /** The fields written to the errors file, absent ones omitted. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("line", line);
        if (id != null) {
            m.put("id", id);
        }
        if (stage != null) {
            m.put("stage", stage);
        }
        m.put("reason", reason);
        return m;
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + (stage != null ? "stage '" + stage + "': " : "") + reason;
    }
}
