package dev.nlpipe.nn;

import java.util.Locale;

/**
 * The learning rate at each optimizer step: an optional linear warm-up from near zero over the
 * first {@code warmupSteps}, then one of
 * <ul>
 * <li>{@code constant}: the base rate;</li>
 * <li>{@code linear}: down to zero at the last step;</li>
 * <li>{@code step}: multiplied by {@code decayRate} every {@code decayEvery} epochs;</li>
 * <li>{@code inverse}: {@code base / (1 + decayRate * epoch)} (the classic schedule for SGD taggers).</li>
 * </ul>
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
    public enum Kind { CONSTANT, LINEAR, STEP, INVERSE }

    /** The names of the decay kinds for an option's choices. */
    public static final String[] NAMES = {"constant", "linear", "step", "inverse"};

    /** Parses a kind name. */
    public static Kind kind(String name) {
        return Kind.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The rate for the 0-based global {@code step}. */
    public double at(long step) {
        double warm = warmupSteps > 0 && step < warmupSteps ? (step + 1) / (double) warmupSteps : 1.0;
        int epoch = stepsPerEpoch > 0 ? (int) (step / stepsPerEpoch) : 0;
        double decay = switch (kind) {
            case CONSTANT -> 1.0;
            case LINEAR -> {
                long total = (long) stepsPerEpoch * epochs;
                long span = Math.max(1, total - warmupSteps);
                yield step < warmupSteps ? 1.0 : Math.max(0.0, (total - step) / (double) span);
            }
            case STEP -> Math.pow(decayRate, epoch / Math.max(1, decayEvery));
            case INVERSE -> 1.0 / (1.0 + decayRate * epoch);
        };
        return base * warm * decay;
    }
}
