package dev.nlpipe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.Document;
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

/** A file that fails part-way is one bad record naming it; the other files are still read. */
class TruncatedInputTest {
    @TempDir
    Path dir;

    private final List<BadRecord> bad = new ArrayList<>();

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private List<Document> readWithATruncatedFirstFile(int keepBytes) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("line ").append(i).append(' ').append(Integer.toHexString(i * 7919)).append('\n');
        }
        byte[] gz = gzip(text.toString());
        TempFiles.writeBytes(dir.resolve("in/a.txt.gz"), Arrays.copyOf(gz, Math.min(keepBytes, gz.length / 2)));
        TempFiles.write(dir.resolve("in/b.txt"), "after\n");
        return Corpora.read(dir.resolve("in"), "text", Map.of(), bad);
    }

    @Test
    void aTruncatedGzipIsOneBadRecordNamingTheFileAndTheNextFileIsRead() throws IOException {
        List<Document> docs = readWithATruncatedFirstFile(Integer.MAX_VALUE);
        assertEquals(1, bad.size());
        assertTrue(bad.get(0).source().endsWith("a.txt.gz"), bad.get(0).source());
        assertEquals("after", docs.get(docs.size() - 1).text());
    }

    @Test
    void theRecordsReadBeforeTheCutAreKept() throws IOException {
        List<Document> docs = readWithATruncatedFirstFile(Integer.MAX_VALUE);
        assertTrue(docs.size() > 1, "some lines of the truncated file were read");
        assertTrue(bad.get(0).reason().contains((docs.size() - 1) + " record"), bad.get(0).reason());
    }

    @Test
    void aGzipCutInsideItsHeaderIsOneBadRecord() throws IOException {
        List<Document> docs = readWithATruncatedFirstFile(5);
        assertEquals(1, bad.size());
        assertEquals(List.of("after"), docs.stream().map(Document::text).toList());
    }
}
