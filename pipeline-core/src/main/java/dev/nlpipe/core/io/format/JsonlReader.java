package dev.nlpipe.core.io.format;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.CorpusReader;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.LineSplitting;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import java.io.IOException;
import java.util.List;

/**
 * JSON Lines: one object per line. Field names for id, text, label(s) and language are
 * configurable; the other document fields ({@code tokens}, {@code entities}, ...) are read as
 * written by the {@code jsonl} writer, and unknown fields are kept in {@code meta}.
 */
public final class JsonlReader implements ReaderProvider {

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public String description() {
        return "JSON Lines, one document object per line (the jsonl writer's output reads back unchanged)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.string("idField", "id", "field holding the document id (default: file:line)"),
                OptionSpec.string("textField", "text", "field holding the text"),
                OptionSpec.string("labelField", "label", "field holding a label, a list of labels, or {label: score}"),
                OptionSpec.string("langField", "lang", "field holding the language code"));
    }

    @Override
    public boolean mayProvideAnyLayer() {
        return true;
    }

    @Override
    public LineSplitting lineSplitting(Options options) {
        return LineSplitting.PLAIN;
    }

    @Override
    public CorpusReader open(InputSource source, Options options, ReadSettings settings) throws IOException {
        DocumentJson.Fields fields = new DocumentJson.Fields(options.getString("idField"), options.getString("textField"),
                options.getString("labelField"), options.getString("langField"));
        return new LineRecordReader(source, settings) {
            @Override
            protected Document readNext() throws IOException {
                return nextRecord((line, n) -> DocumentJson.parse(line, fields, idAt(n)));
            }
        };
    }
}
