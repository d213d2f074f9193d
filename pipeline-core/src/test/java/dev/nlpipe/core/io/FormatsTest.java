package dev.nlpipe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.testing.Corpora;
import dev.nlpipe.core.testing.SampleDocuments;
import dev.nlpipe.core.testing.TempFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reader and writer, and the round trips between them. */
class FormatsTest {
    @TempDir
    Path dir;

    @Test
    void jsonlRoundTripsFullDocuments() throws IOException {
        Document a = SampleDocuments.full();
        Document b = new Document("b", "second \"quoted\"\tline").setLang("en");
        b.meta().put("source", "x.txt");
        b.meta().put("line", 2);
        Path f = dir.resolve("docs.jsonl");
        Corpora.write(List.of(a, b), f, "jsonl", Map.of());
        assertEquals(List.of(a, b), Corpora.read(f, "jsonl"));
    }

    @Test
    void textRoundTripsLinesAndTokens() throws IOException {
        Path f = TempFiles.write(dir.resolve("in.txt"), "first line\n\n  \n第二行 mixed\n");
        List<Document> docs = Corpora.read(f, "text");
        assertEquals(List.of("first line", "第二行 mixed"), docs.stream().map(Document::text).toList());
        assertEquals("in.txt:1", docs.get(0).id());
        assertEquals(4, docs.get(1).meta().get("line"));
        assertEquals(f.toString(), docs.get(1).meta().get("source"));

        Path out = dir.resolve("out.txt");
        Corpora.write(docs, out, "text", Map.of());
        assertEquals(List.of("first line", "第二行 mixed"), Corpora.read(out, "text").stream().map(Document::text).toList());

        docs.get(1).setTokens(List.of(new Token("第二", 0, 2), new Token("行", 2, 3), new Token("mixed", 4, 9)));
        Corpora.write(docs, out, "text", Map.of());
        assertEquals(List.of("first line", "第二 行 mixed"), TempFiles.lines(out));
    }

    @Test
    void textByFile() throws IOException {
        TempFiles.write(dir.resolve("c/a.txt"), "line one\nline two\n");
        TempFiles.write(dir.resolve("c/sub/b.txt"), "B");
        TempFiles.write(dir.resolve("c/.hidden.txt"), "hidden");
        TempFiles.write(dir.resolve("c/skip.md"), "not matched");
        List<BadRecord> bad = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        var reader = dev.nlpipe.core.stage.Components.get().readers().find("text");
        var opts = dev.nlpipe.core.config.Options.of("t", Map.of("unit", "file"), reader.options());
        try (CorpusInput in = CorpusInput.open(dir.resolve("c"), "*.txt", true, reader, opts,
                new ReadSettings("en", 1000, bad::add, new java.util.concurrent.atomic.AtomicLong()))) {
            in.forEachRemaining(docs::add);
        }
        assertEquals(List.of("a.txt", "sub/b.txt"), docs.stream().map(Document::id).toList());
        assertEquals("line one\nline two", docs.get(0).text());
        assertEquals("en", docs.get(1).lang());
    }

