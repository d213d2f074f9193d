package dev.nlpipe.cli;

import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.io.InstanceLock;
import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.nn.Checkpoints;
import dev.nlpipe.nn.ShutdownGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
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
        // initialized now: a class first loaded by the hook below, during the shutdown, cannot register its own hooks
        ShutdownGate.global();
        // Ctrl-C ends the JVM without unwinding this method: a shutdown hook is the one place left to say how to go on
        AtomicReference<TrainingJob> running = new AtomicReference<>();
        Thread onInterrupt = new Thread(() -> {
            stopTraining();
            System.err.println(running.get() != null && running.get().published()
                    ? publishedThenInterrupted(output) : interrupted(config, output, sets, resumes(running.get())));
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (TrainingJob job = TrainingJob.prepare(cfg, output, System.err)) {
            running.set(job);
            try {
                job.run();
            } catch (IOException | UncheckedIOException e) {
                throw resumable(e, output);
            }
            System.err.printf(java.util.Locale.ROOT, "trained %s in %.1f s -> %s%n", cfg.task(), (System.nanoTime() - start) / 1e9, output);
            if (job.warningSummary() != null) {
                System.err.println(job.warningSummary());
            }
            if (job.badRecords() > 0) {
                System.err.println(job.badRecords() + " unreadable records were skipped");
                return ExitCodes.RECORDS_FAILED;
            }
        } finally {
            // a run that failed on its own is not an interrupt; the message must not follow its error at exit
            forget(onInterrupt);
        }
        return ExitCodes.OK;
    }

    /**
     * Waits, before saying how to go on, until the training thread has reached its next safe point
     * between steps (the process's {@link ShutdownGate} closes at exit and says so if that outlasts its wait).
     */
    private static void stopTraining() {
        ShutdownGate gate = ShutdownGate.global();
        if (gate.busy()) {
            System.err.println("\nnlpipe: interrupted; stopping after the current training or scoring batch ...");
        }
        try {
            gate.closeAndAwait(ShutdownGate.STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is already running, as it should
        }
    }

    /**
     * An I/O failure during training (a full disk while a checkpoint or the model is written) with,
     * when a checkpoint of an earlier epoch is there, the way to go on from it once the cause is fixed.
     */
    static IOException resumable(Exception e, Path output) {
        IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        Path checkpoint = Checkpoints.beside(output).dir();
        if (!Files.isDirectory(checkpoint) || io instanceof Checkpoints.DamagedException || io instanceof InstanceLock.HeldException) {
            // a damaged checkpoint is no way to go on: its message says to start over; another training's is not this run's
            return io;
        }
        return new IOException(IoErrors.explain(io) + "\nthe last finished epoch is checkpointed in "
                + checkpoint + ": once this is fixed, the same command continues from it", io);
    }

    /** What to tell a user who interrupts training once the model is in place: that nothing is lost. */
    static String publishedThenInterrupted(Path output) {
        return "\nnlpipe: interrupted after the model was written; it is complete in " + output + ". The checkpoint "
                + Checkpoints.beside(output).dir() + ", if still there, can be removed.";
    }

    /**
     * Whether a run continues its checkpoint: its checked {@code train.resume}, where its trainer takes
     * one (those that checkpoint); before the job is prepared, the default (true).
     */
    private static boolean resumes(TrainingJob job) {
        return job == null || !job.train().declares("resume") || job.train().getBoolean("resume");
    }

    /** A word the shell passes on as it is: quoted when it holds a space, a bracket or another character the shell reads. */
    static String shellQuoted(String word) {
        return word.matches("[A-Za-z0-9_./:=,+@%-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** What to tell a user who interrupts training: where the last epoch's checkpoint is and the command that resumes from it. */
    static String interrupted(Path config, Path output, List<String> sets, boolean resumes) {
        Path checkpoint = Checkpoints.beside(output).dir();
        StringBuilder again = new StringBuilder("nlpipe train " + shellQuoted(config.toString()) + " --output "
                + shellQuoted(output.toString()));
        // a train.resume that is false (set here or in the file) would delete the checkpoint the command is to continue
        sets.stream().filter(s -> !s.replace(" ", "").startsWith("train.resume="))
                .forEach(s -> again.append(" --set ").append(shellQuoted(s)));
        if (!resumes) {
            again.append(" --set train.resume=true");
        }
        if (!Files.isDirectory(checkpoint)) {
            return "\nnlpipe: training interrupted before a checkpoint was written; nothing was saved to " + output
                    + ". Start again with: " + again;
        }
        return "\nnlpipe: training interrupted; the last finished epoch is checkpointed in " + checkpoint
                + ".\nResume from it with the same command: " + again + "\n(--set train.resume=false starts over instead)";
    }
}
