package dev.nlpipe.nn;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Training items split into those that train and a share held out as dev data
 * ({@code train.devFraction} when a configuration gives no {@code data.dev}). Both keep the
 * items' order, so only the seed decides which items are held out.
 *
 * @param train the items that train
 * @param dev the held-out items
 * @param <T> the item type
 */
public record HeldOut<T>(List<T> train, List<T> dev) {

    /**
     * Holds out {@code train.devFraction} of the items, drawn from {@code train.seed}, and says so
     * in the training log when it holds out any.
     *
     * @param items the training items
     * @param settings the training settings
     * @param log the training log
     * @param <T> the item type
     * @return the split
     * @throws IllegalArgumentException when the share rounds to every item, leaving none to train on
     */
    public static <T> HeldOut<T> of(List<T> items, TrainSettings settings, PrintStream log) {
        HeldOut<T> split = of(items, settings.devFraction(), Seeds.random(settings.seed(), "dev-split"));
        if (split.train().isEmpty() && !items.isEmpty()) {
            throw new IllegalArgumentException("train.devFraction " + settings.devFraction() + " holds out all " + items.size()
                    + " training documents, leaving none to train on: lower it, or give data.dev");
        }
        if (!split.dev().isEmpty()) {
            log.printf(Locale.ROOT, "no data.dev: holding out %,d of the training documents as dev data (devFraction %s)%n",
                    split.dev().size(), settings.devFraction());
        } else if (settings.devFraction() > 0) {
            log.printf(Locale.ROOT, "warning: devFraction %s of %,d training documents holds out none: no dev data, so no early"
                    + " stopping and the last epoch is kept; give data.dev or a larger devFraction%n", settings.devFraction(), items.size());
        }
        return split;
    }

    /**
     * Holds out {@code round(size · fraction)} items chosen by {@code rng}.
     *
     * @param items the training items
     * @param fraction the share to hold out, in [0, 1)
     * @param rng the draw (seeded, e.g. {@code Seeds.random(seed, "dev-split")})
     * @param <T> the item type
     * @return the split
     */
    public static <T> HeldOut<T> of(List<T> items, double fraction, Random rng) {
        List<Integer> order = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, rng);
        boolean[] held = new boolean[items.size()];
        for (int i = 0; i < Math.round(items.size() * fraction); i++) {
            held[order.get(i)] = true;
        }
        List<T> train = new ArrayList<>();
        List<T> dev = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            (held[i] ? dev : train).add(items.get(i));
        }
        return new HeldOut<>(train, dev);
    }
}
