package dev.nlpipe.embed.word2vec;

import dev.nlpipe.core.io.AtomicFile;
import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.embed.vectorize.PyText;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

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
     * ({@code .bin} binary; {@code .txt}, {@code .vec} text); other names are sniffed. A text file
     * without the {@code WORDS DIM} header (GloVe's) is read too.
     *
     * @throws VectorFormatException saying where the file is malformed
     */
    public static WordVectors read(Path path) throws IOException {
        return read(path, "auto", UnaryOperator.identity(), w -> true, true).vectors();
    }

    /**
     * The vectors file of a word2vec model directory ({@code vectors.bin}, else {@code vectors.txt}),
     * or the file itself. A directory with a {@code model.json} is checked as every model is (its
     * kind, checksums, no link out of it); one without is a plain folder holding a vectors file.
     */
    private static Path vectorsFile(Path path) throws VectorFormatException {
        if (!Files.isDirectory(path)) {
            return path;
        }
        if (Files.exists(path.resolve(ModelDir.MODEL_JSON))) {
            ModelDir.read(path, Word2VecModel.FORMAT_VERSION, Word2VecModel.KIND);
        }
        for (String name : new String[] {BINARY_FILE, TEXT_FILE}) {
            if (Files.isRegularFile(path.resolve(name))) {
                return path.resolve(name);
            }
        }
        throw new VectorFormatException(path, "is a directory without " + BINARY_FILE + " or " + TEXT_FILE);
    }

    /**
     * The vectors a caller keeps from a file, and how many the file held.
     *
     * @param vectors the kept rows, words replaced by their keys, in file order
     * @param read the number of vectors in the file
     */
    public record Selection(WordVectors vectors, long read) {
    }

    /**
     * Reads only the vectors a caller wants (a tagger's characters from a large file): each file
     * word is mapped to a key, and the first vector of each kept key is stored.
     *
     * @param file a vectors file ({@code .gz} decompressed) or a word2vec model directory
     * @param format {@code text}, {@code binary} or {@code auto} (by the name, else sniffed)
     * @param key maps a file word to the caller's key (e.g. digits to 0)
     * @param keep which keys to keep
     * @throws VectorFormatException saying where the file is malformed
     */
    public static Selection read(Path file, String format, UnaryOperator<String> key, Predicate<String> keep) throws IOException {
        return read(file, format, key, keep, false);
    }

    private static Selection read(Path path, String format, UnaryOperator<String> key, Predicate<String> keep, boolean wholeFile)
            throws IOException {
        Path file = vectorsFile(path);
        if (!Files.isRegularFile(file)) {
            throw new VectorFormatException(file, "does not exist");
        }
        boolean binary = switch (format) {
            case "binary" -> true;
            case "text" -> false;
            case "auto" -> {
                Boolean byName = binaryByName(file);
                // the content decides where it contradicts the name (a text file saved as .bin read as floats is garbage)
                // both ways: a binary file saved as .txt holds control bytes a text file never has
                byte[] head = head(file);
                yield VectorReader.isFastTextModel(head) || (byName == null ? sniffBinary(head) : byName ? !looksLikeText(head) : sniffBinary(head));
            }
            default -> throw new IllegalArgumentException("unknown vectors format '" + format + "' (valid: auto, text, binary)");
        };
        VectorReader reader = new VectorReader(file, key, keep, wholeFile);
        try (InputStream in = open(file)) {
            if (binary) {
                reader.readBinary(in);
            } else {
                reader.readText(in);
            }
        } catch (EOFException | ZipException e) {
            throw new VectorFormatException(file, "cannot be read: " + IoErrors.describe(e));
        }
        return reader.result();
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
        if (w.isEmpty() || w.codePoints().anyMatch(PyText::isSpace)) {
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

    /** The first 4 KB of a file (decompressed), which the format is told from. */
    private static byte[] head(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return in.readNBytes(4096);
        } catch (EOFException | ZipException e) {
            throw new VectorFormatException(file, "cannot be read: " + IoErrors.describe(e));
        }
    }

    /** Text files have only printable characters on their second line; binary floats almost never do. */
    private static boolean sniffBinary(byte[] head) {
        int nl = indexOf(head, (byte) '\n', 0);
        int end = nl < 0 ? -1 : indexOf(head, (byte) '\n', nl + 1);
        return nl >= 0 && hasControlByte(head, nl + 1, end < 0 ? head.length : end);
    }

    /**
     * Whether the file starts as text does: a second line (a header alone says nothing), and only
     * printable characters (any UTF-8 beyond ASCII), tabs and line breaks.
     */
    private static boolean looksLikeText(byte[] head) {
        int firstBreak = indexOf(head, (byte) '\n', 0);
        return firstBreak >= 0 && firstBreak < head.length - 1 && !hasControlByte(head, 0, head.length);
    }

    /** Whether {@code a[from, to)} holds a control byte other than a tab or a line break. */
    private static boolean hasControlByte(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = a[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\r' && b != '\n') {
                return true;
            }
        }
        return false;
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
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        // by its magic bytes, not only by a .gz name: a downloaded vectors file often loses its extension
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        if (gzip || file.getFileName().toString().endsWith(".gz")) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    /** A vectors file that cannot be read; the message names the file and what is wrong. */
    public static final class VectorFormatException extends IOException {
        public VectorFormatException(Path file, String problem) {
            super("vectors " + file + " " + problem);
        }
    }
}
