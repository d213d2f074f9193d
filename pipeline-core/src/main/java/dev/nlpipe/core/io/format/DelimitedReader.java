package dev.nlpipe.core.io.format;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.io.CorpusReader;
import dev.nlpipe.core.io.InputFormatException;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.LineReader;
import dev.nlpipe.core.io.LineSplitting;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV and TSV files, parsed by Apache Commons CSV (RFC 4180 quoting for CSV; TSV unquoted by
 * default, as GLUE and most Chinese corpora write it). Text, label, id and language columns are
 * chosen by header name or, in a file without a header row ({@code header: false}, as many
 * Chinese classification sets come: {@code title<TAB>label}), by position from 1.
 */
public abstract class DelimitedReader implements ReaderProvider {
    private final String name;
    private final char delimiter;
    private final String defaultQuote;

    DelimitedReader(String name, char delimiter, String defaultQuote) {
        this.name = name;
        this.delimiter = delimiter;
        this.defaultQuote = defaultQuote;
    }

    /** Comma-separated values, double-quote quoting (RFC 4180). */
    public static final class Csv extends DelimitedReader {
        public Csv() {
            super("csv", ',', "\"");
        }
    }

    /** Tab-separated values, unquoted unless {@code quote} is set. */
    public static final class Tsv extends DelimitedReader {
        public Tsv() {
            super("tsv", '\t', "");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return (delimiter == ',' ? "comma" : "tab") + "-separated values with a header row (or header: false); text, label and id"
                + " columns by name (or position)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.bool("header", true, "whether the first row names the columns; with false every row is a record and"
                        + " columns are numbered from 1 (textColumn and labelColumn then default to 1 and 2)"),
                OptionSpec.string("textColumn", "text", "header name of the text column (its number from 1 with header: false)"),
                OptionSpec.string("labelColumn", "label", "header name of the label column, ignored when absent unless set"
                        + " (its number from 1 with header: false)"),
                OptionSpec.string("idColumn", "id", "header name of the id column (default id: file:line; its number from 1"
                        + " with header: false)"),
                OptionSpec.string("langColumn", "lang", "header name of the language column (its number from 1 with header: false)"),
                OptionSpec.string("quote", defaultQuote, "quote character; empty for none"));
    }

    /**
     * Every record is one line when the file holds no quote character (a quoted field may hold line
     * ends) and no carriage return without a line feed after it (Commons CSV ends a record there);
     * a part of a file after its first line is given that line: the header, or without one the
     * first row, whose number of fields the part's rows are held to as the whole file's are.
     */
    @Override
    public LineSplitting lineSplitting(Options options) {
        String quote = options.getString("quote");
        // A quote outside ASCII is found by its UTF-8 lead byte: a file holding that byte for another character is read whole too.
        byte[] quoteBytes = quote == null || quote.isEmpty() ? new byte[0]
                : new byte[] {quote.substring(0, 1).getBytes(StandardCharsets.UTF_8)[0]};
        return new LineSplitting(true, quoteBytes, true);
    }

    @Override
    public CorpusReader open(InputSource source, Options options, ReadSettings settings) throws IOException {
        String quote = options.getString("quote");
        CSVFormat.Builder builder = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setQuote(quote == null || quote.isEmpty() ? null : quote.charAt(0))
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL);
        boolean named = options.getBoolean("header");
        CSVFormat format = !named ? builder.get()
                : source.header() == null ? builder.setHeader().setSkipHeaderRecord(true).get()
                : builder.setHeader(headerNames(source, builder.get())).setSkipHeaderRecord(false).get();
        LineReader lines = LineReader.open(source, settings);
        ValidLinesReader chars = new ValidLinesReader(lines, settings.maxLineBytes());
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(chars).setFormat(format).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            chars.close();
            throw new InputFormatException(source.name(), 1, "cannot read the header row: " + e.getMessage());
        }
        List<String> header = named ? distinctNames(parser.getHeaderNames()) : parser.getHeaderNames();
        int text = columnOf("textColumn", true, 1, named, header, options, source);
        int label = columnOf("labelColumn", false, 2, named, header, options, source);
        int id = columnOf("idColumn", false, 0, named, header, options, source);
        int lang = columnOf("langColumn", false, 0, named, header, options, source);
        int needed = Math.max(Math.max(text, options.isSet("labelColumn") ? label : 0), Math.max(id, lang)) + 1;
        Iterator<CSVRecord> records = parser.iterator();
        return new LookaheadReader() {
            private boolean done;
            /** Without a header, every record must have as many fields as the file's first (given apart to a part of the file). */
            private int fields = named ? header.size() : source.header() != null ? headerNames(source, builder.get()).length : -1;

            @Override
            protected Document readNext() {
                while (!done) {
                    long before = parser.getCurrentLineNumber();
                    long line = 0;
                    try {
                        if (!records.hasNext()) {
                            done = true;
                            break;
                        }
                        CSVRecord r = records.next();
                        chars.recordEnded();
                        // map after reading: the character stream records skipped lines only once it reaches them
                        line = chars.recordStart(before + 1);
                        if (fields < 0) {
                            fields = r.size();
                            if (fields < needed) {
                                throw new InputFormatException(source.name(), line, "the first row has " + fields + " field(s), but "
                                        + (fields <= text ? options.written("textColumn") : options.written("labelColumn") + ", "
                                        + options.written("idColumn") + " or " + options.written("langColumn"))
                                        + " names column " + needed + " (with " + options.written("header", "false") + " columns are"
                                        + " numbered from 1)");
                            }
                        }
                        if (chars.lostLineWithin(before, parser.getCurrentLineNumber())) {
                            settings.errors().accept(BadRecord.unreadable(source.name(), line, "a line inside this record (a"
                                    + " quoted field over several lines) could not be read; the record is skipped"));
                            continue;
                        }
                        // not CSVRecord.isConsistent: it compares with the header map, which holds a repeated or blank name once
                        if (r.size() != fields) {
                            settings.errors().accept(BadRecord.unreadable(source.name(), line,
                                    "expected " + fields + " fields, found " + r.size()));
                            continue;
                        }
                        return toDocument(r, line);
                    } catch (UncheckedIOException | IllegalStateException e) {
                        done = true;
                        IOException damaged = damagedInput(e);
                        if (damaged != null) {
                            throw new UncheckedIOException(damaged); // the file fails as a text file cut short does
                        }
                        reportLost(before + 1, e);
                    }
                }
                return null;
            }

            /**
             * The parser cannot go on past a malformed record (a quote left open swallows the rest of
             * the file), so every non-blank line from the record's first line to the end is a lost
             * record: each is reported, all naming the one line where the malformed record starts.
             */
            private void reportLost(long logicalStart, RuntimeException e) {
                // counted first, then reported line by line: the lines are never all held at once (a quote left open
                // near the start of a large file loses millions)
                long[] first = {-1};
                long count;
                try {
                    count = chars.nonBlankLinesFrom(logicalStart, l -> first[0] = first[0] < 0 ? l : first[0]);
                } catch (IOException | UncheckedIOException io) {
                    count = 0;
                }
                long start = first[0] < 0 ? chars.physical(logicalStart) : first[0];
                String why = "malformed " + name + " record starting at line " + start + " (" + parserProblem(e)
                        + "); it and the " + Math.max(0, count - 1) + " non-blank line(s) after it cannot be split into records";
                if (count == 0) {
                    settings.errors().accept(BadRecord.unreadable(source.name(), start, why));
                    return;
                }
                try {
                    chars.nonBlankLinesFrom(logicalStart, l -> settings.errors().accept(BadRecord.unreadable(source.name(), l, why)));
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            }

            private Document toDocument(CSVRecord r, long line) {
                // an empty id cell (pandas writes NaN so) is no id, as a JSON "id": null is none: rows would share the id ""
                String docId = id >= 0 && !r.get(id).isEmpty() ? r.get(id) : source.relative() + ":" + line;
                Document d = new Document(docId, r.get(text));
                if (label >= 0 && label < r.size() && !r.get(label).isEmpty()) {
                    d.addLabel(r.get(label));
                }
                if (lang >= 0 && !r.get(lang).isEmpty()) {
                    d.setLang(r.get(lang));
                } else if (settings.language() != null) {
                    d.setLang(settings.language());
                }
                d.meta().put("source", source.name());
                d.meta().put("line", LineRecordReader.lineValue(line));
                // the other named columns go to the metadata, as a JSON line's other fields do: the csv and tsv writers write
                // them back by name (a qid column survives nlpipe augment), and a jsonl output keeps them
                for (int c = 0; named && c < header.size() && c < r.size(); c++) {
                    if (c != text && c != label && c != id && c != lang) {
                        d.meta().put(header.get(c), r.get(c));
                    }
                }
                d.setReadAt(source.name(), line);
                return d;
            }

            @Override
            protected void closeSource() throws IOException {
                parser.close();
            }

            @Override
            protected String sourceName() {
                return source.name();
            }
        };
    }

    /**
     * The header's names made distinct as pandas' {@code read_csv} makes them, so that no column's
     * values are lost under another's name: a repeated {@code x} is {@code x.1}, {@code x.2}, ...,
     * and a blank name (pandas' {@code to_csv} writes one over its index) is {@code Unnamed: N}, N
     * the column's position from 0.
     */
    static List<String> distinctNames(List<String> names) {
        List<String> given = new java.util.ArrayList<>(names.size());
        for (int c = 0; c < names.size(); c++) {
            given.add(names.get(c) == null || names.get(c).isEmpty() ? "Unnamed: " + c : names.get(c));
        }
        // a name the header holds itself is never given to a repeat: header text,x,x,x.1 is text, x, x.2, x.1, as in pandas
        java.util.Set<String> taken = new java.util.HashSet<>(given);
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> out = new java.util.ArrayList<>(names.size());
        for (String name : given) {
            String distinct = name;
            if (!seen.add(name)) {
                for (int k = 1; taken.contains(distinct = name + "." + k); k++) {
                    // taken by the header or by an earlier repeat
                }
                taken.add(distinct);
            }
            out.add(distinct);
        }
        return out;
    }

    /** The fields of a part's first line (its file's header, or first row), given apart from its lines, parsed as the file's first record would be. */
    private static String[] headerNames(InputSource source, CSVFormat format) {
        try (CSVParser p = CSVParser.builder().setReader(new java.io.StringReader(source.header())).setFormat(format).get()) {
            List<CSVRecord> records = p.getRecords();
            if (records.isEmpty()) {
                throw new InputFormatException(source.name(), 1, "cannot read the header row: it is empty");
            }
            return records.get(0).values();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new InputFormatException(source.name(), 1, "cannot read the header row: " + e.getMessage());
        }
    }

    /** A file cut short or a damaged {@code .gz} under the parser's exception, else {@code null}: not a malformed record. */
    private static IOException damagedInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException || t instanceof ZipException) {
                return (IOException) t;
            }
        }
        return null;
    }

    /**
     * The parser's complaint without its own line number, which counts the lines the parser saw
     * (bad lines removed), not the file's, and would contradict the line reported.
     */
    static String parserProblem(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        m = m.replaceAll("\\(line \\d+\\)\\s*", "").replaceAll("\\s*at line:? \\d+(, position:? \\d+)?", "");
        if (m.contains("EOF reached before encapsulated token finished")) {
            m = "a quote opened here is never closed";
        } else if (m.contains("between encapsulated token and delimiter")) {
            m = "a quoted field goes on after its closing quote: a quote inside a quoted field is written twice (\"\"),"
                    + " and a file that does not quote its fields reads with quote: ''";
        }
        return m.strip();
    }

    /**
     * The column a column option names: by name under a header row, else by position (1-based,
     * {@code position} by default); -1 for a file with no header row at all, empty or blank, which
     * has no records either (no documents, as an empty text or JSONL file).
     */
    private static int columnOf(String option, boolean required, int position, boolean named, List<String> header, Options options,
                                InputSource source) {
        if (!named) {
            return position(options, option, position);
        }
        return header.isEmpty() ? -1 : column(header, options, option, required, source);
    }

    private static int column(List<String> header, Options options, String option, boolean required, InputSource source) {
        String wanted = options.getString(option);
        int at = header.indexOf(wanted);
        if (at < 0 && (required || options.isSet(option))) {
            throw new InputFormatException(source.name(), 1, "no column '" + wanted + "' in the header (columns: "
                    + String.join(", ", header) + "); set " + options.written(option) + ", or " + options.written("header", "false")
                    + " if the file has no header row (columns are then numbered from 1)");
        }
        return at;
    }

    /**
     * The 0-based index of a column given by its position from 1 (a file without a header), or
     * {@code fallback - 1} when the option is not set ({@code -1}: no such column).
     */
    private static int position(Options options, String option, int fallback) {
        if (!options.isSet(option)) {
            return fallback - 1;
        }
        String given = options.getString(option).strip();
        try {
            int n = Integer.parseInt(given);
            if (n >= 1) {
                return n - 1;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw options.error(option, "is '" + given + "', but without a header row (header: false) columns are numbered from 1:"
                + " give the column's number (1 for the first)");
    }
}
