package dev.nlpipe.cli;

import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.model.TrainingJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nlpipe train CONFIG.yaml --output DIR}: fits a model and writes its directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model from a training file (task, data, stages, model, train) and write a model directory.")
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG.yaml", description = "the training file")
    Path config;

    @Option(names = {"--output", "-o"}, required = true, paramLabel = "DIR", description = "the model directory to write (replaced on success)")
    Path output;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a setting, e.g. --set train.epochs=3 --set data.train=FILE")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        TrainConfig cfg = TrainConfig.load(config, sets);
        long start = System.nanoTime();
        try (TrainingJob job = TrainingJob.prepare(cfg, output, System.err)) {
            job.run();
            System.err.printf("trained %s in %.1f s -> %s%n", cfg.task(), (System.nanoTime() - start) / 1e9, output);
            if (job.warningSummary() != null) {
                System.err.println(job.warningSummary());
            }
            if (job.badRecords() > 0) {
                System.err.println(job.badRecords() + " unreadable records were skipped");
                return ExitCodes.RECORDS_FAILED;
            }
        }
        return ExitCodes.OK;
    }
}
