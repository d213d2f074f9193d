package dev.nlpipe.cli;

import dev.nlpipe.augment.AugmentProcessor;
import dev.nlpipe.core.config.InputConfig;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Node;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.OutputConfig;
import dev.nlpipe.core.config.PlainNodes;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.io.InputFiles;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.LineReader;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.tag.TagScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The output of {@code nlpipe augment}: the input's format, with the settings that make the written
 * file read like the input (the tag scheme and separator of a column file, the header of a CSV/TSV
 * file), next to the input unless an output path is given.
 */
final class AugmentOutput {
    /** Formats written back as they are read; any other input format is written as JSONL. */
    private static final Set<String> SAME_FORMAT = Set.of("jsonl", "text", "conll", "bmes", "csv", "tsv");
    /** Column-file lines looked at to tell the tag scheme and separator. */
    private static final int SNIFF_LINES = 20_000;

    private AugmentOutput() {
    }

    /** The output format for an input format. */
    static String formatFor(String inputFormat) {
        return SAME_FORMAT.contains(inputFormat) ? inputFormat : "jsonl";
    }

    /** {@code dir/train.augmented.tsv} for {@code dir/train.tsv}; {@code dir.augmented/} for a directory. */
    static String defaultPath(Path input, String format) {
        if (Files.isDirectory(input)) {
            return input + ".augmented/";
        }
        // the output is written uncompressed: train.char.bmes.gz gives train.char.augmented.bmes
        String name = input.getFileName().toString().replaceFirst("\\.gz$", "");
        int dot = name.lastIndexOf('.');
        if (dot > 0 && formatOfExtension(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT)) == null) {
            // no format's extension (CoNLL-2003's eng.train, eng.testa): part of the name, or every split gets one output
            dot = -1;
        }
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String given = dot > 0 ? name.substring(dot + 1) : "";
        // the input's extension when it reads as the output's format (train.txt gives train.augmented.txt); CLUENER's .json
        // is not JSONL, so its JSONL output is named .jsonl rather than read back as CLUENER without entities
        String ext = format.equals(formatOfExtension(given.toLowerCase(java.util.Locale.ROOT))) ? given : format;
        return input.resolveSibling(stem + ".augmented." + ext).toString();
    }

    /** The format a file with this extension is read as, or {@code null}; the NER ones as {@code eval ner} tells them. */
    private static String formatOfExtension(String ext) {
        return switch (ext) {
            case "txt", "text" -> "text";
            case "csv", "tsv" -> ext;
            default -> EvalNerCommand.byExtension(Path.of("file." + ext));
        };
    }

    /**
     * The output section: {@code given} (or a new one at the default path) in {@code format}, with the
     * format options the input implies added where the user set none.
     */
    static OutputConfig resolve(OutputConfig given, String format, InputConfig in) throws IOException {
        String path = given != null && given.path() != null ? given.path().toString() + (given.directory() ? "/" : "")
                : defaultPath(in.path(), format);
        Location at = given != null ? given.location() : new Location("nlpipe augment", 1, 1);
        Node.MapNode options = new Node.MapNode(at);
        if (given != null && given.format().equals(format)) {
            given.formatOptions().entries().forEach((k, v) -> options.put(k, given.formatOptions().keyLocation(k), v));
        }
        for (Map.Entry<String, Object> e : implied(format, in).entrySet()) {
            if (options.get(e.getKey()) == null) {
                options.put(e.getKey(), at, PlainNodes.toNode(e.getValue(), at));
            }
        }
        OutputConfig base = OutputConfig.of(path);
        return new OutputConfig(base.path(), base.directory(), format, given == null ? null : given.errors(), options, at);
    }

    /**
     * The file whose layout (header, columns, tag scheme) the output copies: the input file, or the
     * first file an input directory lists (its files are one corpus, written in one layout).
     */
    static Path layoutFile(InputConfig in) throws IOException {
        if (in.path() == null || !Files.exists(in.path())) {
            return null;
        }
        if (Files.isRegularFile(in.path())) {
            return in.path();
        }
        List<InputSource> files = InputFiles.list(in.path(), in.glob(), in.recursive());
        return files.isEmpty() ? null : files.get(0).path();
    }

    /** Writer options that reproduce the input's layout. */
    static Map<String, Object> implied(String format, InputConfig in) throws IOException {
        Path file = layoutFile(in);
        if (file == null) {
            return Map.of();
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        switch (format) {
            case "conll", "bmes" -> {
                int tagColumn = -1;
                for (String key : List.of("tokenColumn", "tagColumn", "posColumn")) {
                    if (in.format().equals(format) && in.formatOptions().get(key) != null
                            && in.formatOptions().get(key).toPlain() instanceof Number n) {
                        tagColumn = key.equals("tagColumn") ? n.intValue() : tagColumn;
                        // conll writes the input's column layout (CoNLL-2003's token, part of speech, chunk, tag), so the output
                        // reads back with the options the training file gives the input; bmes writes one character per line
                        if (format.equals("conll")) {
                            out.put(key, n.intValue());
                        }
                    }
                }
                sniffColumns(file, tagColumn, out);
            }
            // a line of text is written back as it was read, not as its tokens joined by spaces (the writer's default)
            case "text" -> out.put("tokens", false);
            case "csv", "tsv" -> {
                if (in.format().equals(format)) {
                    Node quote = in.formatOptions().get("quote");
                    String q = quote != null ? String.valueOf(quote.toPlain()) : format.equals("tsv") ? "" : "\"";
                    List<String> first = firstRow(file, format.equals("tsv") ? '\t' : ',', q.isEmpty() || q.equals("null") ? null : q.charAt(0));
                    Node header = in.formatOptions().get("header");
                    if (header != null && Boolean.FALSE.equals(Options.booleanWord(String.valueOf(header.toPlain())))) {
                        // rows only, columns by number, as the reader's header: false reads them (text 1, label 2)
                        out.put("header", false);
                        out.put("columns", java.util.stream.IntStream.rangeClosed(1, first.size()).mapToObj(String::valueOf).toList());
                        out.put("textColumn", "1");
                        out.put("labelColumn", "2");
                    } else {
                        out.put("columns", first);
                    }
                    for (String key : List.of("textColumn", "labelColumn", "idColumn", "langColumn")) {
                        if (in.formatOptions().get(key) != null) {
                            out.put(key, in.formatOptions().get(key).toPlain());
                        }
                    }
                }
            }
            default -> {
            }
        }
        return out;
    }

    /**
     * Whether the corpus is one character per line as its reader produces it, whatever segmenter runs
     * after: a BMES input or output (its writer puts one character on a line), or a CoNLL input whose
     * token column holds single characters, some of them Chinese (MSRA's BIO files), judged as
     * {@code charTokens: auto} judges a document's tokens.
     */
    static boolean characterPerLine(InputConfig in, String outputFormat) throws IOException {
        if (outputFormat.equals("bmes") || in.format().equals("bmes")) {
            return true;
        }
        Path file = in.format().equals("conll") ? layoutFile(in) : null;
        if (file == null) {
            return false;
        }
        Node column = in.formatOptions().get("tokenColumn");
        int tokenColumn = column != null && column.toPlain() instanceof Number n ? n.intValue() : 0;
        if (tokenColumn < 0) {
            return false; // refused with its line when the input's options are checked, which comes after
        }
        List<Token> tokens = new ArrayList<>();
        try (LineReader r = open(file)) {
            String line;
            for (int n = 0; n < SNIFF_LINES && (line = r.readLine()) != null; n++) {
                String[] cols = line.strip().split("\\s+");
                if (cols.length > tokenColumn && !cols[0].isEmpty() && !cols[0].startsWith("-DOCSTART-")) {
                    tokens.add(new Token(cols[tokenColumn], 0, cols[tokenColumn].length()));
                }
            }
        }
        return AugmentProcessor.characterLevel(tokens);
    }

    /**
     * The tag scheme (from the prefixes seen in the tag column) and the column separator of a column file.
     *
     * @param tagColumn the tag's 0-based column, or counted from the end when negative (-1: the last)
     */
    private static void sniffColumns(Path file, int tagColumn, Map<String, Object> out) throws IOException {
        Set<String> prefixes = new HashSet<>();
        boolean tab = false;
        boolean any = false;
        // IOB1 starts a chunk with I- (B- only between two chunks of one type, so CoNLL-2003's train file has a few B-s).
        // An I- that begins a chunk inside a sentence (after O or another type) is IOB1 alone; one at a sentence's start is
        // also BIO cut mid-entity (MSRA splits its sentences every 100 characters), so those count only when they outnumber
        // the chunks that start with B-
        boolean insideStartsChunk = false;
        int insideStartsSentence = 0;
        int beginsChunk = 0;
        String previous = null;
        try (LineReader r = open(file)) {
            String line;
            for (int n = 0; n < SNIFF_LINES && (line = r.readLine()) != null; n++) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("-DOCSTART-")) {
                    previous = null;
                    continue;
                }
                any = true;
                tab |= line.indexOf('\t') >= 0;
                String[] cols = t.split("\\s+");
                int at = tagColumn >= 0 ? tagColumn : cols.length + tagColumn;
                if (at < 0 || at >= cols.length) {
                    continue;
                }
                String tag = cols[at];
                String prefix = TagScheme.prefix(tag);
                prefixes.add(prefix);
                if (prefix.equals("B")) {
                    beginsChunk++;
                } else if (!TagScheme.BIO.allowed(previous, tag)) {
                    insideStartsChunk |= previous != null;
                    insideStartsSentence += previous == null ? 1 : 0;
                }
                previous = tag;
            }
        }
        if (!any) {
            return;
        }
        out.put("separator", tab ? "tab" : "space");
        out.put("scheme", prefixes.contains("M") ? "bmes" : prefixes.contains("E") || prefixes.contains("S") ? "bioes"
                : insideStartsChunk || insideStartsSentence > beginsChunk ? "iob1" : "bio");
    }

    /**
     * The fields of a delimited file's first line as the reader parses them (its header names, or
     * its first record's values): quoted names keep their commas, spaces stay, as the reader keeps them.
     */
    private static List<String> firstRow(Path file, char delimiter, Character quote) throws IOException {
        try (LineReader r = open(file)) {
            String line = r.readLine();
            if (line == null) {
                return new ArrayList<>();
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote(quote).get();
            try (CSVParser p = CSVParser.builder().setReader(new java.io.StringReader(line)).setFormat(format).get()) {
                List<CSVRecord> records = p.getRecords();
                return records.isEmpty() ? new ArrayList<>() : new ArrayList<>(records.get(0).toList());
            } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
                throw new IOException(file + ": cannot read its first row: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The file's lines as the readers see them, each at most the default {@code maxLineLength}: a
     * longer one (a file without line breaks) is passed over rather than read into memory whole
     * before the reader itself would report it.
     */
    private static LineReader open(Path file) throws IOException {
        return open(new InputSource(file, file.toString(), file.getFileName().toString()));
    }

    /** {@link #open(Path)} for an input's file (decompressed as the readers decompress it). */
    static LineReader open(InputSource source) throws IOException {
        return new LineReader(source.open(new AtomicLong()), ReadSettings.DEFAULT_MAX_LINE_BYTES, source.name(), record -> { });
    }
}
