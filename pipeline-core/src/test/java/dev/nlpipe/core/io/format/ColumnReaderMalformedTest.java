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
    void wellFormedTagsOfEverySchemeAreRead() throws IOException {
        assertEquals(List.of("Yao Ming in Beijing today"),
                texts("ok.conll", "Yao B-PER\nMing E-PER\nin O\nBeijing S_LOC\ntoday O\n"));
        assertEquals(List.of(), bad);
    }
}
