package dev.nlpipe.augment;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/** Fisher–Yates shuffling from a given generator (Collections.shuffle takes only java.util.Random). */
public final class Shuffle {
    private Shuffle() {
    }

    /** Shuffles the list in place. */
    public static <T> void shuffle(List<T> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, rng.nextInt(i + 1));
        }
    }
}
