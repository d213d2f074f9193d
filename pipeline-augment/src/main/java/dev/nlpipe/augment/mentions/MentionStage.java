package dev.nlpipe.augment.mentions;

import dev.nlpipe.augment.AugmentSettings;
import dev.nlpipe.augment.Augmenter;
import dev.nlpipe.augment.TokenAugmentStage;
import dev.nlpipe.augment.Variant;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.stage.StageContext;
import java.util.List;

/**
 * {@code augment.mentions}: mention replacement alone (Dai and Adel, 2020) — each variant swaps
 * entities (each with probability {@code probability}, at least one) for other mentions of the
 * same type seen in a corpus; tags follow from the new spans.
 */
public final class MentionStage extends TokenAugmentStage {

    @Override
    public String name() {
        return "augment.mentions";
    }

    @Override
    public String description() {
        return "mention replacement: swap entities for other same-type mentions of a corpus (NER corpora)";
    }

    @Override
    protected int defaultNumAug() {
        return 1;
    }

    @Override
    protected List<OptionSpec> stageOptions() {
        return List.of(OptionSpec.number("probability", 0.5, "probability that each entity is swapped (at least one is)"));
    }

    @Override
    protected Augmenter augmenter(StageContext ctx) {
        Options o = ctx.options();
        if (o.getDouble("mentionReplacement") > 0) {
            throw o.error("mentionReplacement", "is for the other augment stages; augment.mentions swaps mentions with 'probability'");
        }
        MentionReplacer replacer = new MentionReplacer(mentionPool(o, "probability"), AugmentSettings.probability(o, "probability"));
        return Augmenter.repeating((s, rng) -> replacer.applyAtLeastOne(s, new Variant(s.pieces(), List.of()), rng));
    }
}
