package dev.nlpipe.core.io.format;

import dev.nlpipe.core.io.LineReader;
import java.io.IOException;
import java.io.Reader;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * A character stream of the good lines of a {@link LineReader}, each followed by {@code \n}, for
 * parsers (CSV) that need a {@link Reader}. Remembers how many bad lines were skipped before each
 * good one so that the parser's line numbers can be mapped back to the file's. A record may span
 * lines (a quoted field), but not more than {@code maxRecordChars} characters: a quote left open
 * would otherwise have the parser hold the rest of the file as one field.
 */
final class ValidLinesReader extends Reader {
    private final LineReader lines;
    private String current = "";
    /** What is left of the physical line after {@link #current}, when a lone {@code \r} cut it; else {@code null}. */
    private String rest;
    private int pos;
    private long logical;
    private boolean eof;
    /** logical line number -> physical line number, recorded only where they start to differ. */
    private final TreeMap<Long, Long> shifts = new TreeMap<>();
    /** Logical lines that are blank, so that records lost after a parse error can be counted. */
    private final BitSet blank = new BitSet();
    /** Logical lines that are empty, which the CSV parser skips without counting them as records. */
    private final BitSet empty = new BitSet();
    /**
     * Logical lines read right after an unreadable line was skipped. Kept apart from {@link #shifts}:
     * a lone {@code \r} shifts the numbering the other way, and a quoted field holding one lost nothing.
     */
    private final BitSet afterLoss = new BitSet();
    private long lastPhysical;
    /** Lone {@code \r}s that ended a logical line so far: each starts a new line of the file, as it starts a record. */
    private long loneCarriageReturns;
    /** Whether no line of the file has ended with a line feed yet: only then is a lone {@code \r} a line of its own. */
    private boolean noLineFeed = true;

    private final long maxRecordChars;
    /** Characters handed out since the parser's last record ended (approximate by its read-ahead buffer). */
    private long sinceRecord;
    private boolean draining;

    ValidLinesReader(LineReader lines, long maxRecordChars) {
        this.lines = lines;
        this.maxRecordChars = maxRecordChars;
    }

    /** The parser finished a record: the next may again take up to {@code maxRecordChars}. */
    void recordEnded() {
        sinceRecord = 0;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (pos == current.length()) {
            if (rest == null) {
                if (eof) {
                    return -1;
                }
                String line = lines.readLine();
                if (line == null) {
                    eof = true;
                    return -1;
                }
                // the line's own ending: a quoted field spanning lines keeps its CRLF (a Windows file's text round-trips through CSV)
                rest = line + (lines.lastLineEnding().isEmpty() ? "\n" : lines.lastLineEnding());
                noLineFeed &= !lines.lastLineEnding().contains("\n");
                if (lines.lineNumber() > lastPhysical + 1 && logical + 1 <= Integer.MAX_VALUE) {
                    afterLoss.set((int) (logical + 1));
                }
                lastPhysical = lines.lineNumber();
            }
            nextLogicalLine();
        }
        int n = Math.min(len, current.length() - pos);
        if (!draining && sinceRecord + n > maxRecordChars) {
            throw new IOException("a record runs past " + maxRecordChars + " characters: a quote left open? (raise " + lines.maxLineKey()
                    + " for longer records)");
        }
        sinceRecord += n;
        current.getChars(pos, pos + n, cbuf, off);
        pos += n;
        return n;
    }

    /**
     * Takes the next logical line from the rest of the physical one: up to and including a lone
     * {@code \r}, which the CSV parser counts as a line end of its own (as pandas does), so its line
     * numbers map back to the file's; else the whole rest. In a file without a line feed (Excel's
     * "CSV (Macintosh)") a lone {@code \r} counts as a line end in the file's numbering too, or its
     * records would all be on line 1, under one id; where line feeds end the lines, the numbering is
     * theirs ({@code wc -l}, {@code sed -n}), whatever a quoted field holds.
     */
    private void nextLogicalLine() {
        int cr = rest.indexOf('\r');
        int end = cr >= 0 && cr + 1 < rest.length() && rest.charAt(cr + 1) != '\n' ? cr + 1 : rest.length();
        current = rest.substring(0, end);
        rest = end == rest.length() ? null : rest.substring(end);
        pos = 0;
        logical++;
        long line = lines.lineNumber() + loneCarriageReturns;
        if (line != physical(logical)) {
            shifts.put(logical, line - logical);
        }
        if (rest != null && noLineFeed) {
            loneCarriageReturns++;
        }
        if (current.isBlank() && logical <= Integer.MAX_VALUE) {
            blank.set((int) logical);
            if (current.equals("\n") || current.equals("\r\n") || current.equals("\r")) {
                empty.set((int) logical);
            }
        }
    }

    /** The file's line number of the given 1-based logical line, a lone {@code \r} counted as a line end. */
    long physical(long logicalLine) {
        Map.Entry<Long, Long> e = shifts.floorEntry(logicalLine);
        return logicalLine + (e == null ? 0 : e.getValue());
    }

    /**
     * The file's line number of the first non-empty logical line from {@code logicalLine} on: where
     * a record that the parser began to read after that line starts, the empty lines before it skipped.
     */
    long recordStart(long logicalLine) {
        return physical(firstNonEmpty(logicalLine));
    }

    private long firstNonEmpty(long logicalLine) {
        return logicalLine <= Integer.MAX_VALUE ? empty.nextClearBit((int) logicalLine) : logicalLine;
    }

    /**
     * Whether an unreadable line was skipped inside a record that the parser began after logical
     * line {@code before} and ended on logical line {@code last}: a quoted field spanning lines would
     * be read without it.
     */
    boolean lostLineWithin(long before, long last) {
        long first = firstNonEmpty(before + 1);
        if (last <= first || first >= Integer.MAX_VALUE) {
            return false;
        }
        int loss = afterLoss.nextSetBit((int) first + 1);
        return loss >= 0 && loss <= last;
    }

    /**
     * Reads the rest of the input and passes the physical line numbers of the non-blank lines
     * from logical line {@code from} to the end to {@code lost}, one by one: the records a parser
     * that gave up at {@code from} has lost. Returns how many there were.
     */
    long nonBlankLinesFrom(long from, LongConsumer lost) throws IOException {
        draining = true;
        char[] sink = new char[1 << 14];
        while (read(sink, 0, sink.length) >= 0) {
            // drain, so every remaining line is counted
        }
        long n = 0;
        for (long l = Math.max(1, from); l <= logical; l++) {
            if (l > Integer.MAX_VALUE || !blank.get((int) l)) {
                lost.accept(physical(l));
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
