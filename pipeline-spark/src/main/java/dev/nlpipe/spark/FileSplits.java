package dev.nlpipe.spark;

import dev.nlpipe.core.io.BadRecordSink;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.LineReader;
import dev.nlpipe.core.io.LineSplitting;
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
 *
 * <p>A format with a header line (csv, tsv) gives the file's first line, read on the driver, to
 * every range after the first. A format whose records span lines in some files only ({@link
 * LineSplitting}: a quoted CSV field may hold line ends) has every range checked in the same pass,
 * and a file in which one is found is read whole, as one partition.
 */
final class FileSplits {
    /** The setting that sizes the ranges, as for Spark's own file sources. */
    static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";
    private static final String DEFAULT_MAX_PARTITION_BYTES = "128m";
    private static final int BUFFER = 1 << 16;

    private FileSplits() {
    }

    /** What the first pass found in one range. */
    record Scan(long newlines, boolean wholeFile) implements Serializable {
    }

    /**
     * One partition's input.
     *
     * @param ref the file
     * @param start the first byte of the range, 0 for a whole file
     * @param end the byte after the range, or -1 for the whole file
     * @param newlinesBefore the newlines in the bytes before {@code start - 1}: the range's first line is this plus 2
     * @param header the file's first line, for a format whose ranges need it, else {@code null}
     */
    record Split(SourceFiles.Ref ref, long start, long end, long newlinesBefore, String header) implements Serializable {
        static Split whole(SourceFiles.Ref ref) {
            return new Split(ref, 0, -1, 0, null);
        }

        Split numbered(long newlines) {
            return new Split(ref, start, end, newlines, header);
        }

        /** The range's lines as a source that names and numbers them as the whole file does. */
        InputSource open(Map<String, String> hadoopConf) {
            if (end < 0) {
                return ref.open(hadoopConf);
            }
            if (start == 0) {
                return InputSource.part(ref.name(), ref.relative(), () -> new LinesBefore(ref.openAt(0, hadoopConf), 0, end), 1);
            }
            InputSource part = InputSource.part(ref.name(), ref.relative(), () -> {
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
            return header == null ? part : part.withHeader(header);
        }

        /**
         * The newlines from {@code start - 1} (0 for the first range) to before {@code end - 1} (the
         * bytes before the next range's start search) and, when {@code rules} {@link LineSplitting#scans
         * scans}, whether the range's bytes (and the one after, which tells a lone {@code \r}) make
         * the file be read whole.
         */
        Scan scan(Map<String, String> hadoopConf, LineSplitting rules) {
            long from = Math.max(0, start - 1);
            long countTo = end - 1;
            long to = rules.scans() ? Math.min(ref.length(), end + 1) : countTo;
            LineSplitting.Scanner scanner = rules.scanner();
            long count = 0;
            byte[] buf = new byte[BUFFER];
            try (InputStream in = ref.openAt(from, hadoopConf)) {
                long pos = from;
                while (pos < to) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, to - pos));
                    if (n < 0) {
                        break;
                    }
                    for (int i = 0, stop = (int) Math.max(0, Math.min(n, countTo - pos)); i < stop; i++) {
                        if (buf[i] == '\n') {
                            count++;
                        }
                    }
                    if (rules.scans()) {
                        int skip = (int) Math.max(0, Math.min(n, start - pos));
                        scanner.feed(buf, skip, n - skip);
                    }
                    pos += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + ref.name() + ": " + e.getMessage(), e);
            }
            return new Scan(count, rules.scans() && scanner.wholeFile(end >= ref.length()));
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
     * The partitions of {@code files}, in reading order. With {@code rules} (the format reads lines
     * independently), an uncompressed file larger than {@code maxBytes} becomes ranges of
     * {@code maxBytes}, which a Spark job counts (and checks) first; other files stay whole.
     *
     * @param rules how the format's files split, or {@code null} when they cannot
     * @param maxLineBytes the longest line read, which a header line must not exceed
     */
    static List<Split> plan(SparkSession spark, List<SourceFiles.Ref> files, LineSplitting rules, int maxLineBytes, long maxBytes,
                            Map<String, String> hadoopConf) throws IOException {
        List<List<Split>> perFile = new ArrayList<>();
        List<Split> toScan = new ArrayList<>();
        for (SourceFiles.Ref ref : files) {
            String header = null;
            boolean split = rules != null && ref.length() > maxBytes && !compressed(ref, hadoopConf);
            if (split && rules.header()) {
                header = headerLine(ref, maxLineBytes, hadoopConf);
                split = header != null;
            }
            if (!split) {
                perFile.add(List.of(Split.whole(ref)));
                continue;
            }
            List<Split> ranges = new ArrayList<>();
            for (long s = 0; s < ref.length(); s += maxBytes) {
                Split range = new Split(ref, s, Math.min(ref.length(), s + maxBytes), 0, s == 0 ? null : header);
                ranges.add(range);
                if (scanned(range, rules)) {
                    toScan.add(range);
                }
            }
            perFile.add(ranges);
        }
        if (toScan.isEmpty()) {
            return perFile.stream().flatMap(List::stream).toList();
        }
        List<Scan> scans = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(toScan, toScan.size())
                .map(s -> s.scan(hadoopConf, rules))
                .collect();
        List<Split> out = new ArrayList<>();
        int next = 0;
        for (List<Split> ranges : perFile) {
            if (ranges.get(0).end() < 0) {
                out.addAll(ranges);
                continue;
            }
            List<Split> numbered = new ArrayList<>();
            long before = 0;
            boolean whole = false;
            for (Split range : ranges) {
                numbered.add(range.numbered(before));
                if (scanned(range, rules)) {
                    Scan scan = scans.get(next++);
                    before += scan.newlines();
                    whole |= scan.wholeFile();
                }
            }
            out.addAll(whole ? List.of(Split.whole(ranges.get(0).ref())) : numbered);
        }
        return out;
    }

    /** Whether the first pass reads a range: to count the lines before the next one, or to check the bytes of a file that may have to stay whole. */
    private static boolean scanned(Split range, LineSplitting rules) {
        return range.end() < range.ref().length() || rules.scans();
    }

    /**
     * The file's first line, which names the columns of every range, or {@code null} when it is not
     * one the reader would take as the header (empty, unreadable, too long): such a file is read whole.
     */
    private static String headerLine(SourceFiles.Ref ref, int maxLineBytes, Map<String, String> hadoopConf) throws IOException {
        try (LineReader lines = new LineReader(ref.openAt(0, hadoopConf), maxLineBytes, ref.name(), BadRecordSink.IGNORE)) {
            String line = lines.readLine();
            return line != null && lines.lineNumber() == 1 && !line.isEmpty() ? line : null;
        }
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
