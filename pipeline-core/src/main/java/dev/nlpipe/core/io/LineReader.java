package dev.nlpipe.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from a byte stream, strictly: a line with invalid UTF-8, a NUL byte (binary
 * content) or more than {@code maxLineBytes} bytes is reported to a {@link BadRecordSink} and
 * skipped, and reading goes on. Accepts {@code \n} and {@code \r\n}; drops a leading byte-order mark.
 * A line with no end within {@link #GIVE_UP_BYTES} bytes ({@code /dev/zero}, say) is reported and
 * ends the input, since skipping it would never finish. Not thread-safe.
 */
public final class LineReader implements Closeable {
    private static final int BUFFER = 1 << 16;
    /** How far an over-long line is skipped looking for its end before the rest of the input is given up. */
    public static final long GIVE_UP_BYTES = 1L << 32;

    private final InputStream in;
    private final int maxLineBytes;
    private final String source;
    private final BadRecordSink errors;
    private final long giveUpBytes;
    private final String maxLineKey;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private long lineNumber;
    private long skipped;
    /** How the line read last ended: "\n", "\r\n", or "" at the end of the input. */
    private String ending = "";
    private boolean eof;
    private boolean first;

    /**
     * @param in the bytes (already decompressed)
     * @param maxLineBytes the longest line accepted
     * @param source how errors name the input
     * @param errors where bad lines go
     */
    public LineReader(InputStream in, int maxLineBytes, String source, BadRecordSink errors) {
        this(in, maxLineBytes, source, errors, 1, GIVE_UP_BYTES);
    }

    /**
     * Lines of a part of a file that starts at line {@code firstLine} (a line start): they are
     * numbered from there, and only the file's first line may start with a byte-order mark.
     */
    public LineReader(InputStream in, int maxLineBytes, String source, BadRecordSink errors, long firstLine) {
        this(in, maxLineBytes, source, errors, firstLine, GIVE_UP_BYTES);
    }

    LineReader(InputStream in, int maxLineBytes, String source, BadRecordSink errors, long firstLine, long giveUpBytes) {
        this(in, maxLineBytes, source, errors, firstLine, giveUpBytes, ReadSettings.INPUT_MAX_LINE_KEY);
    }

    private LineReader(InputStream in, int maxLineBytes, String source, BadRecordSink errors, long firstLine, long giveUpBytes,
                       String maxLineKey) {
        this.maxLineKey = maxLineKey;
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.source = source;
        this.errors = errors;
        this.lineNumber = firstLine - 1;
        this.first = firstLine == 1;
        this.giveUpBytes = giveUpBytes;
    }

    /**
     * The lines of an input file as a reader of {@code settings} reads them: its bytes counted, from
     * its first line, a line past the limit reported naming the setting that raises it.
     */
    public static LineReader open(InputSource source, ReadSettings settings) throws IOException {
        return new LineReader(source.open(settings.bytesRead()), settings.maxLineBytes(), source.name(), settings.errors(),
                source.firstLine(), GIVE_UP_BYTES, settings.maxLineKey());
    }

    /** The setting that raises the line limit, as the user writes it ({@code input.maxLineLength}, {@code data.maxLineLength}). */
    public String maxLineKey() {
        return maxLineKey;
    }

    /** The next good line without its terminator, or {@code null} at the end. */
    public String readLine() throws IOException {
        while (true) {
            long n = readRawLine();
            if (n < 0) {
                return null;
            }
            lineNumber++;
            if (n > giveUpBytes) {
                errors.accept(BadRecord.unreadable(source, lineNumber, "no line end within " + giveUpBytes
                        + " bytes (binary data or a device?); the rest of the input is skipped"));
                skipped++;
                eof = true;
                pos = limit;
                return null;
            }
            if (n > maxLineBytes) {
                errors.accept(BadRecord.unreadable(source, lineNumber, "line longer than " + maxLineBytes
                        + " bytes (raise " + maxLineKey + " to read it)"));
                skipped++;
                continue;
            }
            int start = 0;
            if (first) {
                first = false;
                if (n >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
                    start = 3;
                }
            }
            String s = decode(start, (int) n);
            if (s != null) {
                return s;
            }
            skipped++;
        }
    }

    /**
     * How many lines were reported bad and skipped so far: a reader of records that span lines
     * (a sentence of a column file) checks it to drop a record that lost a line.
     */
    public long skippedLines() {
        return skipped;
    }

    /**
     * How the line {@link #readLine} returned last ended in the input: {@code "\n"}, {@code "\r\n"},
     * {@code "\r"} (only the last line of the input can end so), or {@code ""} for a last line without a line end.
     */
    public String lastLineEnding() {
        return ending;
    }

    /** The 1-based number of the line {@link #readLine} returned last. */
    public long lineNumber() {
        return lineNumber;
    }

    public String source() {
        return source;
    }

    private String decode(int start, int end) {
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            byte b = line[i];
            if (b == 0) {
                errors.accept(BadRecord.unreadable(source, lineNumber, "binary content (NUL byte at column " + (i - start + 1) + ")"));
                return null;
            }
            if (b < 0) {
                ascii = false;
            }
        }
        if (ascii) {
            return new String(line, start, end - start, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, start, end - start));
            return chars.toString();
        } catch (CharacterCodingException e) {
            errors.accept(BadRecord.unreadable(source, lineNumber, "invalid UTF-8"));
            return null;
        }
    }

    /**
     * Copies the next line into {@link #line}; returns its length (possibly more than
     * maxLineBytes, in which case the content was dropped; a long, as a line may pass 2 GiB), or
     * -1 at end of input. Stops early, returning a length over giveUpBytes, when the line has no end.
     */
    private long readRawLine() throws IOException {
        long n = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    if (!any) {
                        return -1;
                    }
                    long kept = stripCr(n);
                    ending = kept < n ? "\r" : "";
                    return kept;
                }
            }
            any = true;
            int i = pos;
            while (i < limit && buf[i] != '\n') {
                i++;
            }
            int chunk = i - pos;
            if (n <= maxLineBytes) {
                int kept = (int) n;
                int keep = (int) Math.min(chunk, maxLineBytes + 2L - kept);
                ensure(kept + keep);
                System.arraycopy(buf, pos, line, kept, keep);
            }
            n += chunk;
            if (i < limit) {
                pos = i + 1;
                long kept = stripCr(n);
                ending = kept < n ? "\r\n" : "\n";
                return kept;
            }
            pos = limit;
            if (n > giveUpBytes) {
                return n;
            }
        }
    }

    private long stripCr(long n) {
        if (n > 0 && n <= maxLineBytes + 1L && line[(int) n - 1] == '\r') {
            return n - 1;
        }
        return n;
    }

    private void ensure(int size) {
        if (size > line.length) {
            line = Arrays.copyOf(line, (int) Math.max(size, Math.min(line.length * 2L, maxLineBytes + 2L)));
        }
    }

    private boolean fill() throws IOException {
        int r = in.read(buf, 0, buf.length);
        if (r <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = r;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
