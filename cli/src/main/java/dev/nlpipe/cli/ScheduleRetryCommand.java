package dev.nlpipe.cli;

import dev.nlpipe.cli.schedule.StateStore;
import dev.nlpipe.cli.schedule.StatusReport;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code nlpipe schedule retry --state FILE [PATH...]}. */
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = "Release quarantined (and failed) files: their attempts are reset and the next tick processes them."
                + " Safe while the scheduler runs.")
public final class ScheduleRetryCommand implements Callable<Integer> {
    @Mixin
    StateOption state;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "input files to release, relative to the input directory or as paths under it (default: all)")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        try (StateStore store = StateStore.openExisting(state.resolve())) {
            String inputDir = store.meta("input_dir").orElse(null);
            Set<String> wanted = new LinkedHashSet<>();
            paths.forEach(p -> wanted.add(StatusReport.relativeToInput(p, inputDir)));
            List<String> released = store.release(wanted);
            released.forEach(p -> System.out.println("released " + p));
            List<String> unknown = wanted.stream().filter(p -> !released.contains(p)).toList();
            for (String p : unknown) {
                System.err.println("nlpipe schedule retry: " + p + " is not failed or quarantined"
                        + (store.file(p).isPresent() ? " (it is " + store.file(p).get().status().key() + ")" : " (no such file in the state)"));
            }
            System.err.println(released.isEmpty() ? "no file released" : released.size() + " file(s) released; the next tick processes them");
            return unknown.isEmpty() ? ExitCodes.OK : ExitCodes.CONFIG;
        } catch (NoSuchFileException e) {
            System.err.println("nlpipe schedule retry: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
    }
}
