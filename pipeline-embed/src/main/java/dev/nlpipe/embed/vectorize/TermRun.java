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
 * A run file of (term, two numbers) sorted by term in code point order: what a counter writes
 * when its counts outgrow memory, or what one part of a distributed count hands over, for
 * {@link TermRuns#merge} to combine. The vectorizers store (df, cf); word2vec stores (count,
 * first position).
 */
public final class TermRun implements AutoCloseable {
    private final DataInputStream in;
    String term;
    long first;
    long second;

    private TermRun(Path file) throws IOException {
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** Writes the terms of {@code counts} to {@code file}, sorted, as (df, cf). */
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
        try (Writer out = new Writer(file)) {
            for (String t : sorted) {
                int id = counts.index.find(t);
                out.add(t, counts.df(id), counts.cf(id));
            }
        }
    }

    /** Appends entries to a new run file; the caller adds the terms in {@link PyText#sort code point order}, each once. */
    public static final class Writer implements AutoCloseable {
        private final DataOutputStream out;

        /** Creates (or replaces) the run file. */
        public Writer(Path file) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        /** Appends one term and its two numbers. */
        public void add(String term, long first, long second) throws IOException {
            out.writeInt(term.length());
            for (int i = 0; i < term.length(); i++) {
                out.writeChar(term.charAt(i));
            }
            out.writeLong(first);
            out.writeLong(second);
        }

        @Override
        public void close() throws IOException {
            out.close();
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
            first = in.readLong();
            second = in.readLong();
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
