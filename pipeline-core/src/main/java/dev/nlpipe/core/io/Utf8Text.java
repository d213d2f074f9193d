package dev.nlpipe.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Readers for small UTF-8 text files that people edit by hand (word lists, dictionaries, gold
 * segmentations): a leading byte-order mark, which Notepad and other Windows tools write, is
 * dropped so it never becomes part of the first word. Corpus input goes through {@link LineReader}
 * instead, which does the same and also reports bad lines.
 */
public final class Utf8Text {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Utf8Text() {
    }

    /**
     * A buffered reader of {@code file} positioned after its byte-order mark, if it has one. Text
     * that is not UTF-8 (a GBK word list, say) stops {@link BufferedReader#readLine} with an
     * {@link InputFormatException} naming the file and line, not a bare decoding error.
     */
    public static BufferedReader open(Path file) throws IOException {
        return skipByteOrderMark(new StrictUtf8Reader(file));
    }

    /** A buffered reader of {@code in} positioned after its byte-order mark, if it has one. */
    public static BufferedReader open(InputStream in) throws IOException {
        return skipByteOrderMark(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    }

    /** The lines of {@code file}, without a leading byte-order mark; errors as for {@link #open(Path)}. */
    public static List<String> readAllLines(Path file) throws IOException {
        try (BufferedReader in = open(file)) {
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
            return lines;
        }
    }

    /** Says which line is not UTF-8 when decoding fails. */
    private static final class StrictUtf8Reader extends BufferedReader {
        private final Path file;

        StrictUtf8Reader(Path file) throws IOException {
            super(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            this.file = file;
        }

        @Override
        public String readLine() throws IOException {
            try {
                return super.readLine();
            } catch (CharacterCodingException e) {
                throw notUtf8(file);
            }
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (CharacterCodingException e) {
                throw notUtf8(file);
            }
        }
    }

    /**
     * The error for a file that is not UTF-8, at its first such line. The decoder reads ahead by
     * blocks, so the line is found by decoding the file again line by line (only on this path).
     */
    private static InputFormatException notUtf8(Path file) {
        long line = 0;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
            java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
            boolean bad = false;
            for (int b = in.read(); !bad; b = in.read()) {
                if (b == '\n' || b < 0) {
                    line++;
                    try {
                        strict.decode(java.nio.ByteBuffer.wrap(current.toByteArray()));
                    } catch (CharacterCodingException e) {
                        bad = true;
                    }
                    current.reset();
                    if (b < 0) {
                        break;
                    }
                } else {
                    current.write(b);
                }
            }
            if (!bad) {
                line = 1;
            }
        } catch (IOException e) {
            line = 1;
        }
        return new InputFormatException(file.toString(), line, "not valid UTF-8 text; save the file as UTF-8"
                + " (a GBK file: iconv -f GBK -t UTF-8 " + file.getFileName() + ")");
    }

    private static BufferedReader skipByteOrderMark(BufferedReader reader) throws IOException {
        try {
            reader.mark(1);
            if (reader.read() != BYTE_ORDER_MARK) {
                reader.reset();
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }
}
