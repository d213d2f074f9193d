package dev.nlpipe.embed.word2vec;

import dev.nlpipe.core.io.AtomicFile;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The word2vec file formats that gensim ({@code KeyedVectors.load_word2vec_format}), fastText
 * ({@code .vec}) and the C tool ({@code distance}, {@code compute-accuracy}) read and write.
 * <ul>
 * <li>text: a header line {@code WORDS DIM}, then one line per word: the word and DIM numbers, separated by spaces;</li>
 * <li>binary: the same header, then per word its UTF-8 bytes, a space, DIM little-endian float32 values,
 * and a newline (the C tool writes it; gensim omits it; both are read).</li>
 * </ul>
 * Words must not contain whitespace. Names ending in {@code .gz} are gzip-compressed.
 */
public final class VectorFormat {
    /** The binary file in a word2vec model directory. */
    public static final String BINARY_FILE = "vectors.bin";
    /** The text file in a word2vec model directory. */
    public static final String TEXT_FILE = "vectors.txt";

    private VectorFormat() {
    }

    /**
     * Reads a vectors file or a word2vec model directory. The format follows the name
     * ({@code .bin} binary; {@code .txt}, {@code .vec} text); other names are sniffed.
     *
     * @throws VectorFormatException saying where the file is malformed
     */
    public static WordVectors read(Path path) throws IOException {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = path.resolve(BINARY_FILE);
            if (!Files.isRegularFile(file)) {
                file = path.resolve(TEXT_FILE);
            }
            if (!Files.isRegularFile(file)) {
                throw new VectorFormatException(path, "is a directory without " + BINARY_FILE + " or " + TEXT_FILE);
            }
        } else if (!Files.isRegularFile(path)) {
            throw new VectorFormatException(path, "does not exist");
        }
        Boolean binary = binaryByName(file);
        if (binary == null) {
            binary = sniffBinary(file);
        }
        try (InputStream in = open(file)) {
            return binary ? readBinary(in, file) : readText(in, file);
        }
    }

    /** Writes vectors in the text format (atomically: a temporary file renamed when complete). */
    public static void writeText(WordVectors v, Path file) throws IOException {
        write(v, file, false);
    }

    /** Writes vectors in the binary format (atomically: a temporary file renamed when complete). */
    public static void writeBinary(WordVectors v, Path file) throws IOException {
        write(v, file, true);
    }

    private static void write(WordVectors v, Path file, boolean binary) throws IOException {
        try (AtomicFile out = AtomicFile.create(file)) {
            if (binary) {
                writeBinary(v, out.stream());
            } else {
                writeText(v, out.stream());
            }
            out.commit();
        }
    }

    private static void writeText(WordVectors v, OutputStream out) throws IOException {
        int dim = v.dim();
        float[] m = v.matrix();
        out.write((v.size() + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
        StringBuilder line = new StringBuilder(dim * 10);
        for (int r = 0; r < v.size(); r++) {
            line.setLength(0);
            line.append(checkedWord(v.word(r)));
            for (int i = 0; i < dim; i++) {
                line.append(' ');
                appendDecimal(line, m[r * dim + i]);
            }
            line.append('\n');
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void writeBinary(WordVectors v, OutputStream out) throws IOException {
        int dim = v.dim();
        float[] m = v.matrix();
        out.write((v.size() + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
        ByteBuffer row = ByteBuffer.allocate(dim * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < v.size(); r++) {
            out.write(checkedWord(v.word(r)).getBytes(StandardCharsets.UTF_8));
            out.write(' ');
            row.clear();
            row.asFloatBuffer().put(m, r * dim, dim);
            out.write(row.array());
            out.write('\n');
        }
    }

    private static String checkedWord(String w) {
        if (w.isEmpty() || w.codePoints().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("word '" + w + "' is empty or contains whitespace; the word2vec formats cannot hold it");
        }
        return w;
    }

    /** Six decimals, like the C tool's {@code %lf}, without the cost of {@code String.format}. */
    static void appendDecimal(StringBuilder sb, float f) {
        if (!Float.isFinite(f) || Math.abs(f) >= 1e9f) {
            sb.append(f);
            return;
        }
        long scaled = Math.round(f * 1e6);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / 1_000_000).append('.');
        long frac = scaled % 1_000_000;
        for (long p = 100_000; p > 0; p /= 10) {
            sb.append((char) ('0' + (frac / p) % 10));
        }
    }

    private static Boolean binaryByName(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".bin")) {
            return true;
        }
        if (n.endsWith(".txt") || n.endsWith(".vec") || n.endsWith(".tsv")) {
            return false;
        }
        return null;
    }

    /** Text files have only printable characters on their second line; binary floats almost never do. */
    private static boolean sniffBinary(Path file) throws IOException {
        try (InputStream in = open(file)) {
            byte[] head = in.readNBytes(4096);
            int nl = indexOf(head, (byte) '\n', 0);
            if (nl < 0) {
                return false;
            }
            int end = indexOf(head, (byte) '\n', nl + 1);
            for (int i = nl + 1; i < (end < 0 ? head.length : end); i++) {
                int b = head[i] & 0xff;
                if (b < 0x20 && b != '\t' && b != '\r') {
                    return true;
                }
            }
            return false;
        }
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedInputStream(in, 1 << 16);
    }

    private static int[] header(InputStream in, Path file) throws IOException {
        String line = readLine(in);
        if (line == null) {
            throw new VectorFormatException(file, "is empty; expected a header line 'WORDS DIMENSION'");
        }
        String[] parts = line.trim().split("\\s+");
        try {
            if (parts.length == 2) {
                int words = Integer.parseInt(parts[0]);
                int dim = Integer.parseInt(parts[1]);
                if (words >= 0 && dim > 0) {
                    return new int[] {words, dim};
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new VectorFormatException(file, "line 1: expected a header 'WORDS DIMENSION' (e.g. '71290 100'), found '"
                + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "'");
    }

    private static WordVectors readText(InputStream in, Path file) throws IOException {
        int[] h = header(in, file);
        int n = h[0];
        int dim = h[1];
        String[] words = new String[n];
        float[] m = new float[Math.multiplyExact(n, dim)];
        for (int r = 0; r < n; r++) {
            int lineNo = r + 2;
            String line = readLine(in);
            if (line == null) {
                throw new VectorFormatException(file, "ends after " + r + " of " + n + " vectors (truncated file?)");
            }
            int pos = 0;
            int len = line.length();
            int sp = line.indexOf(' ');
            if (sp <= 0) {
                throw new VectorFormatException(file, "line " + lineNo + ": expected a word and " + dim + " numbers");
            }
            words[r] = line.substring(0, sp);
            pos = sp + 1;
            for (int i = 0; i < dim; i++) {
                while (pos < len && line.charAt(pos) == ' ') {
                    pos++;
                }
                int end = pos;
                while (end < len && line.charAt(end) != ' ') {
                    end++;
                }
                if (end == pos) {
                    throw new VectorFormatException(file, "line " + lineNo + ": word '" + words[r] + "' has " + i + " numbers, expected " + dim);
                }
                try {
                    m[r * dim + i] = Float.parseFloat(line.substring(pos, end));
                } catch (NumberFormatException e) {
                    throw new VectorFormatException(file, "line " + lineNo + ": '" + line.substring(pos, end) + "' is not a number");
                }
                pos = end;
            }
            if (!line.substring(pos).isBlank()) {
                throw new VectorFormatException(file, "line " + lineNo + ": word '" + words[r] + "' has more than " + dim + " numbers");
            }
        }
        return new WordVectors(words, m, dim);
    }

    private static WordVectors readBinary(InputStream in, Path file) throws IOException {
        int[] h = header(in, file);
        int n = h[0];
        int dim = h[1];
        String[] words = new String[n];
        float[] m = new float[Math.multiplyExact(n, dim)];
        byte[] row = new byte[dim * 4];
        ByteBuffer rowBuf = ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream word = new ByteArrayOutputStream(64);
        for (int r = 0; r < n; r++) {
            word.reset();
            int b = in.read();
            while (b == '\n' || b == '\r') {
                b = in.read();
            }
            while (b != ' ' && b >= 0) {
                word.write(b);
                b = in.read();
            }
            if (b < 0) {
                throw new VectorFormatException(file, "ends after " + r + " of " + n + " vectors (truncated file?)");
            }
            words[r] = word.toString(StandardCharsets.UTF_8);
            try {
                readFully(in, row);
            } catch (EOFException e) {
                throw new VectorFormatException(file, "ends inside the vector of '" + words[r] + "' (vector " + (r + 1) + " of " + n + ")");
            }
            rowBuf.clear();
            rowBuf.asFloatBuffer().get(m, r * dim, dim);
        }
        return new WordVectors(words, m, dim);
    }

    private static void readFully(InputStream in, byte[] buf) throws IOException {
        int off = 0;
        while (off < buf.length) {
            int k = in.read(buf, off, buf.length - off);
            if (k < 0) {
                throw new EOFException();
            }
            off += k;
        }
    }

    /** A UTF-8 line without its terminator, or {@code null} at the end. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            buf.write(b);
            b = in.read();
        }
        String s = buf.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** A vectors file that cannot be read; the message names the file and what is wrong. */
    public static final class VectorFormatException extends IOException {
        public VectorFormatException(Path file, String problem) {
            super("vectors " + file + " " + problem);
        }
    }
}
