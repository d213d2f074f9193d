package dev.nlpipe.core.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.testing.Corpora;
import dev.nlpipe.core.testing.TempFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed CSV record: every record lost is counted, and all name one line, the file's. */
class DelimitedReaderMalformedTest {
    @TempDir
    Path dir;

    private final List<BadRecord> bad = new ArrayList<>();

    private List<Document> readUnclosedQuote() throws IOException {
        Path f = TempFiles.write(dir.resolve("q.csv"), "id,label,text\n1,a,one\n2,b,two\n3,a,three\n"
                + "4,b,\"open quote\n5,a,five\n\n6,b,six\n7,a,seven\n");
        return Corpora.read(f, "csv", Map.of(), bad);
    }

    @Test
    void everyRecordLostAfterAnUnclosedQuoteIsABadRecord() throws IOException {
        List<Document> docs = readUnclosedQuote();
        assertEquals(List.of("one", "two", "three"), docs.stream().map(Document::text).toList());
        assertEquals(List.of(5L, 6L, 8L, 9L), bad.stream().map(BadRecord::line).toList());
    }

    @Test
    void theLostRecordsNameTheLineWhereTheMalformedRecordStarts() throws IOException {
        readUnclosedQuote();
        for (BadRecord r : bad) {
            assertTrue(r.reason().contains("line 5 ") && !r.reason().contains("line 4") && !r.reason().contains("line 6"), r.reason());
        }
    }

    @Test
    void blankAndRepeatedHeaderNamesDoNotMakeEveryRowABadRecord() throws IOException {
        // Excel leaves blank names after the last column; a repeated name counts its columns all the same
        Path blank = TempFiles.write(dir.resolve("blank.csv"), "text,label,,\nhello,pos,,\nbye,neg,,\n");
        assertEquals(List.of("hello", "bye"), Corpora.read(blank, "csv", Map.of(), bad).stream().map(Document::text).toList());
        Path repeated = TempFiles.write(dir.resolve("repeated.csv"), "text,label,label\nhello,pos,x\n");
        assertEquals(List.of("pos"), Corpora.read(repeated, "csv", Map.of(), bad).stream().map(Document::topLabel).toList());
        Path short_ = TempFiles.write(dir.resolve("short.csv"), "text,label,,\nhello,pos\n");
        assertEquals(List.of(), Corpora.read(short_, "csv", Map.of(), bad));
        assertEquals(List.of("expected 4 fields, found 2"), bad.stream().map(BadRecord::reason).toList());
    }

    @Test
    void aLoneCarriageReturnEndsARecordAsPandasReadsItAndLaterLinesKeepTheirNumbers() throws IOException {
        // where line feeds end the lines, they number them (wc -l, sed -n)
        Path f = TempFiles.write(dir.resolve("cr.tsv"), "text\tlabel\nab\rcd\t1\nthird\t2\nbad\t3\t4\nlast\t5\n");
        List<Document> docs = Corpora.read(f, "tsv", Map.of(), bad);
        assertEquals(List.of("cd", "third", "last"), docs.stream().map(Document::text).toList());
        assertEquals(List.of("cr.tsv:2", "cr.tsv:3", "cr.tsv:5"), docs.stream().map(Document::id).toList());
        assertEquals(List.of(2L, 4L), bad.stream().map(BadRecord::line).toList(), "ab (line 2, one field) and the four-field row");
    }

    @Test
    void aFileOfLoneCarriageReturnsGivesEveryRecordItsOwnLine() throws IOException {
        // Excel's "CSV (Macintosh)"
        Path f = TempFiles.write(dir.resolve("mac.csv"), "text,label\ra,pos\rb,neg\rd,pos\r");
        List<Document> docs = Corpora.read(f, "csv", Map.of(), bad);
        assertEquals(List.of("mac.csv:2", "mac.csv:3", "mac.csv:4"), docs.stream().map(Document::id).toList());
        assertEquals(List.of(2L, 3L, 4L), docs.stream().map(Document::readLine).toList());
        assertEquals(List.of(), bad);
    }

    @Test
    void anEmptyIdCellIsNoIdAsPandasWritesAMissingOne() throws IOException {
        Path f = TempFiles.write(dir.resolve("ids.csv"), "id,text\nx1,a\n,b\n,c\n");
        assertEquals(List.of("x1", "ids.csv:3", "ids.csv:4"), Corpora.read(f, "csv", Map.of(), bad).stream().map(Document::id).toList());
    }

