package dev.nlpipe.augment.embedding;

import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.augment.AugmentSettings;
import dev.nlpipe.augment.Augmenter;
import dev.nlpipe.augment.TokenAugmentStage;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.embed.word2vec.VectorFormat;
import dev.nlpipe.embed.word2vec.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code augment.embedding}: replaces words by one of their nearest neighbours in a word-vector
 * file (word2vec text or binary, e.g. from {@code nlpipe train} with task {@code embed.word2vec},
 * gensim, fastText or the C tool), among the {@code k} nearest above a cosine threshold.
 */
public final class EmbeddingStage extends TokenAugmentStage {

    @Override
    public String name() {
        return "augment.embedding";
    }

    @Override
    public String description() {
        return "replace words by one of their k nearest neighbours in a word2vec file, above a similarity threshold";
    }

    @Override
    protected int defaultNumAug() {
        return 1;
    }

    @Override
    protected List<OptionSpec> stageOptions() {
        return List.of(
                OptionSpec.path("vectors", "word vectors: a word2vec model directory or a word2vec text (.txt, .vec) or binary (.bin) file")
                        .asRequired(),
                OptionSpec.integer("k", 10, "neighbours to choose from"),
                OptionSpec.number("minSimilarity", 0.5, "least cosine similarity of a replacement"),
                OptionSpec.number("alpha", 0.1, "share of words replaced: n = max(1, alpha * words)"),
                OptionSpec.integer("restrictVocab", 0, "seek neighbours among the first N words of the file only (0: all)"));
    }

    @Override
    protected boolean avoidsStopWords() {
        return true;
    }

    @Override
    protected Augmenter augmenter(StageContext ctx) {
        Options o = ctx.options();
        int k = o.getInt("k");
        if (k < 1) {
            throw o.error("k", "must be at least 1");
        }
        double min = o.getDouble("minSimilarity");
        if (min < -1 || min > 1) {
            throw o.error("minSimilarity", "is a cosine similarity, between -1 and 1, not " + min);
        }
        double alpha = AugmentSettings.probability(o, "alpha");
        int restrict = o.getInt("restrictVocab");
        if (restrict < 0) {
            throw o.error("restrictVocab", "must be 0 (all words) or more");
        }
        Path path = o.getPath("vectors");
        WordVectors vectors;
        try {
            vectors = WordVectors.load(path);
        } catch (VectorFormat.VectorFormatException e) {
            throw o.error("vectors", e.getMessage());
        } catch (IOException e) {
            throw o.error("vectors", "cannot read " + path + ": " + IoErrors.describe(e));
        }
        return Augmenter.repeating(new NeighbourReplacement(vectors, k, min, alpha, restrict == 0 ? vectors.size() : restrict));
    }
}
