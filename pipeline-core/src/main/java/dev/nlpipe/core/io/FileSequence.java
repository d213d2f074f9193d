package dev.nlpipe.core.io;

import dev.nlpipe.core.doc.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The documents of a sequence of files, each opened in turn and read to its end, streamed. A file
 * that cannot be opened or fails part-way (a {@code .gz} cut short) is one bad record naming it and
 * the records read from it before, and reading goes on with the next file; a failure the caller
 * does not take for damage to the file (a distributed file system's timeout) is thrown instead, so
 * the work can be retried.
 *
 * @param <S> what a file is known by (a local source, a part of a file on a cluster)
 */
public final class FileSequence<S> implements Iterator<Document>, AutoCloseable {
    /** Opens the reader of one file. */
    @FunctionalInterface
    public interface Opener<S> {
        CorpusReader open(S source) throws IOException;
    }

    private final Iterator<S> sources;
    private final Function<S, String> name;
    private final Opener<S> opener;
    private final BadRecordSink errors;
    private final Predicate<IOException> damage;
    private CorpusReader current;
    private S currentSource;
    private long readFromCurrent;

    /**
     * @param sources the files, in order
     * @param name a file's name in a bad record or an error
     * @param opener opens a file's reader
     * @param errors receives the bad record of a file that failed
     * @param damage whether a failure is the file's (a bad record) rather than the reading's (thrown)
     */
    public FileSequence(Iterator<S> sources, Function<S, String> name, Opener<S> opener, BadRecordSink errors,
                        Predicate<IOException> damage) {
        this.sources = sources;
        this.name = name;
        this.opener = opener;
        this.errors = errors;
        this.damage = damage;
    }

    /**
     * The bad record of a file that failed part-way (a {@code .gz} cut short, a read error): the
     * records read before it stand, the rest of the file is skipped.
     */
    public static BadRecord restUnreadable(String source, long readBefore, IOException e) {
        return BadRecord.unreadable(source, 0, "cannot read the file: " + IoErrors.describe(e) + "; " + readBefore
                + " record(s) were read from it before, the rest of the file is skipped");
    }

    @Override
    public boolean hasNext() {
        while (current == null || !currentHasNext()) {
            close();
            if (!sources.hasNext()) {
                return false;
            }
            currentSource = sources.next();
            readFromCurrent = 0;
            try {
                current = opener.open(currentSource);
            } catch (IOException e) {
                fileFailed(e);
            } catch (UncheckedIOException e) {
                fileFailed(e.getCause());
            }
        }
        return true;
    }

    private boolean currentHasNext() {
        try {
            return current.hasNext();
        } catch (UncheckedIOException e) {
            fileFailed(e.getCause());
            return false;
        }
    }

    private void fileFailed(IOException e) {
        if (!damage.test(e)) {
            throw new UncheckedIOException("cannot read " + name.apply(currentSource) + ": " + e.getMessage(), e);
        }
        errors.accept(restUnreadable(name.apply(currentSource), readFromCurrent, e));
    }

    @Override
    public Document next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        readFromCurrent++;
        return current.next();
    }

    /** The file the last document returned came from. */
    public S currentSource() {
        return currentSource;
    }

    /** Closes the file being read (also one not read to its end: a task killed on a cluster). */
    @Override
    public void close() {
        if (current != null) {
            try {
                current.close();
            } catch (UncheckedIOException ignored) {
                // the file already failed or was read to the end; nothing more can be lost by closing it
            }
            current = null;
        }
    }
}
