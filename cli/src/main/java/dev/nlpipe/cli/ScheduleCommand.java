package dev.nlpipe.cli;

import dev.nlpipe.cli.schedule.ScheduleLog;
import dev.nlpipe.cli.schedule.ScheduleSettings;
import dev.nlpipe.cli.schedule.Scheduler;
import dev.nlpipe.cli.schedule.StopSignal;
import dev.nlpipe.cli.schedule.Trigger;
import dev.nlpipe.core.config.Durations;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nlpipe schedule PIPELINE.yaml --input DIR --output DIR (--every D | --cron EXPR | --once)}. */
@Command(name = "schedule", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Process the new and changed files of a directory with a pipeline, once or on a schedule.", "",
                "On each tick, every new or changed file (path, size, time, confirmed by SHA-256) is processed into a mirrored"
                + " file under --output, written atomically, and recorded in an embedded SQLite state database.",
                "Failed files are retried with backoff, then quarantined. SIGTERM/SIGINT finish the files in progress and exit 0"
                        + " (1 for a --once pass that had failures).", ""},
        subcommands = {ScheduleStatusCommand.class, ScheduleRetryCommand.class},
        footer = {"", "Examples:",
                "  nlpipe schedule pipe.yaml --input inbox/ --output processed/ --once",
                "  nlpipe schedule pipe.yaml --input inbox/ --output processed/ --every 10m",
                "  nlpipe schedule pipe.yaml --input inbox/ --output out/ --cron \"0 2 * * *\" --zone UTC",
                "  nlpipe schedule status --state processed/" + ScheduleSettings.DEFAULT_STATE_NAME,
                "", "Exit codes: 0 ok (or stopped by a signal), 1 --once saw files or records fail, 2 configuration or usage error,"
                + " 3 runtime failure, 4 another scheduler holds the state database."})
public final class ScheduleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PIPELINE.yaml",
            description = "the pipeline file (its input/output formats are used; their paths are replaced by --input/--output)")
    Path pipeline;

    @Option(names = "--input", paramLabel = "DIR", description = "the directory to watch (walked recursively)")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", description = "where outputs go, mirroring the input's layout")
    Path output;

    @Option(names = "--every", paramLabel = "DURATION", description = "tick at start, then every DURATION (30s, 10m, 1h30m, 1d)")
    String every;

    @Option(names = "--cron", paramLabel = "EXPR", description = "tick when this Unix cron expression matches, e.g. \"*/15 * * * *\"")
    String cron;

    @Option(names = "--once", description = "one tick, then exit (for system cron, systemd timers, CI, Kubernetes CronJobs)")
    boolean once;

    @Option(names = "--state", paramLabel = "FILE",
            description = "the state database (default: OUTPUT/" + ScheduleSettings.DEFAULT_STATE_NAME + ")")
    Path state;

    @Option(names = "--glob", paramLabel = "PATTERN", description = "which files are inputs: a name pattern (*.txt) or a relative-path"
            + " pattern (2024/**/*.jsonl); default: the pipeline's input.glob, else every non-hidden file")
    String glob;

    @Option(names = "--zone", paramLabel = "TZ", description = "time zone of --cron and of log times, e.g. UTC, Asia/Shanghai (default: the system's)")
    String zone;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "3",
            description = "failed attempts after which a file is quarantined (default: ${DEFAULT-VALUE})")
    int maxAttempts;

    @Option(names = "--retry-backoff", paramLabel = "DURATION", defaultValue = "1m",
            description = "wait before retrying a failed file, doubled after each failure, at most 1d (default: ${DEFAULT-VALUE})")
    String retryBackoff;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "2s",
            description = "leave a file modified less than this long ago for a later tick: it may still be being written"
                    + " (default: ${DEFAULT-VALUE}; 0s reads every file at once)")
    String settle;

    @Option(names = "--prune", description = "remove the outputs of deleted inputs (kept by default) and outputs superseded under another name")
    boolean prune;

    @Option(names = "--no-reprocess-on-config-change",
            description = "keep outputs made with an earlier pipeline configuration (default: a changed configuration reprocesses every file)")
    boolean keepOnConfigChange;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "files processed at once (default: the pipeline's threads, else all cores)")
    int threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a pipeline setting, as with `nlpipe run`")
    List<String> sets = new ArrayList<>();

    @Option(names = "--quiet", description = "only a line per tick and errors: no line per file, no progress")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        ScheduleSettings settings = settings();
        ScheduleLog log = new ScheduleLog(System.err, settings.zone(), quiet);
        StopSignal stop = new StopSignal();
        try (AutoCloseable trapped = stop.trapSignals(System.err)) {
            return new Scheduler(settings, log, stop).run();
        } catch (Scheduler.ScheduleException e) {
            System.err.println("nlpipe schedule: " + e.getMessage());
            return e.exitCode();
        }
    }

    private ScheduleSettings settings() {
        if (pipeline == null) {
            throw usage("name the pipeline file: nlpipe schedule PIPELINE.yaml --input DIR --output DIR --once");
        }
        if (input == null || output == null) {
            throw usage("--input DIR and --output DIR are required");
        }
        if (threads < 0 || threads > dev.nlpipe.core.run.RunOptions.MAX_THREADS) {
            // 0 is the default (the pipeline's threads, else all cores), as in run
            throw usage("--threads must be between 1 and " + dev.nlpipe.core.run.RunOptions.MAX_THREADS + ", not " + threads);
        }
        int triggers = (once ? 1 : 0) + (every != null ? 1 : 0) + (cron != null ? 1 : 0);
        if (triggers != 1) {
            throw usage("give exactly one of --once, --every DURATION or --cron \"EXPR\"");
        }
        try {
            Trigger trigger = once ? new Trigger.Once() : every != null ? new Trigger.Every(Durations.parse(every)) : Trigger.Cron.parse(cron);
            ZoneId z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
            Duration backoff = Durations.parse(retryBackoff);
            return new ScheduleSettings(pipeline, sets, input, output, state != null ? state : ScheduleSettings.defaultState(output), glob,
                    trigger, z, maxAttempts, backoff, prune, !keepOnConfigChange, threads, quiet, Durations.parse(settle));
        } catch (DateTimeException e) {
            throw usage("unknown time zone '" + zone + "' (use a region like Asia/Shanghai or Europe/Berlin, or UTC)");
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
