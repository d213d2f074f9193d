package dev.nlpipe.core.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.io.CorpusReader;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.LineSplitting;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.core.testing.Corpora;
import dev.nlpipe.core.testing.TempFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and TSV read in parts of whole lines, given the header, as when the whole file is read. */
class DelimitedReaderPartsTest {
    private static final String CSV = "id,text,label\nd1,one,a\n\n\nd2,two\nd3,three,b\n,four,\n";

    @TempDir
    Path dir;

    private static ReaderProvider reader(String format) {
        return Components.get().readers().find(format);
    }

    private static Options options(String format, Map<String, ?> options) {
        return Options.of("input format '" + format + "'", options, reader(format).options());
    }

    /** The lines of {@code text} from {@code firstLine} on, read as a part given the file's first line. */
    private static List<String> readPart(String format, String text, int firstLine, List<BadRecord> bad) throws IOException {
        String[] lines = text.split("\n", -1);
        String rest = String.join("\n", java.util.Arrays.copyOfRange(lines, firstLine - 1, lines.length));
        InputSource part = InputSource.part("f." + format, "f." + format,
                () -> new ByteArrayInputStream(rest.getBytes(StandardCharsets.UTF_8)), firstLine).withHeader(lines[0]);
        ReadSettings settings = new ReadSettings(null, ReadSettings.DEFAULT_MAX_LINE_BYTES, bad::add, new AtomicLong());
        List<String> out = new ArrayList<>();
        try (CorpusReader r = reader(format).open(part, options(format, Map.of()), settings)) {
            r.forEachRemaining(d -> out.add(DocumentJson.toJson(d)));
        }
        return out;
    }

    private List<String> readWhole(String format, String text, List<BadRecord> bad) throws IOException {
        Path f = TempFiles.write(dir.resolve("f." + format), text);
        List<String> out = new ArrayList<>();
        for (Document d : Corpora.read(f, format, Map.of(), bad)) {
            d.meta().put("source", "f." + format);
            out.add(DocumentJson.toJson(d));
        }
        return out;
    }

    @Test
    void aRecordAfterEmptyLinesHasItsOwnLineNumber() throws IOException {
        List<Document> docs = Corpora.read(TempFiles.write(dir.resolve("e.csv"), "text\na\n\n\nb\n"), "csv");
        assertEquals(List.of(2, 5), docs.stream().map(d -> d.meta().get("line")).toList());
        assertEquals("e.csv:5", docs.get(1).id());
    }

    @Test
    void aQuotedFieldSpanningLinesKeepsItsLineEndings() throws IOException {
        // a Windows file's text (unit: file keeps CRLF) written to CSV comes back as it was
        List<Document> docs = Corpora.read(TempFiles.write(dir.resolve("crlf.csv"), "id,text\r\n1,\"第一行\r\n第二行\"\r\n2,\"a\nb\"\n"), "csv");
        assertEquals(List.of("第一行\r\n第二行", "a\nb"), docs.stream().map(Document::text).toList());
        assertEquals(List.of(2, 4), docs.stream().map(d -> d.meta().get("line")).toList());
    }

    @Test
    void aCsvPartGivenTheHeaderReadsAsTheWholeFile() throws IOException {
        List<BadRecord> wholeBad = new ArrayList<>();
        List<String> whole = readWhole("csv", CSV, wholeBad);
        for (int first = 2; first <= 7; first++) {
            List<BadRecord> bad = new ArrayList<>();
            List<String> part = readPart("csv", CSV, first, bad);
            final int from = first;
            assertEquals(whole.stream().filter(j -> lineOf(j) >= from).toList(), part, "from line " + first);
            assertEquals(wholeBad.stream().filter(b -> b.line() >= from).map(BadRecord::line).toList(),
                    bad.stream().map(BadRecord::line).toList(), "bad records from line " + first);
        }
        assertEquals(1, wholeBad.size(), "the short record d2 is a bad record");
    }

