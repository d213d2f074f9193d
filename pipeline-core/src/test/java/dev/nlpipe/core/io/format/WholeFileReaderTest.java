package dev.nlpipe.core.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.testing.Corpora;
import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code text} with {@code unit: file}: a file is one record, never published with a line cut out. */
class WholeFileReaderTest {
    @TempDir
    Path dir;

    private final List<BadRecord> bad = new ArrayList<>();

    private List<Document> read(byte[] content) throws IOException {
        Path f = TempFiles.writeBytes(dir.resolve("doc.txt"), content);
        return Corpora.read(f, "text", Map.of("unit", "file"), bad);
    }

    private static byte[] withMiddleLine(byte[] middle) {
        byte[] head = "good line one\n".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\nlast good line".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(middle, 0, out, head.length, middle.length);
        System.arraycopy(tail, 0, out, head.length + middle.length, tail.length);
        return out;
    }

    @Test
    void aFileWithInvalidUtf8IsOneBadRecordAndNoDocument() throws IOException {
        List<Document> docs = read(withMiddleLine(new byte[] {'b', (byte) 0xC3, 'x'}));
        assertEquals(List.of(), docs);
        assertEquals(1, bad.size());
        assertEquals(2, bad.get(0).line());
    }

    @Test
    void aFileWithANulByteIsOneBadRecordAndNoDocument() throws IOException {
        List<Document> docs = read(withMiddleLine(new byte[] {'a', 0, 'b'}));
        assertEquals(List.of(), docs);
        assertEquals(1, bad.size());
    }

    @Test
    void windowsLineEndsStaySoOffsetsPointIntoTheFile() throws IOException {
        List<Document> docs = read("first line\r\nsecond\n\r\nthird\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("first line\r\nsecond\n\r\nthird", docs.get(0).text(), "every line end as written but the last");
    }

    @Test
    void aGoodFileIsReadWhole() throws IOException {
        List<Document> docs = read(withMiddleLine("middle".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, docs.size());
        assertEquals("good line one\nmiddle\nlast good line", docs.get(0).text());
        assertEquals(List.of(), bad);
    }
}
