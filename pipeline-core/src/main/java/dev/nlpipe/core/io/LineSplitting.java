package dev.nlpipe.core.io;

import java.io.Serializable;

/**
 * What reading a file of a line format ({@link ReaderProvider#lineSplitting}) in parts
 * needs beyond whole lines, and which files must be read whole after all. A part that starts after
 * the file's first line is given that line when the format reads it for every row ({@link InputSource#header});
 * a file holding one of the {@link #wholeFileBytes} (a CSV quote, which may join lines into one
 * record) or, where {@link #loneCarriageReturnEndsRecords}, a carriage return not followed by a line
 * feed (which the CSV parser takes for a line end where the line reader does not) reads differently
 * in parts, so it is read whole. {@link #scanner} checks a file's bytes for those.
 *
 * @param header every part needs the file's first line: the header that names the columns (csv, tsv), or
 *     without one the first row, whose number of fields every row must have
 * @param wholeFileBytes bytes whose presence anywhere in a file makes it be read whole
 * @param loneCarriageReturnEndsRecords whether a {@code \r} not followed by {@code \n} makes a file be read whole
 */
public record LineSplitting(boolean header, byte[] wholeFileBytes, boolean loneCarriageReturnEndsRecords) implements Serializable {
    /** Whole lines and nothing else: text and JSON lines. */
    public static final LineSplitting PLAIN = new LineSplitting(false, new byte[0], false);

    public LineSplitting {
        wholeFileBytes = wholeFileBytes.clone();
    }

    @Override
    public byte[] wholeFileBytes() {
        return wholeFileBytes.clone();
    }

    /** Whether any bytes of a file must be checked before it is split. */
    public boolean scans() {
        return wholeFileBytes.length > 0 || loneCarriageReturnEndsRecords;
    }

    /** A check of consecutive bytes of one file, fed in chunks. */
    public Scanner scanner() {
        return new Scanner();
    }

    /** Looks for the bytes that make a file be read whole; not thread-safe. */
    public final class Scanner {
        private final boolean[] hazard = new boolean[256];
        private boolean afterCr;
        private boolean found;

        private Scanner() {
            for (byte b : wholeFileBytes) {
                hazard[b & 0xff] = true;
            }
        }

        /** Checks {@code len} more bytes; a chunk may end between a {@code \r} and its {@code \n}. */
        public void feed(byte[] buf, int off, int len) {
            for (int i = off; i < off + len && !found; i++) {
                byte b = buf[i];
                if (hazard[b & 0xff] || loneCarriageReturnEndsRecords && afterCr && b != '\n') {
                    found = true;
                }
                afterCr = b == '\r';
            }
        }

        /**
         * Whether the bytes fed so far make the file be read whole. {@code atEnd}: they run to the
         * end of the file, so a last {@code \r} has no {@code \n} after it.
         */
        public boolean wholeFile(boolean atEnd) {
            return found || atEnd && afterCr && loneCarriageReturnEndsRecords;
        }
    }
}
