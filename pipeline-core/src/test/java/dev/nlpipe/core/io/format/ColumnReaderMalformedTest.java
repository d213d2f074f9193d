package dev.nlpipe.core.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.testing.Corpora;
import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed lines and tags in column files make the sentence a bad record, wherever it is. */
class ColumnReaderMalformedTest {
    @TempDir
    Path dir;

    private final List<BadRecord> bad = new ArrayList<>();

    private List<String> texts(String name, String content) throws IOException {
        Path f = TempFiles.write(dir.resolve(name), content);
        return Corpora.read(f, name.substring(name.indexOf('.') + 1), Map.of(), bad).stream().map(Document::text).toList();
    }

    @Test
    void aMalformedLineInTheLastSentenceWithoutATrailingBlankLineSkipsIt() throws IOException {
        assertEquals(List.of("我爱"), texts("a.bmes", "我 O\n爱 O\n\n北 B-LOC\n京\n市 E-LOC"));
        assertEquals(List.of(5L), bad.stream().map(BadRecord::line).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZZZ", "B-", "S", "B_", "X-PER"})
    void aTagThatIsNotOOrPrefixTypeMakesTheSentenceABadRecord(String tag) throws IOException {
        assertEquals(List.of("好"), texts("t.bmes", "好 O\n\n北 B-LOC\n京 " + tag + "\n\n"));
        assertEquals(List.of(4L), bad.stream().map(BadRecord::line).toList());
    }

    @Test
    void aSentenceThatLostAnUnreadableLineIsSkippedWhole() throws IOException {
        // line 3 is Latin-1, not UTF-8: "Peter said" with PER on Peter alone would be wrong gold
        Path f = dir.resolve("latin1.conll");
        java.nio.file.Files.write(f, ("Hi O\n\nPeter B-PER\nM\u00fcller I-PER\nsaid O\n\nOk O\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(List.of("Hi", "Ok"), Corpora.read(f, "conll", Map.of(), bad).stream().map(Document::text).toList());
        assertEquals(List.of(4L), bad.stream().map(BadRecord::line).toList(), "one bad record, the unreadable line");
        bad.clear();
        // the lost line is the last of the file, after the sentence's last token
        java.nio.file.Files.write(f, "Hi O\n\nPeter B-PER\nM\u00fcller I-PER".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(List.of("Hi"), Corpora.read(f, "conll", Map.of(), bad).stream().map(Document::text).toList());
    }

    @Test
    void aSentenceWithoutBlankLinesStopsAtTheRecordLimitInsteadOfHoldingTheRestOfTheFile() throws IOException {
        StringBuilder bmes = new StringBuilder("好 O\n\n");
        for (int i = 0; i < 2000; i++) {
            bmes.append("字 O\n");
        }
        bmes.append("\n北 B-LOC\n京 E-LOC\n");
        Path f = TempFiles.write(dir.resolve("long.bmes"), bmes.toString());
        // sentences of at most 200 characters, as input.maxLineLength: 200 sets them
        List<Document> docs = Corpora.read(f, "bmes", Map.of(), 200, bad);
        assertEquals(List.of("好", "北京"), docs.stream().map(Document::text).toList());
        assertEquals(1, bad.size(), "one bad record for the whole run-on sentence");
        assertEquals(3L, bad.get(0).line());
        org.junit.jupiter.api.Assertions.assertTrue(bad.get(0).reason().contains("runs past 200 characters without a blank line"),
                bad.get(0).reason());
    }

    @Test
    void wellFormedTagsOfEverySchemeAreRead() throws IOException {
        assertEquals(List.of("Yao Ming in Beijing today"),
                texts("ok.conll", "Yao B-PER\nMing E-PER\nin O\nBeijing S_LOC\ntoday O\n"));
        assertEquals(List.of(), bad);
    }
}
