package dev.nlpipe.augment.contractions;

import dev.nlpipe.augment.AugmentSettings;
import dev.nlpipe.augment.Augmenter;
import dev.nlpipe.augment.TokenAugmentStage;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.stage.StageContext;
import java.util.List;

/**
 * {@code augment.contractions} (English): expands contractions ({@code it's} → {@code it is},
 * {@code can't} → {@code cannot}) or makes them ({@code do not} → {@code don't}). Ambiguous ones are
 * changed only when the following words decide them: {@code 's} is {@code has} before
 * {@code been}/{@code got} and {@code is} before a determiner, adjective, noun or {@code -ing}
 * word, and is left alone before a participle ("it's finished") or on a noun (a possessive);
 * {@code 'd} is {@code had} before a participle or {@code better} and {@code would} before a verb;
 * {@code ain't} is never expanded.
 */
public final class ContractionsStage extends TokenAugmentStage {

    @Override
    public String name() {
        return "augment.contractions";
    }

    @Override
    public String description() {
        return "English contractions: expand (it's -> it is) or contract (do not -> don't), ambiguous 's and 'd only when unambiguous";
    }

    @Override
    protected int defaultNumAug() {
        return 1;
    }

    @Override
    protected List<OptionSpec> stageOptions() {
        return List.of(
                OptionSpec.choice("direction", "expand", "expand contractions, or contract expanded forms", "expand", "contract"),
                OptionSpec.number("probability", 1.0, "chance that each occurrence is changed"),
                OptionSpec.choice("style", "auto", "how contractions are written: joined (don't), split into tokens as in the "
                        + "Penn Treebank (do n't), or auto (split when the document already splits them)", "auto", "joined", "split"));
    }

    @Override
    protected Augmenter augmenter(StageContext ctx) {
        Options o = ctx.options();
        return Augmenter.repeating(new Contractions(o.getString("direction").equals("contract"),
                AugmentSettings.probability(o, "probability"), o.getString("style")));
    }
}
