package dev.nlpipe.nn;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A network's dev scoring that watches the scores across epochs (a warning after several bad
 * ones): a resumed run replays the epochs its checkpoint recorded into it, so the watch counts
 * as an uninterrupted run would.
 */
public interface DevScores extends Supplier<Map<String, Double>> {

    /**
     * Takes in the dev scores an earlier run recorded for one epoch, in epoch order, without scoring
     * or warning; nothing by default (scoring that watches nothing across epochs).
     */
    default void replay(Map<String, Double> earlier) {
    }
}
