package dev.nlpipe.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** A buffered reader of {@code file} positioned after its byte-order mark, if it has one. */
    public static BufferedReader open(Path file) throws IOException {
        return skipByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** A buffered reader of {@code in} positioned after its byte-order mark, if it has one. */
    public static BufferedReader open(InputStream in) throws IOException {
        return skipByteOrderMark(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
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
