package dev.nlpipe.nn;

import dev.nlpipe.core.config.ConfigErrors;
import dev.nlpipe.core.config.Durations;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.run.RunOptions;
import dev.nlpipe.nn.optim.Optimizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code train:} settings every neural trainer shares, validated: epochs, batching, optimizer,
 * learning-rate schedule, clipping, early stopping, device, seed, threads and resuming.
 *
 * @param epochs the most epochs to run
 * @param batchSize examples per mini-batch
 * @param lr the base learning rate
 * @param optimizer {@code adam}, {@code adamw} or {@code sgd}
 * @param momentum SGD momentum
 * @param weightDecay L2 (adam, sgd) or decoupled (adamw; not on biases and LayerNorm weights) weight decay
 * @param schedule the learning-rate decay
 * @param warmupSteps linear warm-up steps
 * @param decayEvery epochs between decays ({@code step} schedule)
 * @param decayRate decay factor ({@code step}, {@code inverse})
 * @param clipNorm the largest global gradient norm (0 = no clipping)
 * @param clipValue the largest absolute value of a gradient element, clamped before the norm is taken (0 = no clamping)
 * @param patience epochs without a better dev score before stopping (0 = never stop early)
 * @param minEpochs epochs that always run before patience may stop the run
 * @param device where to run
 * @param seed the one seed of the run
 * @param threads threads per operator (0 = the trainer's choice: one for recurrent taggers, else all cores)
 * @param resume whether to continue from a checkpoint of the same configuration
 * @param devFraction share of the training data held out as dev data when no {@code data.dev} is given
 * @param averageDecay decay of the moving average of the weights that is scored and saved (0 = no averaging)
 * @param sparseEmbeddings whether embedding tables are {@linkplain Params#updateByRows updated by rows}
 * @param accumulate mini-batches whose gradients add up before one optimizer step (1 = a step per batch)
 * @param warmupRatio warm-up as a share of all optimizer steps (replaces {@code warmupSteps} when above 0; a
 *     {@code warmupSteps} the user sets without a ratio makes it 0, so it wins over a task's default ratio)
 * @param keepLast whether the model keeps the last epoch's weights instead of the best dev epoch's
 *     ({@code keep: last}; early stopping is then off)
 * @param maxTime the longest the run may take (null = no limit)
 * @param randomBatches whether training batches are drawn at random instead of {@linkplain BatchPlan grouped by length}
 *     ({@code batches: random})
 */
public record TrainSettings(int epochs, int batchSize, double lr, String optimizer, double momentum, double weightDecay,
                            LrSchedule.Kind schedule, int warmupSteps, int decayEvery, double decayRate, double clipNorm,
                            double clipValue, int patience, int minEpochs, DeviceSpec device, long seed, int threads, boolean resume, double devFraction,
                            double averageDecay, boolean sparseEmbeddings, int accumulate, double warmupRatio, boolean keepLast,
                            Duration maxTime, boolean randomBatches) {

    /** The shared options with their defaults; a trainer may change defaults with {@link #options(Map)}. */
    public static List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("epochs", 30, "the most epochs to train"),
                OptionSpec.integer("batchSize", 32, "examples per mini-batch"),
                OptionSpec.choice("batches", "bucketed", "how training batches are drawn each epoch: bucketed (shuffled, then"
                        + " grouped by length within pools of 50 batches, so a batch pads little) or random (shuffled only, as"
                        + " PyTorch's DataLoader with shuffle=True; more padding, so slower)", "bucketed", "random"),
                OptionSpec.number("lr", 0.001, "base learning rate"),
                OptionSpec.choice("optimizer", "adam", "optimizer", Optimizer.NAMES),
                OptionSpec.number("momentum", 0.9, "momentum (sgd)"),
                OptionSpec.number("weightDecay", 0.0, "weight decay: L2 for adam and sgd, decoupled for adamw (not on biases and LayerNorm weights)"),
                OptionSpec.choice("schedule", "constant", "learning-rate decay after warm-up", LrSchedule.NAMES),
                OptionSpec.integer("warmupSteps", 0, "steps of linear learning-rate warm-up"),
                // the warm-up the user gave wins over a task's default ratio (the BERT tasks'), and model.json says so
                OptionSpec.number("warmupRatio", 0.0, "warm up over this share of all optimizer steps instead (BERT recipes: 0.1)")
                        .givingWayTo("warmupSteps", 0.0),
                OptionSpec.integer("decayEvery", 1, "epochs between decays (schedule: step)"),
                OptionSpec.number("decayRate", 0.5, "decay factor (schedule: step, inverse)"),
                OptionSpec.number("clipNorm", 5.0, "clip gradients to this global L2 norm; 0 turns clipping off"),
                OptionSpec.number("clipValue", 0.0, "clamp each gradient element to [-clipValue, clipValue] before clipNorm"
                        + " (PyTorch's clip_grad_value_); 0 turns it off"),
                OptionSpec.integer("patience", 5, "stop after this many epochs without a better dev score; 0 never stops early"),
                OptionSpec.integer("minEpochs", 0, "never stop early before this epoch (a dev dip while the learning rate is"
                        + " still high does not end the run)"),
                OptionSpec.choice("keep", "best", "the weights the model keeps: best (the epoch with the best dev score) or last"
                        + " (the last epoch's; early stopping is then off)", "best", "last"),
                OptionSpec.string("maxTime", null, "stop before an epoch that would end after this much time (e.g. 2h,"
                        + " 90m, 1h30m), judged by the slowest epoch so far; the model is completed as usual and the checkpoint"
                        + " kept, so the same command continues the run; none by default"),
                OptionSpec.string("device", "auto", "where to train: " + DeviceSpec.HELP),
                OptionSpec.integer("seed", 42, "seed for initialization, shuffling and dropout"),
                OptionSpec.integer("threads", 0, "threads per tensor operation; 0: one for the recurrent taggers, all cores otherwise")
                        .between(0, RunOptions.MAX_THREADS),
                OptionSpec.bool("resume", true, "continue from the checkpoint of an interrupted run with the same configuration"),
                OptionSpec.number("devFraction", 0.0, "hold out this share of the training data as dev data when data.dev is not given"),
                OptionSpec.number("averageDecay", 0.0, "score and save a moving average of the weights, updated every step with this"
                        + " decay (e.g. 0.999; smooths the noise of SGD); 0 = the weights as trained"),
                OptionSpec.bool("sparseEmbeddings", false, "update only the embedding rows each batch reads (lazy Adam and"
                        + " momentum, as PyTorch's sparse embeddings with SparseAdam): faster with large tables such as character"
                        + " bigrams; results differ slightly from dense updates"),
                OptionSpec.integer("accumulate", 1, "mini-batches whose gradients add up before one optimizer step: batchSize x"
                        + " accumulate examples per step in the memory of batchSize (1 = a step per batch)"));
    }

    /** The shared options with some defaults replaced (e.g. {@code batchSize: 16}). */
    public static List<OptionSpec> options(Map<String, Object> defaults) {
        List<OptionSpec> out = new ArrayList<>();
        for (OptionSpec s : options()) {
            out.add(defaults.containsKey(s.name()) ? s.withDefault(defaults.get(s.name())) : s);
        }
        return out;
    }

    /**
     * Refuses {@code sparseEmbeddings: true} for a task that has no table it updates by rows, rather
     * than ignoring it.
     *
     * @param why what the task's embeddings are, for the error
     */
    public static void refuseSparseEmbeddings(Options o, String why) {
        if (o.getBoolean("sparseEmbeddings")) {
            throw o.error("sparseEmbeddings", "is only for the character, bigram and word tables of ner.bilstm-crf,"
                    + " ner.lattice-lstm and ner.flat; " + why);
        }
    }

    /**
     * Reads and checks validated options; bad values give one configuration error naming each of
     * them, so a training file is fixed in one go rather than one run per mistake.
     */
    public static TrainSettings from(Options o) {
        ConfigErrors problems = new ConfigErrors();
        check(problems, o, "epochs", o.getInt("epochs") >= 1, "must be at least 1");
        check(problems, o, "batchSize", o.getInt("batchSize") >= 1, "must be at least 1");
        check(problems, o, "decayEvery", o.getInt("decayEvery") >= 1, "must be at least 1");
        check(problems, o, "accumulate", o.getInt("accumulate") >= 1, "must be at least 1");
        double lr = o.getDouble("lr");
        check(problems, o, "lr", lr > 0, "must be greater than 0");
        DeviceSpec device = null;
        try {
            device = DeviceSpec.parse(o.getString("device"));
        } catch (IllegalArgumentException e) {
            problems.add(o.error("device", e.getMessage()));
        }
        double devFraction = o.getDouble("devFraction");
        check(problems, o, "devFraction", devFraction >= 0 && devFraction < 1, "must be at least 0 and below 1");
        double averageDecay = o.getDouble("averageDecay");
        check(problems, o, "averageDecay", averageDecay >= 0 && averageDecay < 1, "must be at least 0 and below 1 (0 turns averaging off)");
        double momentum = o.getDouble("momentum");
        check(problems, o, "momentum", momentum >= 0 && momentum < 1, "must be at least 0 and below 1 (0 turns momentum off)");
        check(problems, o, "weightDecay", o.getDouble("weightDecay") >= 0, "must not be negative (0 turns decay off)");
        double decayRate = o.getDouble("decayRate");
        String schedule = o.getString("schedule");
        // a negative inverse rate grows the learning rate each epoch until it divides by zero; a step factor of 0
        // stops learning after the first decay, and one above 1 raises the rate
        check(problems, o, "decayRate", !"inverse".equals(schedule) || decayRate >= 0,
                "must not be negative with schedule: inverse (lr / (1 + decayRate * epoch))");
        check(problems, o, "decayRate", !"step".equals(schedule) || decayRate > 0 && decayRate <= 1,
                "must be above 0 and at most 1 with schedule: step (the factor applied every decayEvery epochs)");
        check(problems, o, "warmupSteps", o.getInt("warmupSteps") >= 0, "must not be negative");
        double warmupRatio = o.getDouble("warmupRatio");
        check(problems, o, "warmupRatio", warmupRatio >= 0 && warmupRatio < 1, "must be at least 0 and below 1");
        // a ratio the user gives replaces a task's default steps (the lexicon NER tasks'); given both is a contradiction
        check(problems, o, "warmupSteps", !(o.isSet("warmupSteps") && o.isSet("warmupRatio") && o.getInt("warmupSteps") > 0
                && warmupRatio > 0),
                "and warmupRatio both set a warm-up: give one (set warmupRatio: 0 to warm up over warmupSteps)");
        check(problems, o, "clipNorm", o.getDouble("clipNorm") >= 0, "must not be negative (0 turns clipping off)");
        check(problems, o, "clipValue", o.getDouble("clipValue") >= 0, "must not be negative (0 turns clamping off)");
        check(problems, o, "patience", o.getInt("patience") >= 0, "must not be negative (0 never stops early)");
        check(problems, o, "minEpochs", o.getInt("minEpochs") >= 0, "must not be negative (0 lets patience stop the run at any epoch)");
        check(problems, o, "accumulate", o.getInt("accumulate") <= 1 || !o.getBoolean("sparseEmbeddings"),
                "does not combine with sparseEmbeddings, whose rows are updated batch by batch");
        Duration maxTime = null;
        String budget = o.getString("maxTime");
        if (budget != null && !budget.isBlank()) {
            try {
                maxTime = Durations.parse(budget);
                check(problems, o, "maxTime", !maxTime.isZero() && !maxTime.isNegative(), "must be longer than zero (leave it out for no limit)");
            } catch (IllegalArgumentException e) {
                problems.add(o.error("maxTime", e.getMessage()));
            }
        }
        problems.throwIfAny();
        return new TrainSettings(o.getInt("epochs"), o.getInt("batchSize"), lr, o.getString("optimizer"), momentum,
                o.getDouble("weightDecay"), LrSchedule.kind(schedule), o.getInt("warmupSteps"),
                o.getInt("decayEvery"), decayRate, o.getDouble("clipNorm"), o.getDouble("clipValue"),
                o.getInt("patience"),
                o.getInt("minEpochs"), device,
                o.getInt("seed"), o.getInt("threads"), o.getBoolean("resume"), devFraction,
                averageDecay, o.getBoolean("sparseEmbeddings"), o.getInt("accumulate"), warmupRatio,
                "last".equals(o.getString("keep")), maxTime, "random".equals(o.getString("batches")));
    }

    /** Adds the error for {@code name} when a value is out of its range ({@code ok} false; NaN fails every range). */
    private static void check(ConfigErrors problems, Options o, String name, boolean ok, String message) {
        if (!ok) {
            problems.add(o.error(name, message));
        }
    }

    /** The learning-rate schedule for a given number of optimizer steps per epoch. */
    public LrSchedule lrSchedule(int stepsPerEpoch) {
        int warmup = warmupRatio > 0 ? (int) Math.round(warmupRatio * stepsPerEpoch * epochs) : warmupSteps;
        return new LrSchedule(lr, schedule, warmup, stepsPerEpoch, epochs, decayEvery, decayRate);
    }
}
