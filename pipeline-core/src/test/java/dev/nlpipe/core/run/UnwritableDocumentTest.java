package dev.nlpipe.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.DocumentSink;
import dev.nlpipe.core.io.DocumentWriter;
import dev.nlpipe.core.io.ErrorLog;
import dev.nlpipe.core.io.UnwritableDocumentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A document the output format cannot write is a bad record of the step 'output'; the run goes on. */
class UnwritableDocumentTest {

    /** Rejects documents whose text is "BAD", either in a worker's formatter or in the sink itself. */
    private static final class PickySink implements DocumentSink {
        final List<String> written = new ArrayList<>();
        private final boolean formatsInWorkers;

        PickySink(boolean formatsInWorkers) {
            this.formatsInWorkers = formatsInWorkers;
        }

        @Override
        public DocumentWriter formatter() {
            if (!formatsInWorkers) {
                return null;
            }
            return (doc, out) -> {
                if (doc.text().equals("BAD")) {
                    throw new IllegalArgumentException("cannot write " + doc.id());
                }
                out.append(doc.text()).append('\n');
            };
        }

        @Override
        public void accept(Document doc, byte[] formatted) {
            if (!formatsInWorkers && doc.text().equals("BAD")) {
                throw new UnwritableDocumentException(doc, new IllegalArgumentException("cannot write " + doc.id()));
            }
            written.add(doc.text());
        }

        @Override
        public void commit() {
        }

        @Override
        public void abort() {
        }
    }

    private static List<Document> docs() {
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            out.add(new Document("d" + i, i % 10 == 3 ? "BAD" : "ok " + i));
        }
        return out;
    }

    private static RunSummary run(PickySink sink, int threads) throws IOException {
        ErrorLog errors = new ErrorLog(null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), OnError.SKIP);
        PipelineRunner runner = new PipelineRunner("t", List.of(), new RunOptions(threads, 4, OnError.SKIP, false), null);
        return runner.run(docs().iterator(), sink, errors, 0, () -> 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aDocumentTheWorkersCannotFormatIsABadRecord(int threads) throws IOException {
        PickySink sink = new PickySink(true);
        RunSummary s = run(sink, threads);
        assertEquals(5, s.failed());
        assertEquals(45, s.written());
        assertEquals(45, sink.written.size());
    }

    @Test
    void aDocumentTheSinkCannotWriteIsABadRecord() throws IOException {
        PickySink sink = new PickySink(false);
        RunSummary s = run(sink, 1);
        assertEquals(5, s.failed());
        assertEquals(45, s.written());
    }
}
