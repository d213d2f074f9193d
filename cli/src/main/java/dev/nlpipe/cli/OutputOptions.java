package dev.nlpipe.cli;

import dev.nlpipe.core.io.OutputTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The files a command writes (an evaluation's {@code --json}, {@code --write-pred}), checked against
 * the files it reads before either is opened: CLUENER's gold data is {@code dev.json}, so
 * {@code --json dev.json} would replace the data it scores with the scores.
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
}
