package dev.nlpipe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.testing.Corpora;
import dev.nlpipe.core.testing.TempFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedWriterTest {
    @TempDir
    Path tmp;

    private static List<Document> docs() {
        Document a = new Document("a", "it's a \"charming\", often\taffecting\njourney ").addLabel("1");
        a.meta().put("source", "x.tsv");
        Document b = new Document("b", "这部电影很好看").addLabel("0");
        return List.of(a, b);
    }

    @Test
    void tsvRoundTripsThroughTheReaderInTheGivenColumnOrder() throws Exception {
        Path out = tmp.resolve("out.tsv");
        Corpora.write(docs(), out, "tsv", Map.of("columns", List.of("label", "text_a", "source"), "textColumn", "text_a"));
        List<String> lines = TempFiles.lines(out);
        assertEquals("label\ttext_a\tsource", lines.get(0));
        assertEquals("1\tit's a \"charming\", often affecting journey \tx.tsv", lines.get(1), "tabs and line breaks become spaces");
        assertEquals("0\t这部电影很好看\t", lines.get(2));
        List<Document> back = Corpora.read(out, "tsv", Map.of("textColumn", "text_a"), new ArrayList<>());
        assertEquals(List.of("1", "0"), back.stream().map(Document::topLabel).toList());
        assertEquals("这部电影很好看", back.get(1).text());
    }

    @Test
    void blankAndRepeatedHeaderNamesKeepEveryValueAsPandasNamesThemAndRoundTrip() throws Exception {
        Path in = TempFiles.write(tmp.resolve("in.csv"), ",text,label,x,x,,source\n0,hello,pos,1,2,blank,mysrc\n");
        Document d = Corpora.read(in, "csv", Map.of(), new ArrayList<>()).get(0);
        assertEquals("hello", d.text());
        assertEquals("0", d.meta().get("Unnamed: 0"));
        assertEquals("1", d.meta().get("x"));
        assertEquals("2", d.meta().get("x.1"));
        assertEquals("blank", d.meta().get("Unnamed: 5"));
        assertEquals("mysrc", d.meta().get("source"));
        List<String> columns = List.of("Unnamed: 0", "text", "label", "x", "x.1", "Unnamed: 5", "source");
        Path out = tmp.resolve("out.csv");
        Corpora.write(List.of(d), out, "csv", Map.of("columns", columns));
        Document back = Corpora.read(out, "csv", Map.of(), new ArrayList<>()).get(0);
        for (String c : columns.subList(3, columns.size())) {
            assertEquals(d.meta().get(c), back.meta().get(c), c);
        }
        assertEquals("0", back.meta().get("Unnamed: 0"));
        assertEquals("pos", back.topLabel());
    }

    @Test
    void csvQuotesWhatNeedsQuoting() throws Exception {
        Path out = tmp.resolve("out.csv");
        Corpora.write(docs(), out, "csv", Map.of("columns", List.of("id", "text", "label")));
        List<Document> back = Corpora.read(out, "csv");
        assertEquals(docs().get(0).text(), back.get(0).text(), "commas, quotes, tabs and line breaks survive");
        assertEquals(List.of("a", "b"), back.stream().map(Document::id).toList());
        assertEquals("1", back.get(0).topLabel());
    }

    @Test
    void anEmptyTextInAOneColumnCsvIsWrittenQuotedAndReadBack() throws Exception {
        Path out = tmp.resolve("one-column.csv");
        Corpora.write(List.of(new Document("a", "first"), new Document("b", ""), new Document("c", "third")), out, "csv",
                Map.of("columns", List.of("text")));
        assertEquals(List.of("text", "first", "\"\"", "third"), TempFiles.lines(out));
        List<Document> back = Corpora.read(out, "csv", Map.of(), new ArrayList<>());
        assertEquals(List.of("first", "", "third"), back.stream().map(Document::text).toList(), "no document lost");
    }

    @Test
    void anEmptyTextInAOneColumnTsvIsRefusedAsItWouldBeAnEmptyLine() {
        Path out = tmp.resolve("one.tsv");
        var e = assertThrows(RuntimeException.class, () -> Corpora.write(List.of(new Document("a", "first"),
                new Document("b", "")), out, "tsv", Map.of("columns", List.of("text"))));
        assertTrue(e.getMessage().contains("write CSV"), e.getMessage());
    }

    @Test
    void headerFalseWritesRowsOnlyAsTheReaderWithHeaderFalseReadsThem() throws Exception {
        Path out = tmp.resolve("out.tsv");
        Corpora.write(docs(), out, "tsv", Map.of("columns", List.of("text", "label"), "header", false));
        List<String> lines = TempFiles.lines(out);
        assertEquals(List.of("it's a \"charming\", often affecting journey \t1", "这部电影很好看\t0"), lines);
        List<Document> back = Corpora.read(out, "tsv", Map.of("header", false), new ArrayList<>());
        assertEquals(List.of("1", "0"), back.stream().map(Document::topLabel).toList());
        assertEquals("这部电影很好看", back.get(1).text());
    }

    @Test
    void textWriterCanWriteTheTextOfTokenizedDocuments() throws Exception {
        Document d = new Document("d", "我喜欢").setTokens(List.of(new Token("我", 0, 1), new Token("喜欢", 1, 3)));
        Path out = tmp.resolve("out.txt");
        Corpora.write(List.of(d), out, "text", Map.of("tokens", false));
        assertEquals(List.of("我喜欢"), TempFiles.lines(out));
        Corpora.write(List.of(d), out, "text", Map.of());
        assertEquals(List.of("我 喜欢"), TempFiles.lines(out));
    }
}
