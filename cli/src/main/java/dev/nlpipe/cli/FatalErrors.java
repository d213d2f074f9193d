package dev.nlpipe.cli;

import java.io.PrintStream;

/**
 * Reports a {@link Error} that reached the top of a command (out of memory, stack overflow, a
 * bug) as one line naming the likely cause and what to change, with exit code
 * {@link ExitCodes#RUNTIME}, instead of the JVM's stack trace and exit code 1.
 */
final class FatalErrors {
    private FatalErrors() {
    }

    /** Prints the one-line report (and the stack trace under {@code NLPIPE_DEBUG}); returns the exit code. */
    static int report(Error e, PrintStream err) {
        Main.printError(err, "nlpipe: " + describe(e));
        if (System.getenv("NLPIPE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.RUNTIME;
    }

    /** The cause in words and the option to change. */
    static String describe(Error e) {
        String detail = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
        if (e instanceof OutOfMemoryError) {
            if (detail.contains("native thread")) {
                return "out of threads" + detail + ": lower 'threads' in the pipeline file (or --threads)";
            }
            return "out of memory" + detail + ": lower 'batchSize' or 'threads', lower input.maxLineLength if some lines are huge,"
                    + " or give Java more memory, e.g. NLPIPE_JAVA_OPTS='-Xss8m -Xmx8g'";
        }
        if (e instanceof StackOverflowError) {
            return "stack overflow, usually input or configuration nested too deeply;"
                    + " give Java a larger stack, e.g. NLPIPE_JAVA_OPTS='-Xss64m'";
        }
        return "internal error " + e.getClass().getName() + detail + "; this is a bug, please report it with the stack trace"
                + " (NLPIPE_DEBUG=1 prints it)";
    }
}
