package dev.nlpipe.embed.word2vec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A tokenized corpus on disk: one little-endian int per token (its {@link TokenTable} id) and
 * {@link #END} after each sentence. Training epochs re-read it in slices instead of re-running the
 * preprocessing pipeline, so memory stays bounded by the vocabulary, not the corpus. Positional
 * reads make it safe for several threads to read their own slices at once. Deleted on close.
 */
public final class CorpusCache implements AutoCloseable {
    /** Marks the end of a sentence. */
    public static final int END = -1;
    private static final int BUFFER_INTS = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private long size;

    private CorpusCache(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.DELETE_ON_CLOSE);
    }

    /** Creates an empty cache file in {@code dir} (the system temporary directory when {@code null}). */
    public static CorpusCache create(Path dir) throws IOException {
        Path f = dir == null ? Files.createTempFile("nlpipe-w2v-", ".ids") : Files.createTempFile(Files.createDirectories(dir), "nlpipe-w2v-", ".ids");
        f.toFile().deleteOnExit();
        return new CorpusCache(f);
    }

    /** Number of ints written (tokens plus sentence ends). */
    public long size() {
        return size;
    }

    public Path file() {
        return file;
    }

    /** Appends ints at the end of the cache; buffered, so {@link Writer#close()} it before reading. */
    public Writer writer() {
        return new Writer();
    }

    /** Reads the ints in {@code [from, to)}. Each reader has its own buffer; several may run at once. */
    public Reader reader(long from, long to) {
        return new Reader(from, to);
    }

    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }

    /** Buffered appending. */
    public final class Writer implements AutoCloseable {
        private final ByteBuffer bytes = ByteBuffer.allocateDirect(BUFFER_INTS * 4).order(ByteOrder.LITTLE_ENDIAN);
        private final IntBuffer ints = bytes.asIntBuffer();

        private Writer() {
        }

        /** Appends a token id. */
        public void add(int id) throws IOException {
            if (!ints.hasRemaining()) {
                flush();
            }
            ints.put(id);
        }

        /** Ends a sentence (empty sentences are not written). */
        public void endSentence(boolean empty) throws IOException {
            if (!empty) {
                add(END);
            }
        }

        private void flush() throws IOException {
            bytes.position(0).limit(ints.position() * 4);
            long pos = size * 4;
            while (bytes.hasRemaining()) {
                pos += channel.write(bytes, pos);
            }
            size += ints.position();
            bytes.clear();
            ints.clear();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Sequential reading of a slice. */
    public final class Reader {
        private final ByteBuffer bytes = ByteBuffer.allocateDirect(BUFFER_INTS * 4).order(ByteOrder.LITTLE_ENDIAN);
        private final int[] chunk = new int[BUFFER_INTS];
        private long next;
        private final long end;

        private Reader(long from, long to) {
            this.next = from;
            this.end = Math.min(to, size);
        }

        /**
         * Reads the next ints of the slice into {@link #chunk()}.
         *
         * @return how many were read; 0 at the end of the slice
         */
        public int read() throws IOException {
            int n = (int) Math.min(BUFFER_INTS, end - next);
            if (n <= 0) {
                return 0;
            }
            bytes.clear().limit(n * 4);
            long pos = next * 4;
            while (bytes.hasRemaining()) {
                int r = channel.read(bytes, pos);
                if (r < 0) {
                    throw new IOException("corpus cache " + file + " ended early");
                }
                pos += r;
            }
            bytes.flip();
            bytes.asIntBuffer().get(chunk, 0, n);
            next += n;
            return n;
        }

        /** The buffer {@link #read()} fills. */
        public int[] chunk() {
            return chunk;
        }
    }
}
