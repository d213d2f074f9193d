package dev.nlpipe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A byte-order mark at the start of a hand-edited file is not text; one anywhere else is kept. */
class Utf8TextTest {

    @TempDir
    Path dir;

    @Test
    void aLeadingByteOrderMarkIsDropped() throws IOException {
        Path file = dir.resolve("words.txt");
        Files.writeString(file, "\uFEFF北京\n上海\n", StandardCharsets.UTF_8);
        try (BufferedReader in = Utf8Text.open(file)) {
            assertEquals(List.of("北京", "上海"), in.lines().toList());
        }
    }

    @Test
    void textWithoutAMarkIsReadWhole() throws IOException {
        try (BufferedReader in = Utf8Text.open(stream("北京\n"))) {
            assertEquals("北京", in.readLine());
            assertNull(in.readLine());
        }
    }

    @Test
    void onlyTheFirstMarkIsDropped() throws IOException {
        try (BufferedReader in = Utf8Text.open(stream("\uFEFF\uFEFFa\n\uFEFFb"))) {
            assertEquals(List.of("\uFEFFa", "\uFEFFb"), in.lines().toList());
        }
    }

    @Test
    void anEmptyFileHasNoLines() throws IOException {
        Path file = dir.resolve("empty.txt");
        Files.writeString(file, "");
        try (BufferedReader in = Utf8Text.open(file)) {
            assertNull(in.readLine());
        }
    }

    @Test
    void textThatIsNotUtf8NamesTheFileAndLine() throws IOException {
        Path file = dir.resolve("gold.txt");
        byte[] gbk = "北京 欢迎 你".getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] head = "ok\nfine\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(head, head.length + gbk.length);
        System.arraycopy(gbk, 0, all, head.length, gbk.length);
        Files.write(file, all);
        InputFormatException e = assertThrows(InputFormatException.class, () -> Utf8Text.readAllLines(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(file + ":3:") && e.getMessage().contains("UTF-8"), e.getMessage());
        Files.write(file, gbk);
        assertEquals(1, assertThrows(InputFormatException.class, () -> Utf8Text.readAllLines(file)).line(),
                "a first byte that is not UTF-8 (read for the byte-order mark)");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
