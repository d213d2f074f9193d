package dev.nlpipe.nn;

import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.AtomicFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics.jsonl}: one JSON object per finished epoch (loss, learning rate, dev scores, speed).
 * The file is rewritten whole from the run's history after every epoch, so after a resume it holds
 * exactly the epochs of the checkpoint and those trained since.
 */
public final class MetricsLog {
    /** The file name in the model and checkpoint directories. */
    public static final String FILE = "metrics.jsonl";

    private MetricsLog() {
    }

    /** Writes the history to {@code file}, one line per epoch. */
    public static void write(Path file, List<Map<String, Object>> history) throws IOException {
        try (AtomicFile f = AtomicFile.create(file)) {
            Writer w = f.writer();
            for (Map<String, Object> epoch : history) {
                w.write(DocumentJson.mapper().writeValueAsString(epoch));
                w.write('\n');
            }
            f.commit();
        }
    }
}
