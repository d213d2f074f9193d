package dev.nlpipe.cli;

import dev.nlpipe.core.Version;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.io.InputFormatException;
import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.run.RecordFailedException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nlpipe} command. */
@Command(name = "nlpipe",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "NLP pipelines for Chinese and English: segment, vectorize, embed, tag entities, classify.",
        subcommands = {RunCommand.class, SegmentCommand.class, TagCommand.class, ClassifyCommand.class, AugmentCommand.class, TrainCommand.class, EvalCommand.class, ModelCommand.class, ListCommand.class,
                ScheduleCommand.class, EmbedCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 some records failed, 2 configuration or usage error, 3 runtime failure,"
                + " 4 another scheduler holds the state database."})
public final class Main implements Runnable {

    @Override
    public void run() {
        CommandLine cl = new CommandLine(this);
        throw new CommandLine.ParameterException(cl, "a command is required: " + String.join(", ", cl.getSubcommands().keySet()));
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = commandLine(out, err);
        try {
            return cl.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler; an Error would reach the JVM as a stack trace and exit 1.
            return FatalErrors.report(e, err);
        }
    }

    /** The configured picocli command line. */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main());
        // texts are arguments of segment/tag/classify: @mention must stay text, never be replaced by a file's words
        cl.setExpandAtFiles(false);
        giveVersion(cl);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex, err));
        cl.setParameterExceptionHandler((ex, args) -> {
            printError(err, "nlpipe: " + ex.getMessage());
            CommandLine c = ex.getCommandLine();
            printError(err, "Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.CONFIG;
        });
        return cl;
    }

    /** Every command's -V prints the version (mixinStandardHelpOptions offers it; only the top command had a provider). */
    private static void giveVersion(CommandLine cl) {
        if (cl.getCommandSpec().versionProvider() == null) {
            cl.getCommandSpec().versionProvider(new VersionProvider());
        }
        cl.getSubcommands().values().forEach(Main::giveVersion);
    }

    /** Prints an error the way a user can act on it and maps it to an exit code. */
    static int handle(Exception ex, PrintStream err) {
        Throwable e = ex;
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            e = u.getCause();
        }
        if (e instanceof CommandLine.ExecutionException x && x.getCause() instanceof Error fatal) {
            return FatalErrors.report(fatal, err);
        }
        if (e instanceof ConfigException c) {
            printError(err, c.getMessage());
            return ExitCodes.CONFIG;
        }
        if (e instanceof InputFormatException f) {
            printError(err, f.getMessage());
            return ExitCodes.CONFIG;
        }
        if (e instanceof ModelException m) {
            printError(err, "nlpipe: " + m.getMessage());
            return ExitCodes.CONFIG;
        }
        if (e instanceof dev.nlpipe.nn.NeuralEngineException n) {
            printError(err, "nlpipe: " + n.getMessage());
            return n.isSetting() ? ExitCodes.CONFIG : ExitCodes.RUNTIME;
        }
        if (e instanceof dev.nlpipe.core.io.InstanceLock.HeldException h) {
            printError(err, "nlpipe: " + h.getMessage());
            return ExitCodes.LOCKED;
        }
        if (e instanceof RecordFailedException r) {
            printError(err, "nlpipe: " + r.getMessage());
            printError(err, "nothing was published; fix the record or set onError: skip to write bad records to the errors file");
            return ExitCodes.RECORDS_FAILED;
        }
        String message = e instanceof IOException io ? IoErrors.explain(io) : e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        printError(err, "nlpipe: " + message);
        if (System.getenv("NLPIPE_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            printError(err, "(set NLPIPE_DEBUG=1 for the stack trace)");
        }
        err.flush();
        return ExitCodes.RUNTIME;
    }

    /**
     * Prints one error message ending in exactly one newline, whatever the message ends with (a
     * message built from another exception's may carry trailing line breaks or spaces), and
     * flushes, so that the shell prompt starts on a line of its own.
     */
    static void printError(PrintStream err, String message) {
        err.print(message.stripTrailing());
        err.print('\n');
        err.flush();
    }

    /** Supplies {@code --version}. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nlpipe " + Version.get(), "Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vm.vendor") + ")"};
        }
    }
}
