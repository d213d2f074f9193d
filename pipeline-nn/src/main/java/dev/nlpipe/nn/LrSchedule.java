package dev.nlpipe.nn;

import java.util.Locale;

/**
 * The learning rate at each optimizer step: an optional linear warm-up from near zero over the
 * first {@code warmupSteps}, then one of
 * <ul>
 * <li>{@code constant}: the base rate;</li>
 * <li>{@code linear}: down to zero at the last step;</li>
 * <li>{@code step}: multiplied by {@code decayRate} every {@code decayEvery} epochs;</li>
 * <li>{@code inverse}: {@code base / (1 + decayRate * epoch)} (the classic schedule for SGD taggers);</li>
 * <li>{@code warmup-linear}: Hugging Face's {@code get_linear_schedule_with_warmup} exactly, warm-up
 * included: {@code step / warmupSteps} during the warm-up (so the first step's rate is 0), then
 * {@code max(0, (total - step) / (total - warmupSteps))} with {@code total = stepsPerEpoch * epochs}.</li>
 * </ul>
 * The other kinds warm up as {@code (step + 1) / warmupSteps}, reaching the base rate at the last
 * warm-up step rather than after it, so {@code linear} differs from {@code warmup-linear} only
 * during the warm-up.
 *
 * @param base the base learning rate
 * @param kind the decay
 * @param warmupSteps warm-up length in steps (0 for none)
 * @param stepsPerEpoch optimizer steps in one epoch
 * @param epochs epochs planned (for {@code linear})
 * @param decayEvery epochs between decays ({@code step})
 * @param decayRate the decay factor ({@code step}, {@code inverse})
 */
public record LrSchedule(double base, Kind kind, int warmupSteps, int stepsPerEpoch, int epochs, int decayEvery, double decayRate) {

    /** The decay kinds. */
    public enum Kind { CONSTANT, LINEAR, STEP, INVERSE, WARMUP_LINEAR }

    /** The names of the decay kinds for an option's choices. */
    public static final String[] NAMES = {"constant", "linear", "step", "inverse", "warmup-linear"};

    /** Parses a kind name ({@code warmup-linear} or {@code warmup_linear} for {@link Kind#WARMUP_LINEAR}). */
    public static Kind kind(String name) {
        return Kind.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The optimizer steps of the whole planned run. */
    public long totalSteps() {
        return (long) stepsPerEpoch * epochs;
    }

    /** Whether the warm-up lasts the whole run: the rate only climbs, never reaching {@code base} nor its decay. */
    public boolean warmsUpThroughout() {
        return warmupSteps >= totalSteps();
    }

    /** The rate for the 0-based global {@code step}. */
    public double at(long step) {
        if (kind == Kind.WARMUP_LINEAR) {
            return base * hfLinear(step);
        }
        double warm = warmupSteps > 0 && step < warmupSteps ? (step + 1) / (double) warmupSteps : 1.0;
        int epoch = stepsPerEpoch > 0 ? (int) (step / stepsPerEpoch) : 0;
        double decay = switch (kind) {
            case CONSTANT -> 1.0;
            case LINEAR -> {
                long total = totalSteps();
                long span = Math.max(1, total - warmupSteps);
                yield step < warmupSteps ? 1.0 : Math.max(0.0, (total - step) / (double) span);
            }
            case STEP -> Math.pow(decayRate, epoch / Math.max(1, decayEvery));
            case INVERSE -> 1.0 / (1.0 + decayRate * epoch);
            case WARMUP_LINEAR -> throw new AssertionError();
        };
        return base * warm * decay;
    }

    /** HF's {@code lr_lambda} of {@code get_linear_schedule_with_warmup}, in its arithmetic. */
    private double hfLinear(long step) {
        long total = totalSteps();
        if (step < warmupSteps) {
            return (double) step / Math.max(1, warmupSteps);
        }
        return Math.max(0.0, (double) (total - step) / Math.max(1, total - warmupSteps));
    }
}
