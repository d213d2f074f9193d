package dev.nlpipe.spark;

import dev.nlpipe.core.io.InputSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.SparkSession;

/**
 * The partitions of a job's input files: a file each, or for a large file of a format whose
 * records are single lines, byte ranges of about {@code spark.sql.files.maxPartitionBytes} read
 * by separate tasks.
 *
 * <p>A line belongs to the range that holds its first byte: a range after the first one skips the
 * end of the line that crosses its start, and every range reads on to the end of the line that
 * crosses its end. Line numbers (and with them ids and {@code meta.line}) come from a first pass
 * in which each range counts its newlines; the driver sums them, so every range knows the number
 * of its first line and its documents and bad records are those of reading the whole file.
 */
final class FileSplits {
    /** The setting that sizes the ranges, as for Spark's own file sources. */
    static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";
    private static final String DEFAULT_MAX_PARTITION_BYTES = "128m";
    private static final int BUFFER = 1 << 16;

    private FileSplits() {
    }

    /**
     * One partition's input.
     *
     * @param ref the file
     * @param start the first byte of the range, 0 for a whole file
     * @param end the byte after the range, or -1 for the whole file
     * @param newlinesBefore the newlines in the bytes before {@code start - 1}: the range's first line is this plus 2
     */
    record Split(SourceFiles.Ref ref, long start, long end, long newlinesBefore) implements Serializable {
        static Split whole(SourceFiles.Ref ref) {
            return new Split(ref, 0, -1, 0);
        }

        /** The range's lines as a source that names and numbers them as the whole file does. */
        InputSource open(Map<String, String> hadoopConf) {
            if (end < 0) {
                return ref.open(hadoopConf);
            }
            if (start == 0) {
                return InputSource.part(ref.name(), ref.relative(), () -> new LinesBefore(ref.openAt(0, hadoopConf), 0, end), 1);
            }
            return InputSource.part(ref.name(), ref.relative(), () -> {
                // Reading from the byte before start finds the first line start at or after start, even when start is one.
                InputStream in = new BufferedInputStream(ref.openAt(start - 1, hadoopConf), BUFFER);
                long pos = start - 1;
                for (int b = in.read(); b != '\n'; b = in.read()) {
                    if (b < 0) {
                        in.close();
                        return InputStream.nullInputStream();
                    }
                    pos++;
                }
                return new LinesBefore(in, pos + 1, end);
            }, newlinesBefore + 2);
        }

        /** The newlines from {@code start - 1} (0 for the first range) to before {@code end - 1}: the bytes before the next range's start search. */
        long countNewlines(Map<String, String> hadoopConf) {
            long from = Math.max(0, start - 1);
            long remaining = end - 1 - from;
            long count = 0;
            byte[] buf = new byte[BUFFER];
            try (InputStream in = ref.openAt(from, hadoopConf)) {
                while (remaining > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                    if (n < 0) {
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            count++;
                        }
                    }
                    remaining -= n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + ref.name() + ": " + e.getMessage(), e);
            }
            return count;
        }
    }

    /** The split size, {@code spark.sql.files.maxPartitionBytes} (Spark's default, 128 MB, when unset). */
    static long maxBytes(SparkSession spark) {
        String value = spark.conf().get(MAX_PARTITION_BYTES, DEFAULT_MAX_PARTITION_BYTES);
        long bytes = JavaUtils.byteStringAsBytes(value);
        if (bytes < 1) {
            throw new IllegalArgumentException(MAX_PARTITION_BYTES + " must be at least 1 byte, not " + value);
        }
        return bytes;
    }

    /**
     * The partitions of {@code files}, in reading order. With {@code byLines} (the format reads
     * lines independently), an uncompressed file larger than {@code maxBytes} becomes ranges of
     * {@code maxBytes}, whose newlines a Spark job counts first; other files stay whole.
     */
    static List<Split> plan(SparkSession spark, List<SourceFiles.Ref> files, boolean byLines, long maxBytes,
                            Map<String, String> hadoopConf) throws IOException {
        List<Split> out = new ArrayList<>();
        List<Split> toCount = new ArrayList<>();
        for (SourceFiles.Ref ref : files) {
            if (!byLines || ref.length() <= maxBytes || compressed(ref, hadoopConf)) {
                out.add(Split.whole(ref));
                continue;
            }
            for (long s = 0; s < ref.length(); s += maxBytes) {
                Split split = new Split(ref, s, Math.min(ref.length(), s + maxBytes), 0);
                out.add(split);
                if (split.end() < ref.length()) {
                    toCount.add(split);
                }
            }
        }
        if (toCount.isEmpty()) {
            return out;
        }
        List<Long> counts = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(toCount, toCount.size())
                .map(s -> s.countNewlines(hadoopConf))
                .collect();
        int next = 0;
        long before = 0;
        for (int i = 0; i < out.size(); i++) {
            Split s = out.get(i);
            if (s.end() < 0) {
                continue;
            }
            if (s.start() == 0) {
                before = 0;
            }
            out.set(i, new Split(s.ref(), s.start(), s.end(), before));
            if (s.end() < s.ref().length()) {
                before += counts.get(next++);
            }
        }
        return out;
    }

    /** Whether a file is gzip (by name, or by its first bytes, as {@link InputSource#open} tells): it can only be read whole. */
    private static boolean compressed(SourceFiles.Ref ref, Map<String, String> hadoopConf) throws IOException {
        if (ref.name().endsWith(".gz")) {
            return true;
        }
        try (InputStream in = ref.openAt(0, hadoopConf)) {
            return InputSource.isGzipMagic(in.read(), in.read());
        }
    }

    /**
     * The bytes of the lines that start before {@code end}, from a stream at the line start
     * {@code pos}: everything before {@code end}, then the rest of the line that crosses it.
     */
    private static final class LinesBefore extends InputStream {
        private final InputStream in;
        private final long end;
        private long pos;
        private boolean atLineStart = true;
        private boolean done;

        LinesBefore(InputStream in, long pos, long end) {
            this.in = in;
            this.pos = pos;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (done || pos >= end && atLineStart) {
                done = true;
                return -1;
            }
            // Up to end exactly, so that whether a line starts there is known before reading past it.
            int n = in.read(b, off, pos < end ? (int) Math.min(len, end - pos) : len);
            if (n <= 0) {
                done = true;
                return -1;
            }
            if (pos >= end) {
                for (int i = off; i < off + n; i++) {
                    if (b[i] == '\n') {
                        n = i - off + 1;
                        done = true;
                        break;
                    }
                }
            }
            atLineStart = b[off + n - 1] == '\n';
            pos += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
