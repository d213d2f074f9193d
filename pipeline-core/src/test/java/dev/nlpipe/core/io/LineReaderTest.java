package dev.nlpipe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private final List<BadRecord> bad = new ArrayList<>();

    private List<String> read(byte[] bytes, int max) throws IOException {
        List<String> out = new ArrayList<>();
        try (LineReader r = new LineReader(new ByteArrayInputStream(bytes), max, "src", bad::add)) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(r.lineNumber() + ":" + line);
            }
            assertNull(r.readLine());
        }
        return out;
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes((byte[]) p);
            }
        }
        return out.toByteArray();
    }

    @Test
    void splitsOnLfAndCrLfAndKeepsALastLineWithoutNewline() throws IOException {
        assertEquals(List.of("1:a", "2:中文", "3:", "4:last"), read(bytes("a\r\n中文\n\nlast"), 100));
        assertEquals(List.of(), bad);
    }

    @Test
    void dropsAByteOrderMark() throws IOException {
        assertEquals(List.of("1:x", "2:y"), read(bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "x\ny\n"), 100));
    }

    @Test
    void reportsInvalidUtf8BinaryAndLongLinesWithTheirNumbersAndGoesOn() throws IOException {
        byte[] input = bytes("ok\n", new byte[] {'b', (byte) 0xC3, '(', '\n'}, "fine\n", new byte[] {'z', 0, 'z', '\n'},
                "0123456789abcdef\n", "end\n");
        assertEquals(List.of("1:ok", "3:fine", "6:end"), read(input, 10));
        assertEquals(3, bad.size());
        assertEquals(new BadRecord("src", 2, null, null, "invalid UTF-8"), bad.get(0));
        assertEquals(4, bad.get(1).line());
        assertEquals("binary content (NUL byte at column 2)", bad.get(1).reason());
        assertEquals(5, bad.get(2).line());
        assertTrue(bad.get(2).reason().startsWith("line longer than 10 bytes"), bad.get(2).reason());
    }

    @Test
    void aLineOfExactlyTheMaximumIsAccepted() throws IOException {
        assertEquals(List.of("1:0123456789", "2:x"), read(bytes("0123456789\r\nx"), 10));
        assertEquals(List.of(), bad);
    }

    @Test
    void longLinesAcrossBufferBoundaries() throws IOException {
        String big = "中".repeat(100_000);
        assertEquals(List.of("1:" + big, "2:tail"), read(bytes(big, "\n", "tail\n"), 1_000_000));
        assertEquals(List.of("2:tail"), read(bytes(big, "\n", "tail\n"), 1000));
        assertEquals(1, bad.size());
    }

    /** {@code length} bytes of 'a' followed by {@code tail}, generated without holding them. */
    private static InputStream longLine(long length, byte[] tail) {
        return new InputStream() {
            private long left = length;
            private int tailPos;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left > 0) {
                    int n = (int) Math.min(len, left);
                    Arrays.fill(b, off, off + n, (byte) 'a');
                    left -= n;
                    return n;
                }
                if (tailPos == tail.length) {
                    return -1;
                }
                int n = Math.min(len, tail.length - tailPos);
                System.arraycopy(tail, tailPos, b, off, n);
                tailPos += n;
                return n;
            }
        };
    }

    @Test
    void aLineOverTwoGibibytesIsABadRecordAndReadingGoesOn() throws IOException {
        List<String> good = new ArrayList<>();
        try (LineReader r = new LineReader(longLine((1L << 31) + 70_000, bytes("\nok\n")), 100, "src", bad::add)) {
            for (String line; (line = r.readLine()) != null; ) {
                good.add(r.lineNumber() + ":" + line);
            }
        }
        assertEquals(List.of("2:ok"), good);
        assertEquals(List.of(1L), bad.stream().map(BadRecord::line).toList());
    }

    @Test
    void aLineWithoutEndIsReportedOnceAndEndsTheInput() throws IOException {
        try (LineReader r = new LineReader(longLine(Long.MAX_VALUE, new byte[0]), 100, "src", bad::add, 1, 1 << 20)) {
            assertNull(r.readLine());
            assertNull(r.readLine());
        }
        assertEquals(1, bad.size());
    }

    @Test
    void aPartOfAFileNumbersFromItsFirstLineAndKeepsAByteOrderMarkThatDoesNotStartTheFile() throws IOException {
        byte[] part = bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "a\r\n", new byte[] {(byte) 0xC3, (byte) 0x28}, "\nb\n");
        List<String> good = new ArrayList<>();
        try (LineReader r = new LineReader(new ByteArrayInputStream(part), 100, "src", bad::add, 7)) {
            for (String line; (line = r.readLine()) != null; ) {
                good.add(r.lineNumber() + ":" + line);
            }
        }
        assertEquals(List.of("7:\uFEFFa", "9:b"), good);
        assertEquals(List.of(8L), bad.stream().map(BadRecord::line).toList());
    }
}
