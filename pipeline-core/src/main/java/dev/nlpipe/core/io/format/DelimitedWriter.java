package dev.nlpipe.core.io.format;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.DocumentWriter;
import dev.nlpipe.core.io.WriterProvider;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * CSV and TSV with a header row (none with {@code header: false}, for tools that read every row as
 * a record), the counterpart of {@link DelimitedReader}: one row per document with the columns named
 * in {@code columns}, filled by name — the text, label (the top label), id
 * and language columns, and any other name from the document's metadata (empty when absent). TSV
 * is written unquoted (tabs and line breaks inside values become spaces), CSV quoted as RFC 4180
 * asks.
 */
public abstract class DelimitedWriter implements WriterProvider {
    private final String name;
    private final char delimiter;

    DelimitedWriter(String name, char delimiter) {
        this.name = name;
        this.delimiter = delimiter;
    }

    /** Comma-separated values. */
    public static final class Csv extends DelimitedWriter {
        public Csv() {
            super("csv", ',');
        }
    }

    /** Tab-separated values. */
    public static final class Tsv extends DelimitedWriter {
        public Tsv() {
            super("tsv", '\t');
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return (delimiter == ',' ? "comma" : "tab") + "-separated values with a header row (or header: false): text, label, id or"
                + " metadata columns by name";
    }

    @Override
    public String extension() {
        return name;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.stringList("columns", List.of("text", "label"), "header names, in order"),
                OptionSpec.bool("header", true, "whether the first row names the columns (false: rows only, as the reader's"
                        + " header: false reads them)"),
                OptionSpec.string("textColumn", "text", "the column that holds the text"),
                OptionSpec.string("labelColumn", "label", "the column that holds the label (the top label)"),
                OptionSpec.string("idColumn", "id", "the column that holds the document id"),
                OptionSpec.string("langColumn", "lang", "the column that holds the language"));
    }

    @Override
    public DocumentWriter create(Options options) {
        List<String> columns = options.getStringList("columns");
        String text = options.getString("textColumn");
        String label = options.getString("labelColumn");
        String id = options.getString("idColumn");
        String lang = options.getString("langColumn");
        boolean named = options.getBoolean("header");
        return new DocumentWriter() {
            @Override
            public void write(Document doc, StringBuilder out) {
                int start = out.length();
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        out.append(delimiter);
                    }
                    String c = columns.get(i);
                    String v;
                    if (c.equals(text)) {
                        v = doc.text();
                    } else if (c.equals(label)) {
                        v = doc.topLabel();
                    } else if (c.equals(id)) {
                        v = doc.id();
                    } else if (c.equals(lang)) {
                        v = doc.lang();
                    } else {
                        Map<String, Object> meta = doc.meta();
                        v = meta.get(c) == null ? null : String.valueOf(meta.get(c));
                    }
                    appendValue(v == null ? "" : v, out);
                }
                if (out.length() == start) {
                    if (delimiter == '\t') {
                        // TSV quotes nothing: the empty line would be read back as no record, and later rows renumber
                        throw new IllegalArgumentException("a row of one empty value is an empty line in TSV, which is read back"
                                + " as no record; write CSV (an empty value is \"\" there) or add a column");
                    }
                    out.append("\"\""); // an empty line would be read back as no record at all
                }
                out.append('\n');
            }

            @Override
            public void start(Writer out) throws IOException {
                if (!named) {
                    return;
                }
                StringBuilder header = new StringBuilder();
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        header.append(delimiter);
                    }
                    appendValue(columns.get(i), header);
                }
                out.write(header.append('\n').toString());
            }
        };
    }

    private void appendValue(String v, StringBuilder out) {
        if (delimiter == '\t') {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                out.append(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
            }
            return;
        }
        boolean quote = v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || (!v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' '));
        if (!quote) {
            out.append(v);
            return;
        }
        out.append('"').append(v.replace("\"", "\"\"")).append('"');
    }
}
