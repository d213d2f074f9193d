package dev.nlpipe.cli;

/** Exit codes scripts can trust (documented in docs/cli.md). */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** The run finished but some records failed (see the errors file). */
    public static final int RECORDS_FAILED = 1;
    /** Configuration or usage error, found before any document was read. */
    public static final int CONFIG = 2;
    /** Runtime failure (I/O, out of memory, a bug). */
    public static final int RUNTIME = 3;
    /** Another {@code nlpipe schedule} holds the state database, or another training the same {@code --output}; nothing was done. */
    public static final int LOCKED = 4;

    private ExitCodes() {
    }
}
