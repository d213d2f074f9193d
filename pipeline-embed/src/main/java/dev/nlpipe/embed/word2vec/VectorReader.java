package dev.nlpipe.embed.word2vec;

import dev.nlpipe.embed.word2vec.VectorFormat.VectorFormatException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the rows of a word2vec text or binary file that a caller keeps: each file word is mapped
 * to a key, and only kept keys are parsed and stored, so taking a tagger's few thousand characters
 * from a large file costs little memory.
 */
final class VectorReader {
    private static final Logger LOG = LoggerFactory.getLogger(VectorReader.class);
    /** The most numbers a Java float array holds. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    /** The most numbers allocated up front from a header's promise; more are grown as rows arrive. */
    private static final int PRESIZE_LIMIT = 1 << 26;
    /** The largest dimension accepted: real vectors have hundreds; a larger header number is damage. */
    static final int MAX_DIM = 1 << 20;
    /** The bytes a fastText model file starts with: its magic number 793712314, little-endian. */
    private static final byte[] FASTTEXT_MAGIC = {(byte) 0xBA, 0x16, 0x4F, 0x2F};
    /** The longest binary header line read: {@code WORDS DIM} is a few digits; more is another kind of file. */
    private static final int MAX_HEADER_BYTES = 256;
    private final Path file;
    private final UnaryOperator<String> key;
    private final Predicate<String> keep;
    private final boolean wholeFile;
    private final List<String> words = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final WordDecoder decoder;
    private float[] values = new float[1 << 12];
    private int dim;
    private long read;
    /** Rows of a word read before, dropped as gensim drops them, and where the first was. */
    private long duplicates;
    private String firstDuplicate;
    /** Lines read so far, blank ones included: the number of the line an error names, as an editor numbers it. */
    private long linesRead;
    /**
     * @param key maps a file word to the caller's key
     * @param keep which keys to keep
     * @param wholeFile every row is kept (storage is sized from the header at once), but the first
     *     of a word only, as gensim keeps it, with a warning; else the first row of each kept key
     */
    VectorReader(Path file, UnaryOperator<String> key, Predicate<String> keep, boolean wholeFile) {
        this.file = file;
        this.key = key;
        this.keep = keep;
        this.wholeFile = wholeFile;
        this.decoder = new WordDecoder(file);
    }

    /** The kept rows and the number of vectors in the file. */
    VectorFormat.Selection result() {
        if (wholeFile && duplicates > 0) {
            LOG.warn("vectors {}: {} row(s) repeat a word read before ({}); the first row of each word is kept, as gensim keeps it",
                    file, duplicates, firstDuplicate);
        }
        decoder.warnOfDamage();
        int size = words.size() * dim;
        float[] matrix = values.length == size ? values : Arrays.copyOf(values, size);
        return new VectorFormat.Selection(new WordVectors(words.toArray(new String[0]), matrix, dim), read);
    }

    /**
     * Sizes the storage for a whole file at once when every row will be kept (no filter); at most
     * {@link #PRESIZE_LIMIT} values, so a damaged header cannot allocate gigabytes before the rows
     * show it is wrong.
     */
    private void presize(long rows) throws VectorFormatException {
        if (wholeFile && rows > 0) {
            if (rows > MAX_VALUES / dim) {
                throw new VectorFormatException(file, "header announces " + rows + " vectors of " + dim
                        + " dimensions, more numbers than one model can hold (" + MAX_VALUES + "); the header is damaged, or the file must be cut down");
            }
            values = new float[(int) Math.min(rows * dim, PRESIZE_LIMIT)];
        }
    }

    /**
     * A text file: an optional {@code WORDS DIM} header (without one, as GloVe writes them, the
     * first line gives the dimension), then a word and its numbers per line, separated by spaces
     * or tabs; blank lines are skipped.
     */
    void readText(InputStream in) throws IOException {
        String first = withoutByteOrderMark(readLine(in));
        while (first != null && first.isBlank()) {
            first = readLine(in);
        }
        if (first == null) {
            throw new VectorFormatException(file, "is empty; expected word vectors");
        }
        long[] header = header(first, linesRead);
        long expected = header == null ? -1 : header[0];
        dim = header == null ? fields(first) - 1 : (int) header[1];
        if (dim < 1) {
            throw new VectorFormatException(file, "line " + linesRead + ": expected a header 'WORDS DIMENSION' (e.g. '71290 100') or"
                    + " a word and its numbers");
        }
        if (expected > 0) {
            presize(expected);
        }
        for (String line = header == null ? first : readLine(in); line != null; line = readLine(in)) {
            if (line.isBlank()) {
                continue;
            }
            if (read == expected) {
                throw moreThanAnnounced("line " + linesRead, "this line holds another");
            }
            row(line, linesRead);
        }
        if (expected >= 0 && read < expected) {
            throw new VectorFormatException(file, "ends after " + read + " of " + expected + " vectors (truncated file?)");
        }
    }

