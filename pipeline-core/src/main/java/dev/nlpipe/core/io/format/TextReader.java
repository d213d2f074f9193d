package dev.nlpipe.core.io.format;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.CorpusReader;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.LineSplitting;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import java.io.IOException;
import java.util.List;

/** Plain text: one document per line (default) or one per file. */
public final class TextReader implements ReaderProvider {

    @Override
    public String name() {
        return "text";
    }

    @Override
    public String description() {
        return "plain UTF-8 text, one document per line or per file (.gz read transparently)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.choice("unit", "line", "one document per 'line' or per 'file'", "line", "file"),
                OptionSpec.bool("skipEmpty", true, "skip empty and whitespace-only lines"));
    }

    @Override
    public LineSplitting lineSplitting(Options options) {
        return options.getString("unit").equals("line") ? LineSplitting.PLAIN : null;
    }

    @Override
    public CorpusReader open(InputSource source, Options options, ReadSettings settings) throws IOException {
        boolean skipEmpty = options.getBoolean("skipEmpty");
        if (options.getString("unit").equals("file")) {
            return WholeFileReader.open(source, settings, skipEmpty);
        }
        return new LineRecordReader(source, settings) {
            @Override
            protected Document readNext() throws IOException {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (skipEmpty && line.isBlank()) {
                        continue;
                    }
                    long n = lines.lineNumber();
                    return stamp(new Document(idAt(n), line), n);
                }
                return null;
            }
        };
    }
}
