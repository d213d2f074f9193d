package dev.nlpipe.ner;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Watches a tagger's dev precision and recall epoch by epoch and warns, once per training, when
 * precision has stayed far below recall for several epochs in a row: the tagger finds most gold
 * entities but also many that are not there. On a corpus unlike the training text that is the mark
 * of an embedding row for unknown units that training never updated (every unseen character or
 * bigram reads a random vector), and otherwise of noisy or inconsistent gold labels.
 */
public final class PrecisionWatch {
    /** Precision below this share of recall counts as far below. */
    public static final double RATIO = 0.75;
    /** The epochs in a row that precision must stay far below recall before the warning. */
    public static final int EPOCHS = 3;

    private final double ratio;
    private final int epochs;
    private final String advice;
    private int run;
    private boolean warned;

    /** A watch with {@link #RATIO} and {@link #EPOCHS}; {@code advice} names the options to try, for this kind of tagger. */
    public PrecisionWatch(String advice) {
        this(RATIO, EPOCHS, advice);
    }

    /**
     * A watch that warns when precision is below {@code ratio} × recall for {@code epochs} epochs in a
     * row; {@code advice} ends the warning.
     */
    public PrecisionWatch(double ratio, int epochs, String advice) {
        if (!(ratio > 0 && ratio <= 1) || epochs < 1) {
            throw new IllegalArgumentException("ratio must be in (0, 1] and epochs at least 1");
        }
        this.ratio = ratio;
        this.epochs = epochs;
        this.advice = advice;
    }

    /**
     * Records one epoch's dev scores ({@code precision} and {@code recall} as fractions) and returns the
     * warning when this epoch completes the run of epochs that calls for it, else {@code null}; after one
     * warning it stays silent.
     */
    public String observe(double precision, double recall) {
        boolean low = recall > 0 && precision < ratio * recall;
        run = low ? run + 1 : 0;
        if (warned || run < epochs) {
            return null;
        }
        warned = true;
        return String.format(Locale.ROOT, "warning: dev precision %.1f has stayed below %.0f%% of recall %.1f for %d epochs in a row:"
                + " the tagger marks many spans that are not entities (false positives). Usual causes: text unlike the training"
                + " data whose unseen characters, bigrams or words all read an unknown-unit vector that training never updated,"
                + " or inconsistent gold labels (check a sample of the dev data). %s", 100 * precision, ratio * 100, 100 * recall,
                run, advice);
    }

    /**
     * Takes in one epoch's dev scores that an earlier run of a resumed training scored: counted as
     * {@link #check} counts them, but a warning they complete is not printed again (that run
     * printed it).
     */
    public void replay(Map<String, Double> earlier) {
        Double p = earlier.get("precision");
        Double r = earlier.get("recall");
        if (p != null && r != null) {
            observe(p, r);
        }
    }

    /**
     * Reads {@code precision} and {@code recall} from one epoch's dev scores (nothing happens when either
     * is missing), prints the warning to {@code log} when {@link #observe} returns one, and returns
     * {@code dev}, so a trainer's evaluation can pass its scores through.
     */
    public Map<String, Double> check(Map<String, Double> dev, PrintStream log) {
        Double p = dev.get("precision");
        Double r = dev.get("recall");
        String warning = p == null || r == null ? null : observe(p, r);
        if (warning != null) {
            log.println(warning);
        }
        return dev;
    }
}
