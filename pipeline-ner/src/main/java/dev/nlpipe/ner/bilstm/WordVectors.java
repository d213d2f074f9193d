package dev.nlpipe.ner.bilstm;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Reads pretrained vectors in word2vec's formats: text ({@code word v1 v2 ...} per line, with or
 * without the {@code count dim} header line) or binary (the header line, then per word its UTF-8
 * bytes, a space and {@code dim} little-endian floats). Only the vectors a caller wants are kept,
 * so a large file costs little memory. {@code .gz} files are decompressed.
 */
final class WordVectors {

    /**
     * @param dim the vector size
     * @param vectors the kept vectors by (normalized) word
     * @param read how many vectors the file held
     */
    record Loaded(int dim, Map<String, float[]> vectors, long read) {
    }

    private WordVectors() {
    }

    /**
     * Reads a file.
     *
     * @param file the vectors
     * @param format {@code text}, {@code binary} or {@code auto} (binary when the header is followed by raw bytes)
     * @param normalize maps a file word to the caller's key (the first vector wins for a key)
     * @param keep which keys to keep
     */
    static Loaded read(Path file, String format, Function<String, String> normalize, Predicate<String> keep) throws IOException {
        try (InputStream raw = open(file)) {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(1 << 16);
            String first = line(in);
            if (first == null) {
                throw new IOException(file + " is empty");
            }
            String[] head = first.trim().split("\\s+");
            boolean header = head.length == 2 && head[0].matches("\\d+") && head[1].matches("\\d+");
            boolean binary = format.equals("binary") || format.equals("auto") && header && looksBinary(in);
            if (binary) {
                if (!header) {
                    throw new IOException(file + ": a binary word2vec file starts with a 'count dim' line");
                }
                return readBinary(file, in, Long.parseLong(head[0]), Integer.parseInt(head[1]), normalize, keep);
            }
            if (!header) {
                in.reset();
            }
            return readText(file, in, header ? Integer.parseInt(head[1]) : -1, normalize, keep);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static boolean looksBinary(BufferedInputStream in) throws IOException {
        in.mark(4096);
        byte[] buf = new byte[4096];
        int n = in.readNBytes(buf, 0, buf.length);
        in.reset();
        int space = -1;
        for (int i = 0; i < n; i++) {
            if (buf[i] == ' ') {
                space = i;
                break;
            }
        }
        for (int i = space + 1; i < n; i++) {
            byte b = buf[i];
            if (b == '\n') {
                return false;
            }
            if (b != ' ' && b != '-' && b != '.' && b != '+' && b != 'e' && b != 'E' && (b < '0' || b > '9') && b != '\r' && b != '\t') {
                return true;
            }
        }
        return false;
    }

    private static Loaded readText(Path file, InputStream in, int dim, Function<String, String> normalize, Predicate<String> keep)
            throws IOException {
        Map<String, float[]> out = new HashMap<>();
        long count = 0;
        long lineNo = dim < 0 ? 0 : 1;
        String line;
        while ((line = line(in)) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("[ \t]+");
            if (dim < 0) {
                dim = parts.length - 1;
            }
            if (parts.length != dim + 1) {
                throw new IOException(file + ":" + lineNo + ": expected a word and " + dim + " numbers, found " + parts.length + " fields");
            }
            count++;
            String key = normalize.apply(parts[0]);
            if (keep.test(key) && !out.containsKey(key)) {
                float[] v = new float[dim];
                try {
                    for (int i = 0; i < dim; i++) {
                        v[i] = Float.parseFloat(parts[i + 1]);
                    }
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + lineNo + ": not a number: " + e.getMessage());
                }
                out.put(key, v);
            }
        }
        if (dim < 1) {
            throw new IOException(file + " holds no vectors");
        }
        return new Loaded(dim, out, count);
    }

    private static Loaded readBinary(Path file, InputStream in, long count, int dim, Function<String, String> normalize,
                                     Predicate<String> keep) throws IOException {
        Map<String, float[]> out = new HashMap<>();
        byte[] bytes = new byte[dim * 4];
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        for (long w = 0; w < count; w++) {
            word.reset();
            int b;
            while ((b = in.read()) != -1 && b != ' ') {
                if (b != '\n' || word.size() > 0) {
                    word.write(b);
                }
            }
            if (b == -1) {
                throw new IOException(file + " ends after " + w + " of " + count + " vectors");
            }
            if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
                throw new EOFException(file + " ends inside vector " + (w + 1));
            }
            String key = normalize.apply(word.toString(StandardCharsets.UTF_8));
            if (keep.test(key) && !out.containsKey(key)) {
                float[] v = new float[dim];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                out.put(key, v);
            }
        }
        return new Loaded(dim, out, count);
    }

    /** One UTF-8 line without its end, or {@code null} at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            buf.write(b);
        }
        if (!any) {
            return null;
        }
        String s = buf.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
