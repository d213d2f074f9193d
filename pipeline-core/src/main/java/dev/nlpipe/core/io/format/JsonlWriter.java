package dev.nlpipe.core.io.format;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.DocumentWriter;
import dev.nlpipe.core.io.WriterProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** The full document as one JSON object per line (the public JSONL contract). */
public final class JsonlWriter implements WriterProvider {

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public String description() {
        return "JSON Lines: every document with all its layers, one object per line";
    }

    @Override
    public String extension() {
        return "jsonl";
    }

    @Override
    public DocumentWriter create(Options options) {
        return (doc, out) -> append(doc, out);
    }

    private static void append(Document doc, StringBuilder out) {
        try (JsonGenerator g = DocumentJson.factory().createGenerator(new StringBuilderWriter(out))) {
            DocumentJson.write(doc, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.append('\n');
    }

    /** A writer into a StringBuilder, without StringWriter's synchronization. */
    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder sb;

        StringBuilderWriter(StringBuilder sb) {
            this.sb = sb;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            sb.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            sb.append(str, off, off + len);
        }

        @Override
        public void write(int c) {
            sb.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
