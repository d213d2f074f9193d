package dev.nlpipe.augment;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import java.util.ArrayList;
import java.util.List;

/**
 * The options every augment stage shares.
 *
 * @param seed the seed every document's random stream is derived from (with the stage and document ids)
 * @param numAug variants made per original, at most (fewer when an operation has nothing to change or
 *     variants repeat)
 * @param keepOriginal whether a document the stage augments goes on down the pipeline before its variants
 *     (with {@code numAug} 0 the stage augments none: every document passes through)
 * @param dropDuplicates whether a variant equal to the original or to an earlier variant is dropped
 * @param augmentVariants whether variants made by an earlier augment stage are augmented again
 *     (otherwise they pass through, and stages in a row each add variants of the originals)
 */
public record AugmentSettings(long seed, int numAug, boolean keepOriginal, boolean dropDuplicates, boolean augmentVariants) {

    /** The shared options, with this stage's default number of variants ({@code null}: the stage decides). */
    public static List<OptionSpec> options(Integer defaultNumAug) {
        return new ArrayList<>(List.of(
                OptionSpec.integer("seed", 42, "random seed; the same seed and input give the same variants at any thread count"),
                OptionSpec.integer("numAug", defaultNumAug, "variants per original, at most; 0 turns the stage off (every document passes through)"),
                OptionSpec.bool("keepOriginal", true, "keep each original before its variants"),
                OptionSpec.bool("dropDuplicates", true, "drop variants equal to the original or to an earlier variant"),
                OptionSpec.bool("augmentVariants", false, "also augment variants made by an earlier augment stage")));
    }

    /** Reads and checks the shared options. */
    public static AugmentSettings from(Options o) {
        return from(o, 1);
    }

    /** Reads and checks the shared options, with {@code numAug} at {@code unset} when it has no value. */
    public static AugmentSettings from(Options o, int unset) {
        int numAug = o.get("numAug") == null ? unset : o.getInt("numAug");
        if (numAug < 0) {
            throw o.error("numAug", "must be 0 or more, not " + numAug);
        }
        return new AugmentSettings(o.getInt("seed"), numAug, o.getBoolean("keepOriginal"), o.getBoolean("dropDuplicates"),
                o.getBoolean("augmentVariants"));
    }

    /** A probability option, checked to lie in [0, 1]. */
    public static double probability(Options o, String name) {
        double p = o.getDouble(name);
        if (!(p >= 0 && p <= 1)) {
            throw o.error(name, "must be a probability between 0 and 1, not " + p);
        }
        return p;
    }

    /** The id of the {@code k}-th variant (from 1) of a document made by a stage. */
    public static String variantId(String docId, String stageId, int k) {
        String tag = stageId.startsWith("augment.") ? stageId.substring("augment.".length()) : stageId;
        return docId + "#" + tag + "-" + k;
    }
}
