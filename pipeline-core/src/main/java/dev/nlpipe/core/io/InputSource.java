package dev.nlpipe.core.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * One input file (or standard input), opened as decompressed bytes. A {@code .gz} file, or any
 * file starting with the gzip magic bytes, is decompressed transparently. Bytes read from the
 * underlying file are added to a counter so progress can be shown against the input size.
 *
 * @param path the file, or {@code null} for standard input
 * @param name how documents and errors name the source ({@code meta.source})
 * @param relative the path relative to the input root, used to mirror outputs
 * @param opener opens the raw bytes of a source that is not a local file (a Hadoop file system
 *               URI read by the Spark runner), or {@code null} to open {@code path}
 * @param firstLine the file's line number of the source's first line: 1 for a whole file, more for
 *                  a part of a file that starts at a later line (a split read by one Spark task)
 * @param header the file's first line, for a part that starts after it in a format whose first line
 *               names the columns (csv, tsv; {@link LineSplitting#header}); {@code null} otherwise
 */
public record InputSource(Path path, String name, String relative, Opener opener, long firstLine, String header) {

    /** Opens the raw (possibly compressed) bytes of a source that is not a local file. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** A local file (or standard input when {@code path} is {@code null}). */
    public InputSource(Path path, String name, String relative) {
        this(path, name, relative, null, 1, null);
    }

    /** A whole file read through {@code opener}, such as a file on a distributed file system. */
    public static InputSource of(String name, String relative, Opener opener) {
        return new InputSource(null, name, relative, opener, 1, null);
    }

    /**
     * The lines of a file from line {@code firstLine} on, whose bytes {@code opener} opens; documents
     * and bad records are named and numbered as when the whole file is read.
     */
    public static InputSource part(String name, String relative, Opener opener, long firstLine) {
        if (firstLine < 1) {
            throw new IllegalArgumentException("line numbers start at 1, not " + firstLine);
        }
        return new InputSource(null, name, relative, opener, firstLine, null);
    }

    /**
     * This part of a file with the file's first line, which the part does not hold: its header, or
     * in a headerless CSV file the first row, whose number of fields every row must have.
     */
    public InputSource withHeader(String headerLine) {
        if (firstLine < 2) {
            throw new IllegalArgumentException("a source from the file's first line reads the header itself");
        }
        return new InputSource(path, name, relative, opener, firstLine, headerLine);
    }

    /** Standard input. */
    public static InputSource stdin() {
        return new InputSource(null, "-", "stdin");
    }

    /** Size in bytes on disk, 0 for standard input. */
    public long size() {
        try {
            return path == null || opener != null ? 0 : Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Opens the decompressed content; every raw byte read is added to {@code counter}. */
    public InputStream open(AtomicLong counter) throws IOException {
        InputStream raw = opener != null ? opener.open() : path == null ? System.in : Files.newInputStream(path);
        InputStream counted = new FilterInputStream(raw) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counter.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    counter.addAndGet(n);
                }
                return n;
            }
        };
        BufferedInputStream in = new BufferedInputStream(counted, 1 << 16);
        if (firstLine > 1) {
            // Only a whole file can be compressed; bytes in the middle of a text file are never a gzip header.
            return in;
        }
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (isGzipMagic(b1, b2)) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    /** Whether the first two bytes of a file are gzip's magic number, which marks it compressed whatever its name. */
    public static boolean isGzipMagic(int b1, int b2) {
        return b1 == 0x1f && b2 == 0x8b;
    }
}
