package dev.nlpipe.nn;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * One {@code seed} for all randomness of a training run: weight initialization, data shuffling
 * (Java generators derived from the seed) and the engine's generator (dropout). Each epoch reseeds
 * the engine from the seed and the epoch number, so a run resumed from a checkpoint replays exactly
 * the randomness the uninterrupted run would have used.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A Java generator for one purpose ({@code "init"}, {@code "shuffle"}...) of a run with this seed. */
    public static Random random(long seed, String purpose) {
        return new Random(derive(seed, purpose, 0));
    }

    /** Seeds DJL's and PyTorch's generators for the given epoch of a run with this seed. */
    public static void seedEngine(long seed, int epoch) {
        NeuralEngine.get().setRandomSeed((int) derive(seed, "engine", epoch));
    }

    /** A well-mixed seed for a purpose and an epoch (SplitMix64 over the inputs). */
    public static long derive(long seed, String purpose, int epoch) {
        long h = seed * 0x9E3779B97F4A7C15L + epoch;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0xBF58476D1CE4E5B9L;
        }
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 29;
        return h & 0x7fffffffL;
    }
}
