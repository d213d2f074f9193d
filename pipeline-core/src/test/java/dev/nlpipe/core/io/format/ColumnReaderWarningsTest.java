package dev.nlpipe.core.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.io.CorpusInput;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines of {@code bmes} and {@code conll} files that are read as they are but reported as warnings. */
class ColumnReaderWarningsTest {
    @TempDir
    Path dir;

    private static List<Document> read(Path file, String format, CollectedRecords sink) throws IOException {
        ReaderProvider reader = Components.get().readers().find(format);
        Options options = Options.of("input format '" + format + "'", Map.of(), reader.options());
        List<Document> docs = new ArrayList<>();
        try (CorpusInput in = CorpusInput.open(file, null, true, reader, options,
                new ReadSettings(null, ReadSettings.DEFAULT_MAX_LINE_BYTES, sink, new AtomicLong()))) {
            in.forEachRemaining(docs::add);
        }
        return docs;
    }

    /** A Weibo-NER-style file: each character followed by its position in the word. */
    private Path positions() {
        return TempFiles.write(dir.resolve("pos.bmes"), "我0\tO\n爱0\tO\n北0\tB-LOC\n京1\tE-LOC\n\n好0\tO\n\n");
    }

    @Test
    void bmesTokensLongerThanOneCharacterAreWarnedWithTheirLines() throws IOException {
        CollectedRecords sink = new CollectedRecords();
        read(positions(), "bmes", sink);
        assertEquals(List.of(1L, 2L, 3L, 4L, 6L), sink.warnings.stream().map(BadRecord::line).toList());
    }

    @Test
    void bmesWarningsNameTheFile() throws IOException {
        CollectedRecords sink = new CollectedRecords();
        Path f = positions();
        read(f, "bmes", sink);
        assertEquals(f.toString(), sink.warnings.get(0).source());
    }

    @Test
    void bmesLinesWithLongTokensAreStillReadAsBefore() throws IOException {
        CollectedRecords sink = new CollectedRecords();
        List<Document> docs = read(positions(), "bmes", sink);
        assertEquals(List.of("我0爱0北0京1", "好0"), docs.stream().map(Document::text).toList());
        assertEquals("北0京1", docs.get(0).entities().get(0).text());
    }

    @Test
    void warningsAreNotBadRecords() throws IOException {
        CollectedRecords sink = new CollectedRecords();
        read(positions(), "bmes", sink);
        assertEquals(List.of(), sink.bad);
    }

    @Test
    void aCharacterOutsideTheBmpIsOneBmesCharacter() throws IOException {
        CollectedRecords sink = new CollectedRecords();
        read(TempFiles.write(dir.resolve("ext.bmes"), "𠀋 S-PER\n好 O\n\n"), "bmes", sink);
        assertEquals(List.of(), sink.warnings);
    }

    @Test
    void aTokenThatIsAWideSpaceStaysAToken() throws IOException {
        CollectedRecords sink = new CollectedRecords();
        List<Document> docs = read(TempFiles.write(dir.resolve("space.bmes"), "姚 B-NAME\n明 E-NAME\n\u3000 O\n在 O\n\n好 O\n\n"), "bmes", sink);
        assertEquals(List.of(), sink.bad, "no sentence dropped");
        assertEquals(2, docs.size());
        assertEquals(List.of("姚", "明", "\u3000", "在"), docs.get(0).tokens().stream().map(Token::text).toList());
        assertEquals("姚明", docs.get(0).entities().get(0).text());
    }

    @Test
    void aLineKeepsATokenThatIsASpaceAndLosesAnIndent() {
        assertEquals("EU\tB-ORG", ColumnReader.columnsOf("  EU\tB-ORG  ", true), "an indent before a tab-separated token");
        assertEquals(" \tO", ColumnReader.columnsOf(" \tO", true), "a space token before the tab");
        assertEquals("\u3000 O", ColumnReader.columnsOf("\u3000 O\r", false));
        assertEquals("EU B-ORG", ColumnReader.columnsOf(" \tEU B-ORG", false));
    }

    @Test
    void aBmesLineWithAnExtraColumnIsWarned() throws IOException {
        CollectedRecords sink = new CollectedRecords();
        List<Document> docs = read(TempFiles.write(dir.resolve("cols.bmes"), "我 O\n爱 O\n北 0 B-LOC\n京 E-LOC\n\n"), "bmes", sink);
        assertEquals(List.of(3L), sink.warnings.stream().map(BadRecord::line).toList());
        assertEquals("我爱北京", docs.get(0).text());
    }

    @Test
    void aConllLineWhoseColumnCountDiffersFromTheFirstIsWarned() throws IOException {
        CollectedRecords sink = new CollectedRecords();
        Path f = TempFiles.write(dir.resolve("in.conll"), "-DOCSTART- O\n\nWe O\nvisited O\n\nNew York B-LOC\ntoday O\n\n");
        List<Document> docs = read(f, "conll", sink);
        assertEquals(List.of(6L), sink.warnings.stream().map(BadRecord::line).toList());
        assertEquals(2, docs.size());
    }

    @Test
    void conllWordsAreNotWarned() throws IOException {
        CollectedRecords sink = new CollectedRecords();
        read(TempFiles.write(dir.resolve("words.conll"), "Yao B-PER\nMing I-PER\nplays O\n\nBeijing B-LOC\n\n"), "conll", sink);
        assertEquals(List.of(), sink.warnings);
    }

    @Test
    void eachFileIsCheckedAgainstItsOwnFirstLine() throws IOException {
        TempFiles.write(dir.resolve("c/a.conll"), "We PRP O\n\n");
        TempFiles.write(dir.resolve("c/b.conll"), "They O\n\n");
        CollectedRecords sink = new CollectedRecords();
        List<Document> docs = read(dir.resolve("c"), "conll", sink);
        assertEquals(2, docs.size());
        assertTrue(sink.warnings.isEmpty(), sink.warnings.toString());
    }
}
