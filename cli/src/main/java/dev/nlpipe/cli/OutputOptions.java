package dev.nlpipe.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.AtomicFile;
import dev.nlpipe.core.io.OutputTargets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The files a command writes (an evaluation's {@code --json}, {@code --write-pred}), checked against
 * the files it reads before either is opened: CLUENER's gold data is {@code dev.json}, so
 * {@code --json dev.json} would replace the data it scores with the scores. A report named {@code -} goes to standard
 * output ({@link #writeJson}), and the command's text report then to standard error ({@link #textOut}).
 */
final class OutputOptions {
    private OutputOptions() {
    }

    /** An input option and the file it names ({@code null} when not given). */
    record Input(String option, Path path) {
    }

    /** The input {@code option} names {@code path}. */
    static Input in(String option, Path path) {
        return new Input(option, path);
    }

    /**
     * Refuses an output that lies inside a directory the command reads: a file inside {@code --model} or {@code --vectors}
     * replaces the model's {@code model.json} or weights, and one inside {@code --data} is read as data on the next run.
     *
     * @param option the output's option, for the message
     * @param output the file it names, or {@code null} when not given ({@code -} for standard output is accepted)
     * @param inputs what the command reads; those that are not directories are passed over ({@link #refuseInputs} checks files)
     */
    static void refuseInside(CommandSpec spec, String option, Path output, Input... inputs) {
        if (output == null || isStdout(output)) {
            return;
        }
        for (Input in : inputs) {
            if (in.path() != null && Files.isDirectory(in.path()) && OutputTargets.within(output, in.path())) {
                throw new ParameterException(spec.commandLine(), option + " " + output + " is inside the " + in.option() + " directory "
                        + in.path() + ", which the command reads; choose a file outside it");
            }
        }
    }

    /**
     * Checks a report file ({@code --json}, {@code --metrics}, {@code --write-pred}) before anything is read: an existing
     * directory is refused (the report would otherwise fail to open only after the whole run or evaluation), then an
     * output that is one of the inputs, as {@link #refuseInputs} does.
     *
     * @param option the report's option, for the message
     * @param file the file it names, or {@code null} when not given ({@code -} for standard output is accepted)
     * @param inputs the files the command reads
     */
    static void reportFile(CommandSpec spec, String option, Path file, Input... inputs) {
        if (file != null && !isStdout(file) && Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + " is a directory; name a file");
        }
        String home = file == null ? null : OutputTargets.unexpandedHome(file);
        if (home != null) {
            throw new ParameterException(spec.commandLine(), option + " " + home);
        }
        refuseInputs(spec, option, file, inputs);
    }

    /**
     * Refuses an output that is one of the inputs.
     *
     * @param option the output's option, for the message
     * @param output the file it names, or {@code null} when not given
     * @param inputs the files the command reads
     */
    static void refuseInputs(CommandSpec spec, String option, Path output, Input... inputs) {
        if (output == null || isStdout(output)) {
            return;
        }
        for (Input in : inputs) {
            if (in.path() != null && OutputTargets.sameFile(output, in.path())) {
                throw new ParameterException(spec.commandLine(), option + " " + output + " is the " + in.option() + " file;"
                        + " writing it would replace what is read. Choose another " + option + " file");
            }
        }
    }

    /** Whether a report option names standard output ({@code -}) rather than a file. */
    static boolean isStdout(Path file) {
        return file != null && file.toString().equals("-");
    }

    /**
     * Refuses two report options that both name standard output: their contents would be interleaved on one stream.
     *
     * @param option one report option, for the message
     * @param file the file it names, or {@code null} when not given
     * @param otherOption the other report option
     * @param other the file it names, or {@code null}
     */
    static void refuseTwoOnStdout(CommandSpec spec, String option, Path file, String otherOption, Path other) {
        if (isStdout(file) && isStdout(other)) {
            throw new ParameterException(spec.commandLine(), option + " - and " + otherOption + " - would both go to standard output;"
                    + " name a file for one of them");
        }
    }

    /**
     * Where a command prints its text report: standard error when one of its reports goes to standard output, so that what a
     * pipe reads is the report alone.
     *
     * @param reports the command's report files ({@code null} when not given)
     */
    static PrintWriter textOut(CommandSpec spec, Path... reports) {
        return Arrays.stream(reports).anyMatch(OutputOptions::isStdout) ? spec.commandLine().getErr() : spec.commandLine().getOut();
    }

    /**
     * Writes a JSON report, pretty-printed, as {@link #writeText} writes text.
     *
     * @param file the report file, or {@code -}
     * @param report the report (maps, lists, numbers and strings)
     */
    static void writeJson(CommandSpec spec, Path file, Object report) throws IOException {
        writeText(spec, file, DocumentJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n");
    }

    /**
     * Writes a report: to standard output for {@code -}, else to the file, atomically (a reader never sees half of it).
     *
     * @param file the report file, or {@code -}
     * @param text the whole report, made before anything is written so that a failure leaves no half of it on standard output
     */
    static void writeText(CommandSpec spec, Path file, String text) throws IOException {
        if (isStdout(file)) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return;
        }
        try (AtomicFile f = AtomicFile.create(file)) {
            f.writer().write(text);
            f.commit();
        }
    }
}