    @Test
    void aTsvPartGivenTheHeaderReadsAsTheWholeFile() throws IOException {
        String tsv = CSV.replace(',', '\t').replace("one", "\"one");
        List<String> whole = readWhole("tsv", tsv, new ArrayList<>());
        assertEquals(whole.subList(1, whole.size()), readPart("tsv", tsv, 5, new ArrayList<>()));
        assertTrue(whole.get(0).contains("\"text\":\"\\\"one\""), "tsv does not quote: " + whole.get(0));
    }

    @Test
    void aFileWithoutHeaderGivesItsPartsItsFirstRowWhoseFieldsEveryRowMustHave() throws IOException {
        assertTrue(reader("tsv").lineSplitting(options("tsv", Map.of("header", false))).header(),
                "a part is given the file's first row: its own first row must not set the number of fields");
        String tsv = "one\ta\ntwo\tb\tx\nthree\tc\n";
        InputSource part = InputSource.part("f.tsv", "f.tsv", () -> new ByteArrayInputStream("two\tb\tx\nthree\tc\n".getBytes(StandardCharsets.UTF_8)), 2)
                .withHeader("one\ta");
        List<dev.nlpipe.core.io.BadRecord> bad = new ArrayList<>();
        ReadSettings settings = new ReadSettings(null, ReadSettings.DEFAULT_MAX_LINE_BYTES, bad::add, new AtomicLong());
        List<String> texts = new ArrayList<>();
        try (CorpusReader r = reader("tsv").open(part, options("tsv", Map.of("header", false)), settings)) {
            r.forEachRemaining(d -> texts.add(d.text() + "@" + d.meta().get("line")));
        }
        assertEquals(List.of("three@3"), texts);
        assertEquals(1, bad.size());
        assertEquals(2, bad.get(0).line());
        assertTrue(bad.get(0).reason().contains("expected 2 fields, found 3"), bad.get(0).reason());
        // the whole file reads the same: two documents, the 3-field row a bad record
        assertEquals(2, Corpora.read(TempFiles.write(dir.resolve("f.tsv"), tsv), "tsv", Map.of("header", false), new ArrayList<>()).size());
    }

    @Test
    void csvFilesWithQuotesOrLoneCarriageReturnsAreReadWhole() {
        LineSplitting csv = reader("csv").lineSplitting(options("csv", Map.of()));
        assertTrue(csv.header());
        assertFalse(wholeFile(csv, "id,text\r\n1,plain\r\n"));
        assertTrue(wholeFile(csv, "id,text\n1,\"two\nlines\"\n"));
        assertTrue(wholeFile(csv, "id,text\n1,a\rb\n"));
        assertTrue(wholeFile(csv, "id,text\n1,a\r"));
        LineSplitting tsv = reader("tsv").lineSplitting(options("tsv", Map.of()));
        assertFalse(wholeFile(tsv, "id\ttext\n1\t\"quoted\n"));
        assertArrayEquals(new byte[] {'\''}, reader("tsv").lineSplitting(options("tsv", Map.of("quote", "'"))).wholeFileBytes());
    }

    @Test
    void aCarriageReturnAtTheEndOfAChunkIsJudgedByTheNextChunk() {
        LineSplitting csv = reader("csv").lineSplitting(options("csv", Map.of()));
        LineSplitting.Scanner s = csv.scanner();
        s.feed("a,b\r".getBytes(StandardCharsets.UTF_8), 0, 4);
        assertFalse(s.wholeFile(false));
        s.feed("\nc,d\n".getBytes(StandardCharsets.UTF_8), 0, 5);
        assertFalse(s.wholeFile(true));
    }

    private static boolean wholeFile(LineSplitting rules, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        LineSplitting.Scanner s = rules.scanner();
        s.feed(bytes, 0, bytes.length);
        return s.wholeFile(true);
    }

    private static int lineOf(String json) {
        try {
            return DocumentJson.mapper().readTree(json).path("meta").path("line").asInt();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
