package dev.nlpipe.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nlpipe.cli.schedule.StateStore;
import dev.nlpipe.cli.schedule.StatusReport;
import dev.nlpipe.core.doc.DocumentJson;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nlpipe schedule status --state FILE [--json]}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a scheduler's state: files done / failed / quarantined / pending / deleted, whether it is running,"
                + " its last run, and the failed files with their errors. Safe while the scheduler runs.")
public final class ScheduleStatusCommand implements Callable<Integer> {
    @Mixin
    StateOption state;

    @Option(names = "--json", description = "print one JSON object (for monitoring)")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "list at most N failed and N quarantined files (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() throws Exception {
        try (StateStore store = StateStore.openReadOnly(state.resolve())) {
            Map<String, Object> report = StatusReport.read(store, limit);
            System.out.print(json ? DocumentJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n"
                    : StatusReport.format(report));
        } catch (NoSuchFileException e) {
            System.err.println("nlpipe schedule status: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        return ExitCodes.OK;
    }
}
