package dev.nlpipe.augment.tfidf;

import dev.nlpipe.augment.AugmentSettings;
import dev.nlpipe.augment.Augmenter;
import dev.nlpipe.augment.TokenAugmentStage;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.stage.ModelUse;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.embed.vectorize.VectorizerModel;
import dev.nlpipe.embed.vectorize.VectorizerModelDir;
import dev.nlpipe.embed.vectorize.VectorizerStage;
import java.util.List;

/**
 * {@code augment.tfidf}: UDA's TF-IDF word replacement. Takes a TF-IDF vectorizer model directory
 * ({@code nlpipe train} with task {@code vectorize.tfidf}, fitted on the corpus being augmented, over
 * the same tokens) and replaces a sentence's low-TF-IDF words with words drawn from the corpus,
 * keeping its keywords. See {@link TfidfReplacement} and {@link WordStatistics}.
 */
public final class TfidfStage extends TokenAugmentStage {

    @Override
    public String name() {
        return "augment.tfidf";
    }

    @Override
    public String description() {
        return "UDA TF-IDF word replacement: replace uninformative (low TF-IDF) words by words drawn from the corpus, keep keywords";
    }

    @Override
    public ModelUse modelUse() {
        return ModelUse.REQUIRED;
    }

    @Override
    protected int defaultNumAug() {
        return 1;
    }

    @Override
    protected List<OptionSpec> stageOptions() {
        return List.of(OptionSpec.number("p", 0.3,
                "share of a sentence's words replaced in expectation (UDA's token_prob); the sentence's keywords stay"));
    }

    @Override
    protected Augmenter augmenter(StageContext ctx) {
        double p = AugmentSettings.probability(ctx.options(), "p");
        if (ctx.model() == null) {
            throw ctx.error("needs 'model: DIR', a TF-IDF vectorizer fitted on the corpus "
                    + "(`nlpipe train` with task: vectorize.tfidf, over the same tokenization)");
        }
        VectorizerModel model = VectorizerStage.load(ctx, VectorizerModelDir.TFIDF);
        WordStatistics stats;
        try {
            stats = WordStatistics.of(model);
        } catch (IllegalArgumentException e) {
            throw ctx.modelError(e.getMessage());
        }
        return Augmenter.repeating(new TfidfReplacement(stats, p));
    }
}
