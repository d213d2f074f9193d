package dev.nlpipe.cli;

import dev.nlpipe.cli.schedule.ScheduleSettings;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --state FILE} or {@code --output DIR} (its default state database), for the schedule subcommands. */
public final class StateOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--state", paramLabel = "FILE", description = "the state database of a `nlpipe schedule`")
    Path state;

    @Option(names = "--output", paramLabel = "DIR",
            description = "or: the scheduler's output directory (its state database is DIR/" + ScheduleSettings.DEFAULT_STATE_NAME + ")")
    Path output;

    /** The state database named. */
    Path resolve() {
        if (state != null) {
            return state;
        }
        if (output != null) {
            return ScheduleSettings.defaultState(output);
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "name the state database: --state FILE (or --output DIR)");
    }
}