    private void row(String line, long lineNo) throws IOException {
        int len = line.length();
        int pos = skipSpace(line, 0);
        int end = fieldEnd(line, pos);
        String word = line.substring(pos, end);
        read++;
        String k = key.apply(word);
        boolean kept = keepRow(k, "line " + lineNo);
        int base = kept ? reserve() : -1;
        pos = end;
        for (int i = 0; i < dim; i++) {
            pos = skipSpace(line, pos);
            end = fieldEnd(line, pos);
            if (end == pos) {
                throw new VectorFormatException(file, "line " + lineNo + ": the word has " + i + " numbers, expected " + dim);
            }
            if (kept) {
                String number = line.substring(pos, end);
                float v;
                try {
                    v = Float.parseFloat(number);
                } catch (NumberFormatException e) {
                    Float spelled = pythonNonFinite(number);
                    if (spelled == null) {
                        throw new VectorFormatException(file, "line " + lineNo + ": value " + (i + 1) + " is not a number");
                    }
                    v = spelled;
                }
                if (!Float.isFinite(v)) {
                    throw notFinite("line " + lineNo, word, i, v);
                }
                values[base + i] = v;
            }
            pos = end;
        }
        if (skipSpace(line, pos) < len) {
            throw new VectorFormatException(file, "line " + lineNo + ": the word has more than " + dim + " numbers");
        }
        if (kept) {
            words.add(k);
        }
    }

