package dev.nlpipe.core.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.io.CorpusReader;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.ReadSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClueNerReaderTest {

    @Test
    void spansBecomeEntitiesWithExclusiveEnds() throws Exception {
        Document d = ClueNerReader.parse("{\"text\": \"浙商银行企业信贷部叶老桂博士\", \"label\": {\"name\": {\"叶老桂\": [[9, 11]]},"
                + " \"company\": {\"浙商银行\": [[0, 3]]}}}", "id", "f:1");
        assertEquals(List.of(Entity.of(d.text(), "company", 0, 4), Entity.of(d.text(), "name", 9, 12)), d.entities());
        assertEquals("f:1", d.id());
    }

    @Test
    void offsetsCountCodePointsAndBecomeUtf16() throws Exception {
        String text = "😀王五来了";
        Document d = ClueNerReader.parse("{\"text\": \"" + text + "\", \"label\": {\"name\": {\"王五\": [[1, 2]]}}}", "id", "x");
        assertEquals("王五", d.entities().get(0).text());
        assertEquals(2, d.entities().get(0).start());
    }

    @Test
    void unlabelledLinesHaveNoEntities() throws Exception {
        Document d = ClueNerReader.parse("{\"id\": 7, \"text\": \"四川敦煌\"}", "id", "x");
        assertEquals("7", d.id());
        assertEquals(List.of(), d.entities());
    }

    @Test
    void nestedEntitiesAreReadAsTheFileHasThem(@TempDir Path dir) throws Exception {
        // train.json line 1507 of CLUENER2020 has this shape: two companies inside a book title
        Path f = dir.resolve("train.json");
        Files.writeString(f, "{\"text\": \"题为《招商银行：投资永隆银行》的文章\", \"label\": {\"company\": {\"招商银行\": [[3, 6]],"
                + " \"永隆银行\": [[10, 13]]}, \"book\": {\"《招商银行：投资永隆银行》\": [[2, 14]]}, \"name\": {\"文章\": [[16, 17]]}}}\n");
        CollectedRecords records = new CollectedRecords();
        List<Document> docs = read(f, new ReadSettings(null, ReadSettings.DEFAULT_MAX_LINE_BYTES, records, new AtomicLong()));
        assertEquals(List.of(), records.bad);
        assertEquals(List.of(), records.warnings);
        String text = docs.get(0).text();
        assertEquals(List.of(Entity.of(text, "book", 2, 15), Entity.of(text, "company", 3, 7), Entity.of(text, "company", 10, 14),
                Entity.of(text, "name", 16, 18)), docs.get(0).entities());
    }

    private static List<Document> read(Path f, ReadSettings settings) throws Exception {
        ClueNerReader reader = new ClueNerReader();
        List<Document> docs = new ArrayList<>();
        try (CorpusReader r = reader.open(new InputSource(f, f.toString(), f.getFileName().toString()),
                Options.of("cluener", Map.of(), reader.options()), settings)) {
            r.forEachRemaining(docs::add);
        }
        return docs;
    }

    @Test
    void badSpansAreBadRecordsAndTheRestIsRead(@TempDir Path dir) throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> ClueNerReader.parse("{\"text\": \"abc\", \"label\": {\"x\": {\"ab\": [[1, 2]]}}}", "id", "x"));
        Path f = dir.resolve("dev.json");
        Files.writeString(f, "{\"text\": \"abc\", \"label\": {\"x\": {\"zz\": [[0, 1]]}}}\n{\"text\": \"李四\", \"label\": {\"name\":"
                + " {\"李四\": [[0, 1]]}}}\nnot json\n");
        List<BadRecord> bad = new ArrayList<>();
        ReadSettings settings = new ReadSettings(null, ReadSettings.DEFAULT_MAX_LINE_BYTES, bad::add, new AtomicLong());
        List<Document> docs = read(f, settings);
        assertEquals(1, docs.size());
        assertEquals("李四", docs.get(0).entities().get(0).text());
        assertEquals(2, bad.size());
        assertEquals(1, bad.get(0).line());
        assertTrue(bad.get(0).reason().contains("reads 'ab', not 'zz'"), bad.get(0).reason());
    }

    @Test
    void recordsThatLenientJsonWouldMisreadAreRefused() {
        // a repeated key (the last would win), a lone surrogate (written as '?'), a type whose mention level is missing
        // (read as no entities), a mention whose spans are not a list
        for (String line : List.of("{\"text\": \"a\", \"text\": \"b\"}", "{\"text\": \"a\\ud800\"}",
                "{\"text\": \"李四\", \"label\": {\"name\": [[0, 1]]}}", "{\"text\": \"李四\", \"label\": {\"name\": {\"李四\": 0}}}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClueNerReader.parse(line, "id", "x"), line);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), line);
        }
    }
}