    @Test
    void aLoneCarriageReturnInsideAQuotedFieldIsText() throws IOException {
        Path f = TempFiles.write(dir.resolve("cr.csv"), "id,text\n1,\"ab\rcd\"\n2,\"three\rlines\rhere\"\n3,last\n");
        List<Document> docs = Corpora.read(f, "csv", Map.of(), bad);
        assertEquals(List.of("ab\rcd", "three\rlines\rhere", "last"), docs.stream().map(Document::text).toList());
        assertEquals(List.of(2L, 3L, 4L), docs.stream().map(Document::readLine).toList());
        assertEquals(List.of(), bad);
    }

    @Test
    void anEmptyFileHoldsNoDocumentsAsAnEmptyTextFileDoes() throws IOException {
        for (String content : List.of("", "\n\n")) {
            Path empty = TempFiles.write(dir.resolve("empty.csv"), content);
            assertEquals(List.of(), Corpora.read(empty, "csv", Map.of("textColumn", "review"), bad));
            assertEquals(List.of(), Corpora.read(empty, "tsv", Map.of(), bad));
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void aCompressedFileCutShortFailsAsAFileNotAsMalformedRecords() throws IOException {
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(",line number ").append(i * 7919L % 100_003).append('\n');
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = gz.toByteArray();
        Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
        List<Document> docs = Corpora.read(cut, "csv", Map.of(), bad);
        assertTrue(docs.size() > 0 && docs.size() < 20_000, docs.size() + " documents");
        assertEquals(1, bad.size(), bad::toString);
        assertTrue(bad.get(0).reason().contains("the file ends too early (truncated?)"), bad.get(0).reason());
    }

    @Test
    void aQuoteInsideAQuotedFieldIsExplained() {
        String why = DelimitedReader.parserProblem(new java.io.UncheckedIOException(new java.io.IOException(
                "Invalid character between encapsulated token and delimiter at line: 3, position: 8")));
        assertTrue(why.contains("written twice (\"\")") && why.contains("quote: ''"), why);
    }

    @Test
    void theParsersOwnLineNumberIsLeftOut() {
        assertEquals("a quote opened here is never closed", DelimitedReader.parserProblem(new java.io.UncheckedIOException(
                new java.io.IOException("(line 5) EOF reached before encapsulated token finished"))));
    }

    @Test
    void aQuoteLeftOpenStopsAtTheRecordLimitInsteadOfHoldingTheRestOfTheFile() throws IOException {
        StringBuilder csv = new StringBuilder("id,text\n1,one\n2,\"open quote\n");
        for (int i = 3; i < 2003; i++) {
            csv.append(i).append(",line ").append(i).append('\n');
        }
        Path f = TempFiles.write(dir.resolve("big.csv"), csv.toString());
        // records of at most 200 characters, as input.maxLineLength: 200 sets them
        List<Document> docs = Corpora.read(f, "csv", Map.of(), 200, bad);
        assertEquals(List.of("one"), docs.stream().map(Document::text).toList());
        assertEquals(2001, bad.size(), "the open record's line and every line after it");
        assertEquals(3L, bad.get(0).line());
        assertTrue(bad.get(0).reason().contains("runs past 200 characters") && bad.get(0).reason().contains("line 3 "),
                bad.get(0).reason());
    }

    @Test
    void aRecordThatLostAnUnreadableLineInsideAQuotedFieldIsSkipped() throws IOException {
        Path f = dir.resolve("multi.csv");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("id,text\n1,one\n2,\"first line\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {'b', 'a', 'd', (byte) 0xFE, '\n'});
        b.writeBytes("last line\"\n3,three\n".getBytes(StandardCharsets.UTF_8));
        Files.write(f, b.toByteArray());
        List<Document> docs = Corpora.read(f, "csv", Map.of(), bad);
        assertEquals(List.of("one", "three"), docs.stream().map(Document::text).toList(), "record 2 is not read without its line");
        assertEquals(List.of(4L, 3L), bad.stream().map(BadRecord::line).toList(), "the unreadable line, then the record it belonged to");
    }

    @Test
    void repeatedHeaderNamesAreMadeDistinctAsPandasDoes() {
        // a name the header holds itself is never given to a repeat, or labelColumn: x.1 would read the second x
        assertEquals(List.of("text", "x", "x.2", "x.1"), DelimitedReader.distinctNames(List.of("text", "x", "x", "x.1")));
        assertEquals(List.of("Unnamed: 0", "a", "a.1", "a.2"), DelimitedReader.distinctNames(java.util.Arrays.asList("", "a", "a", "a")));
    }
}