    /**
     * A binary file: the {@code WORDS DIM} header, then per word its UTF-8 bytes, a space and
     * {@code DIM} little-endian float32 values (and a newline that the C tool writes and gensim does not).
     */
    void readBinary(InputStream in) throws IOException {
        if (!in.markSupported()) {
            in = new java.io.BufferedInputStream(in);
        }
        in.mark(MAX_HEADER_BYTES);
        byte[] head = in.readNBytes(MAX_HEADER_BYTES);
        if (head.length == 0) {
            throw new VectorFormatException(file, "is empty; expected a header line 'WORDS DIMENSION'");
        }
        if (isFastTextModel(head)) {
            throw new VectorFormatException(file, "is a fastText model (.bin), not word2vec vectors; use the .vec file published with"
                    + " it, or write one from the model with fastText's python/doc/examples/bin_to_vec.py");
        }
        int nl = 0;
        while (nl < head.length && head[nl] != '\n') {
            nl++;
        }
        // bytes that are not text here are another kind of file, not an encoding to convert: decoded leniently
        long[] header = nl == head.length ? null : header(withoutByteOrderMark(new String(head, 0, nl, StandardCharsets.UTF_8)), 1);
        if (header == null) {
            throw new VectorFormatException(file, "line 1: expected a header 'WORDS DIMENSION' (e.g. '71290 100'); this is not a"
                    + " word2vec vectors file");
        }
        in.reset();
        in.skipNBytes(nl + 1);
        long n = header[0];
        dim = (int) header[1];
        presize(n);
        byte[] row = new byte[dim * 4];
        ByteBuffer rowBuf = ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN);
        byte[] word = new byte[64];
        for (long r = 0; r < n; r++) {
            int len = 0;
            int b = in.read();
            while (b == '\n' || b == '\r') {
                b = in.read();
            }
            while (b != ' ' && b >= 0) {
                if (len == word.length) {
                    word = Arrays.copyOf(word, len * 2);
                }
                word[len++] = (byte) b;
                b = in.read();
            }
            if (b < 0) {
                throw new VectorFormatException(file, "ends after " + r + " of " + n + " vectors (truncated file?)");
            }
            String w = decoder.strict(word, 0, len);
            if (w == null) {
                w = decoder.damaged(word, len, 0, len, "vector " + (r + 1));
            }
            try {
                readFully(in, row);
            } catch (EOFException e) {
                throw new VectorFormatException(file, "ends inside the vector of '" + w + "' (vector " + (r + 1) + " of " + n + ")");
            }
            read++;
            String k = key.apply(w);
            if (keepRow(k, "vector " + (r + 1))) {
                int base = reserve();
                rowBuf.clear();
                rowBuf.asFloatBuffer().get(values, base, dim);
                for (int i = 0; i < dim; i++) {
                    if (!Float.isFinite(values[base + i])) {
                        throw notFinite("vector " + (r + 1), w, i, values[base + i]);
                    }
                }
                words.add(k);
            }
        }
        int b = in.read();
        while (b == '\n' || b == '\r' || b == ' ' || b == '\t') {
            b = in.read();
        }
        if (b >= 0) {
            // a word holding a space also leaves bytes over: its rest was read as numbers, and every row after it shifted
            throw moreThanAnnounced("vector " + (n + 1), "the file holds more bytes (more rows, or a word with a space in it, which"
                    + " the binary format cannot hold)");
        }
    }

    /** Rows after the header's count: gensim reads as many as it says and ignores the rest, rows silently left out here. */
    private VectorFormatException moreThanAnnounced(String where, String more) {
        return new VectorFormatException(file, where + ": the header announces " + read + " vectors, and " + more
                + "; correct the header's count");
    }

    /** Whether a row of this key is stored: a kept key's first row. */
    private boolean keepRow(String k, String where) {
        if (!keep.test(k)) {
            return false;
        }
        if (seen.add(k)) {
            return true;
        }
        if (duplicates++ == 0) {
            firstDuplicate = where + ": '" + k + "'";
        }
        return false;
    }

    /**
     * The value of {@code nan}, {@code inf} or {@code infinity} in any case and with a sign, as
     * numpy writes them and Python's {@code float} reads them ({@link Float#parseFloat} reads only
     * {@code NaN} and {@code Infinity}), or {@code null} for any other text.
     */
    private static Float pythonNonFinite(String number) {
        String s = number.toLowerCase(Locale.ROOT);
        boolean negative = s.startsWith("-");
        s = negative || s.startsWith("+") ? s.substring(1) : s;
        if (s.equals("nan")) {
            return Float.NaN;
        }
        return s.equals("inf") || s.equals("infinity") ? (negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY) : null;
    }

    /** A NaN or infinite value: it would make every similarity with its word NaN and break the neighbour lists. */
    private VectorFormatException notFinite(String where, String word, int i, float v) {
        return new VectorFormatException(file, where + ": value " + (i + 1) + " of '" + word + "' is " + v
                + "; a vector must hold finite numbers (the model that wrote it diverged: retrain it, or drop the row)");
    }

    /** Whether a file's first bytes are a fastText model's, whose header no word2vec reader can read. */
    static boolean isFastTextModel(byte[] head) {
        return head.length >= FASTTEXT_MAGIC.length && Arrays.equals(head, 0, FASTTEXT_MAGIC.length, FASTTEXT_MAGIC, 0, FASTTEXT_MAGIC.length);
    }

    private static String withoutByteOrderMark(String line) {
        return line != null && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** The offset of a new row in {@link #values}, grown as needed. */
    private int reserve() throws VectorFormatException {
        long base = (long) words.size() * dim;
        if (base + dim > MAX_VALUES) {
            throw new VectorFormatException(file, "holds more numbers than one model can (" + MAX_VALUES + ") after "
                    + words.size() + " vectors of " + dim + " dimensions; keep fewer words (cut the file down)");
        }
        if (base + dim > values.length) {
            values = Arrays.copyOf(values, (int) Math.min(MAX_VALUES, Math.max(base + dim, values.length * 2L)));
        }
        return (int) base;
    }

    /**
     * {@code {words, dim}} when the line is a word2vec header, else {@code null}.
     *
     * @throws VectorFormatException when it is a header whose dimension no real file has
     */
    private long[] header(String line, long lineNo) throws VectorFormatException {
        String[] parts = line.trim().split("[ \t]+");
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,9}")) {
            return null;
        }
        long dim = Long.parseLong(parts[1]);
        if (dim > MAX_DIM) {
            throw new VectorFormatException(file, "line " + lineNo + ": the header gives " + dim + " dimensions, over the limit of " + MAX_DIM
                    + "; the header is damaged");
        }
        return dim > 0 ? new long[] {Long.parseLong(parts[0]), dim} : null;
    }

    private static int fields(String line) {
        int n = 0;
        int pos = skipSpace(line, 0);
        while (pos < line.length()) {
            n++;
            pos = skipSpace(line, fieldEnd(line, pos));
        }
        return n;
    }

    private static int skipSpace(String s, int pos) {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }

    private static int fieldEnd(String s, int pos) {
        while (pos < s.length() && s.charAt(pos) != ' ' && s.charAt(pos) != '\t') {
            pos++;
        }
        return pos;
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

    /**
     * A UTF-8 line without its terminator, or {@code null} at the end; a line that is not UTF-8 (a
     * GBK file) is an error naming it, as gensim's strict decoding is, not words of U+FFFD, unless
     * its only fault is a word cut at its end ({@link WordDecoder#damaged}).
     */
    private String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            buf.write(b);
            b = in.read();
        }
        linesRead++;
        byte[] bytes = buf.toByteArray();
        String s = decoder.strict(bytes, 0, bytes.length);
        if (s == null) {
            // the line's word: its first field (a space, tab or CR byte is never inside a UTF-8 sequence)
            int from = 0;
            while (from < bytes.length && (bytes[from] == ' ' || bytes[from] == '\t')) {
                from++;
            }
            int to = from;
            while (to < bytes.length && bytes[to] != ' ' && bytes[to] != '\t' && bytes[to] != '\r') {
                to++;
            }
            s = decoder.damaged(bytes, bytes.length, from, to, "line " + linesRead);
        }
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
