package dev.nlpipe.embed.vectorize;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run of (term, df, cf) sorted by term in code point order — written when counting outgrows its
 * memory budget, read back by the merge that sums the runs and prunes by document frequency.
 */
final class TermRun implements AutoCloseable {
    private final DataInputStream in;
    String term;
    int df;
    long cf;

    private TermRun(Path file) throws IOException {
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** Writes the terms of {@code counts} to {@code file}, sorted. */
    static void write(TermCounts counts, Path file) throws IOException {
        int n = 0;
        int[] ids = new int[counts.size()];
        for (int id = 0; id < counts.size(); id++) {
            if (counts.counted(id)) {
                ids[n++] = id;
            }
        }
        String[] sorted = new String[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = counts.index.text(ids[i]);
        }
        PyText.sort(sorted);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            for (String t : sorted) {
                int id = counts.index.find(t);
                out.writeInt(t.length());
                for (int i = 0; i < t.length(); i++) {
                    out.writeChar(t.charAt(i));
                }
                out.writeInt(counts.df(id));
                out.writeLong(counts.cf(id));
            }
        }
    }

    /** Opens a run positioned on its first entry, or returns {@code null} when it is empty. */
    static TermRun open(Path file) throws IOException {
        TermRun r = new TermRun(file);
        if (!r.advance()) {
            r.close();
            return null;
        }
        return r;
    }

    /** Moves to the next entry; false at the end. */
    boolean advance() {
        try {
            int len;
            try {
                len = in.readInt();
            } catch (EOFException e) {
                term = null;
                return false;
            }
            char[] chars = new char[len];
            for (int i = 0; i < len; i++) {
                chars[i] = in.readChar();
            }
            term = new String(chars);
            df = in.readInt();
            cf = in.readLong();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
