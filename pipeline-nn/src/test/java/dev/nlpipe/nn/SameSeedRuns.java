package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Checks that two trainings with one seed agree exactly: a same-seed run on the CPU is repeatable bit
 * for bit, so any difference is a bug (as DJL's scalar arithmetic was, see {@link Ops#times}).
 */
public final class SameSeedRuns {
    /** One training into a fresh directory. */
    @FunctionalInterface
    public interface Training {
        void into(Path dir) throws IOException;
    }

    /** Whether two trained directories hold the same result. */
    @FunctionalInterface
    public interface Comparison {
        boolean same(Path a, Path b) throws IOException;
    }

    private SameSeedRuns() {
    }

    /**
     * Asserts that a second training agrees with {@code first}.
     *
     * @param first a directory already trained with the seed
     * @param again the directory of the second run
     */
    public static void assertReproduced(Path first, Path again, Training training, Comparison same) throws IOException {
        training.into(again);
        assertTrue(same.same(first, again), "two trainings with one seed differ: " + first + ", " + again);
    }

    /** Whether two directories hold byte-identical copies of one file. */
    public static Comparison sameFile(String name) {
        return (a, b) -> java.util.Arrays.equals(java.nio.file.Files.readAllBytes(a.resolve(name)),
                java.nio.file.Files.readAllBytes(b.resolve(name)));
    }
}