    @Test
    void gzipIsReadTransparentlyAndWritten() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write("压缩 text\nsecond\n".getBytes(StandardCharsets.UTF_8));
        }
        Path f = TempFiles.writeBytes(dir.resolve("in.txt.gz"), buf.toByteArray());
        List<Document> docs = Corpora.read(f, "text");
        assertEquals(List.of("压缩 text", "second"), docs.stream().map(Document::text).toList());
        Path out = dir.resolve("out.jsonl.gz");
        Corpora.write(docs, out, "jsonl", Map.of());
        assertEquals(docs, Corpora.read(out, "jsonl"));
    }

    @Test
    void conllRoundTripsTokensAndEntities() throws IOException {
        Path f = TempFiles.write(dir.resolve("in.conll"), """
                -DOCSTART- -X- -X- O

                EU NNP B-NP I-ORG
                rejects VBZ B-VP O
                German JJ B-NP I-MISC
                call NN I-NP O
                Peter NNP B-NP I-PER
                Blackburn NNP I-NP I-PER

                BRUSSELS NNP B-NP I-LOC
                """);
        List<Document> docs = Corpora.read(f, "conll", Map.of("posColumn", 1), new ArrayList<>());
        assertEquals(2, docs.size());
        Document d = docs.get(0);
        assertEquals("EU rejects German call Peter Blackburn", d.text());
        assertEquals("in.conll:3", d.id());
        assertEquals(List.of(Entity.of(d.text(), "ORG", 0, 2), Entity.of(d.text(), "MISC", 11, 17),
                Entity.of(d.text(), "PER", 23, 38)), d.entities());
        assertEquals("VBZ", d.tokens().get(1).pos());

        Path out = dir.resolve("out.conll");
        Corpora.write(docs, out, "conll", Map.of("scheme", "bio"));
        assertEquals(List.of("EU\tB-ORG", "rejects\tO", "German\tB-MISC", "call\tO", "Peter\tB-PER", "Blackburn\tI-PER", "",
                "BRUSSELS\tB-LOC", ""), TempFiles.lines(out));
        List<Document> back = Corpora.read(out, "conll");
        for (int i = 0; i < docs.size(); i++) {
            assertEquals(docs.get(i).text(), back.get(i).text());
            assertEquals(docs.get(i).entities(), back.get(i).entities());
        }
    }

    @Test
    void aTokenHoldingASpaceRoundTripsBetweenTabsAndIsRefusedBetweenSpaces() throws IOException {
        Path f = TempFiles.write(dir.resolve("tab.conll"), "New York\tB-LOC\nis\tO\nbig\u3000city\tO\n\n");
        List<Document> docs = Corpora.read(f, "conll", Map.of("separator", "tab"), new ArrayList<>());
        Path out = dir.resolve("tab-out.conll");
        Corpora.write(docs, out, "conll", Map.of("separator", "tab"));
        assertEquals(List.of("New York\tB-LOC", "is\tO", "big\u3000city\tO", ""), TempFiles.lines(out), "written as read");
        Exception e = assertThrows(dev.nlpipe.core.io.UnwritableDocumentException.class,
                () -> Corpora.write(docs, dir.resolve("space-out.conll"), "conll", Map.of("separator", "space")));
        assertTrue(e.getMessage().contains("'New York' holds a space") && e.getMessage().contains("separator: tab"), e.getMessage());
        // the writer's default is tab, the reader's whitespace: kept only where the user set tab, and so reads with it
        assertThrows(dev.nlpipe.core.io.UnwritableDocumentException.class,
                () -> Corpora.write(docs, dir.resolve("default-out.conll"), "conll", Map.of()));
    }

    @Test
    void bmesJoinsCharactersAndDecodesSpans() throws IOException {
        Path f = TempFiles.write(dir.resolve("in.bmes"), "张 B-NAME\n三 E-NAME\n在 O\n北 B-LOC\n京 M-LOC\n市 E-LOC\n\n我 S-PER\n\n");
        List<Document> docs = Corpora.read(f, "bmes");
        assertEquals("张三在北京市", docs.get(0).text());
        assertEquals(List.of(Entity.of("张三在北京市", "NAME", 0, 2), Entity.of("张三在北京市", "LOC", 3, 6)), docs.get(0).entities());
        assertEquals(List.of(Entity.of("我", "PER", 0, 1)), docs.get(1).entities());
        Path out = dir.resolve("out.bmes");
        Corpora.write(docs, out, "conll", Map.of("scheme", "bmes"));
        assertEquals("张\tB-NAME", TempFiles.lines(out).get(0));
        assertEquals("京\tM-LOC", TempFiles.lines(out).get(4));
        assertEquals(docs.get(0).entities(), Corpora.read(out, "bmes").get(0).entities());
    }

    @Test
    void columnFilesReportBrokenSentencesAndContinue() throws IOException {
        Path f = TempFiles.write(dir.resolve("bad.conll"), "a O\nbrokenline\nb O\n\nc B-X\n\n");
        List<BadRecord> bad = new ArrayList<>();
        List<Document> docs = Corpora.read(f, "conll", Map.of(), bad);
        assertEquals(List.of("c"), docs.stream().map(Document::text).toList());
        assertEquals(1, bad.size());
        assertEquals(2, bad.get(0).line());
    }

    @Test
    void csvWithQuotingMultilineFieldsAndBadRecords() throws IOException {
        Path f = TempFiles.write(dir.resolve("in.csv"), "id,label,text\n"
                + "1,pos,\"hello, \"\"world\"\"\"\n"
                + "2,neg,\"two\nlines\"\n"
                + "3,neg\n"
                + "4,pos,plain\n");
        List<BadRecord> bad = new ArrayList<>();
        List<Document> docs = Corpora.read(f, "csv", Map.of(), bad);
        assertEquals(List.of("hello, \"world\"", "two\nlines", "plain"), docs.stream().map(Document::text).toList());
        assertEquals(List.of("1", "2", "4"), docs.stream().map(Document::id).toList());
        assertEquals(Map.of("pos", 1.0), docs.get(0).labels());
        assertEquals(6, docs.get(2).meta().get("line"));
        assertEquals(1, bad.size());
        assertEquals(5, bad.get(0).line());
        assertTrue(bad.get(0).reason().contains("expected 3 fields, found 2"), bad.get(0).reason());
    }

    @Test
    void tsvIsUnquotedByDefaultAndColumnsAreConfigurable() throws IOException {
        Path f = TempFiles.write(dir.resolve("in.tsv"), "label\ttext_a\n1\t\"quoted\" start\n0\tsecond\n");
        List<Document> docs = Corpora.read(f, "tsv", Map.of("textColumn", "text_a"), new ArrayList<>());
        assertEquals(List.of("\"quoted\" start", "second"), docs.stream().map(Document::text).toList());
        assertEquals(Map.of("1", 1.0), docs.get(0).labels());
        InputFormatException e = assertThrows(InputFormatException.class, () -> Corpora.read(f, "tsv"));
        assertTrue(e.getMessage().contains("no column 'text' in the header (columns: label, text_a); set textColumn, or header: false if"), e.getMessage());
    }

    @Test
    void otherNamedColumnsAreKeptInTheMetadataAndWrittenBackByName() throws IOException {
        // a qid column was read into nothing, and a csv or tsv written with it came back blank
        Path f = TempFiles.write(dir.resolve("q.tsv"), "qid\tlabel\ttext_a\tsource\n101\t1\tgood\tweibo\n102\t0\tbad\tnews\n");
        List<Document> docs = Corpora.read(f, "tsv", Map.of("textColumn", "text_a"), new ArrayList<>());
        assertEquals("101", docs.get(0).meta().get("qid"));
        assertEquals("weibo", docs.get(0).meta().get("source"), "a column of the data wins over where it was read, as in JSONL");
        assertFalse(docs.get(0).meta().containsKey("text_a") || docs.get(0).meta().containsKey("label"));
        Path out = dir.resolve("q-out.tsv");
        Corpora.write(docs, out, "tsv", Map.of("columns", List.of("qid", "label", "text_a"), "textColumn", "text_a"));
        assertEquals(List.of("qid\tlabel\ttext_a", "101\t1\tgood", "102\t0\tbad"), TempFiles.lines(out));
    }

    @Test
    void aTsvWithoutHeaderRowReadsEveryRowWithColumnsByPosition() throws IOException {
        // as TNEWS and THUCNews come: title<TAB>label, no header
        Path f = TempFiles.write(dir.resolve("titles.tsv"), "上课时学生手机响个不停\tnews_edu\n商赢环球公告\tnews_finance\nonly one field\n");
        List<BadRecord> bad = new ArrayList<>();
        List<Document> docs = Corpora.read(f, "tsv", Map.of("header", false), bad);
        assertEquals(List.of("上课时学生手机响个不停", "商赢环球公告"), docs.stream().map(Document::text).toList());
        assertEquals(List.of(Map.of("news_edu", 1.0), Map.of("news_finance", 1.0)), docs.stream().map(Document::labels).toList());
        assertEquals(List.of("titles.tsv:1", "titles.tsv:2"), docs.stream().map(Document::id).toList());
        assertEquals(1, bad.size());
        assertEquals(3, bad.get(0).line());
        assertTrue(bad.get(0).reason().contains("expected 2 fields, found 1"), bad.get(0).reason());

        Path swapped = TempFiles.write(dir.resolve("swapped.tsv"), "8\t体验2D巅峰\n5\t铁树开花\n");
        List<Document> byNumber = Corpora.read(swapped, "tsv", Map.of("header", false, "textColumn", "2", "labelColumn", "1"),
                new ArrayList<>());
        assertEquals(List.of("体验2D巅峰", "铁树开花"), byNumber.stream().map(Document::text).toList());
        assertEquals(Map.of("8", 1.0), byNumber.get(0).labels());
    }

    @Test
    void aHeaderlessFileIsNamedInTheErrorsThatItsColumnsCauseAndTheHeaderErrorSuggestsIt() throws IOException {
        Path f = TempFiles.write(dir.resolve("titles.tsv"), "标题一\tnews_edu\n");
        ConfigException name = assertThrows(ConfigException.class,
                () -> Corpora.read(f, "tsv", Map.of("header", false, "textColumn", "text_a"), new ArrayList<>()));
        assertTrue(name.getMessage().contains("textColumn") && name.getMessage().contains("numbered from 1"), name.getMessage());
        InputFormatException beyond = assertThrows(InputFormatException.class,
                () -> Corpora.read(f, "tsv", Map.of("header", false, "labelColumn", "3"), new ArrayList<>()));
        assertTrue(beyond.getMessage().contains("the first row has 2 field(s), but labelColumn, idColumn or langColumn names column 3 (with header: false"),
                beyond.getMessage());
        InputFormatException header = assertThrows(InputFormatException.class, () -> Corpora.read(f, "tsv"));
        assertTrue(header.getMessage().contains("no column 'text' in the header (columns: 标题一, news_edu); set textColumn, or"
                + " header: false if the file has no header row"), header.getMessage());
    }

    @Test
    void csvLineNumbersStayRightAfterInvalidUtf8() throws IOException {
        byte[] head = "text,label\nfine,a\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = {'x', (byte) 0xFF, ',', 'b', '\n'};
        byte[] tail = "after,c\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head);
        all.writeBytes(broken);
        all.writeBytes(tail);
        Path f = TempFiles.writeBytes(dir.resolve("u.csv"), all.toByteArray());
        List<BadRecord> bad = new ArrayList<>();
        List<Document> docs = Corpora.read(f, "csv", Map.of(), bad);
        assertEquals(List.of("fine", "after"), docs.stream().map(Document::text).toList());
        assertEquals(4, docs.get(1).meta().get("line"));
        assertEquals(3, bad.get(0).line());
    }

    @Test
    void jsonlBadLinesAreReportedWithLineNumbers() throws IOException {
        Path f = TempFiles.write(dir.resolve("in.jsonl"), "{\"text\":\"a\"}\n{broken\n\n{\"id\":\"x\"}\n{\"text\":\"b\",\"label\":\"L\"}\n");
        List<BadRecord> bad = new ArrayList<>();
        List<Document> docs = Corpora.read(f, "jsonl", Map.of(), bad);
        assertEquals(List.of("a", "b"), docs.stream().map(Document::text).toList());
        assertEquals(List.of(2L, 4L), bad.stream().map(BadRecord::line).toList());
        assertEquals(Map.of("L", 1.0), docs.get(1).labels());
    }

    @Test
    void directoryOutputMirrorsInputFiles() throws IOException {
        Document a = new Document("a1", "x");
        a.meta().put("source", "in/a.txt");
        Document b = new Document("b1", "y");
        b.meta().put("source", "in/sub/b.txt");
        var writer = dev.nlpipe.core.stage.Components.get().writers().find("jsonl");
        Path out = dir.resolve("out");
        try (OutputSink sink = OutputSink.open(out, true, writer,
                dev.nlpipe.core.config.Options.of("w", Map.of(), writer.options()),
                d -> d.meta().get("source").toString().substring(3))) {
            sink.accept(a, null);
            sink.accept(b, null);
            sink.commit();
        }
        assertEquals(List.of("a.jsonl", "sub/b.jsonl"), TempFiles.tree(out));
        assertTrue(Files.readString(out.resolve("sub/b.jsonl")).contains("\"id\":\"b1\""));
    }

    @Test
    void specialFilesAreWrittenInPlaceNotReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        Corpora.write(List.of(new Document("a", "x")), devNull, "jsonl", Map.of());
        assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "/dev/null is still a device");
    }
}
