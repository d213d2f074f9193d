package dev.nlpipe.augment;

import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.augment.mentions.MentionPool;
import dev.nlpipe.augment.mentions.MentionReplacer;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Base of the augment stages that edit a document's tokens ({@code augment.eda},
 * {@code augment.tfidf}, ...): the shared options, entity-safe editing and optional mention
 * replacement. Subclasses declare their own options and build their {@link Augmenter}.
 */
public abstract class TokenAugmentStage implements StageProvider {

    /** This stage's own options. */
    protected abstract List<OptionSpec> stageOptions();

    /** The default of {@code numAug}. */
    protected abstract int defaultNumAug();

    /** Builds the augmenter, checking this stage's options and loading its resources. */
    protected abstract Augmenter augmenter(StageContext ctx);

    /** Whether the stage never chooses stop words for editing: it then takes {@link StopWordOptions}. */
    protected boolean avoidsStopWords() {
        return false;
    }

    @Override
    public final List<OptionSpec> options() {
        List<OptionSpec> out = new java.util.ArrayList<>(stageOptions());
        if (avoidsStopWords()) {
            out.addAll(StopWordOptions.options());
        }
        out.addAll(AugmentSettings.options(defaultNumAug()));
        out.addAll(mentionOptions());
        out.add(OptionSpec.choice("charTokens", "auto", "one token per character in every output document, for character-per-line "
                + "corpora such as BMES: true, false, or auto (when every token reaching the stage is one character and some are Chinese;"
                + " `nlpipe augment` sets true for a character-per-line input or output, also after a segmenter)",
                "auto", "true", "false"));
        return out;
    }

    /** The options of mention replacement, shared with {@code augment.mentions}. */
    public static List<OptionSpec> mentionOptions() {
        return List.of(
                OptionSpec.number("mentionReplacement", 0.0,
                        "probability that each entity of a variant is swapped for another same-type mention from mentionsFrom"),
                OptionSpec.path("mentionsFrom", "corpus whose entity mentions are swapped in (usually the training file itself)"),
                OptionSpec.string("mentionsFormat", "bmes", "input format of mentionsFrom (bmes, conll, jsonl...)"),
                OptionSpec.map("mentionsFormatOptions", "the format's options for mentionsFrom (tagColumn, join...); `nlpipe augment`"
                        + " fills in the input's"));
    }

    @Override
    public Set<Layer> requires(Options options) {
        return Set.of(Layer.TOKENS);
    }

    @Override
    public Set<Layer> provides(Options options) {
        return Set.of(Layer.TOKENS);
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        AugmentSettings settings = AugmentSettings.from(o);
        double p = AugmentSettings.probability(o, "mentionReplacement");
        MentionReplacer mentions = p > 0 ? new MentionReplacer(mentionPool(o, "mentionReplacement"), p) : null;
        Set<String> stopWords = avoidsStopWords() ? StopWordOptions.load(o) : Set.of();
        return new AugmentProcessor(ctx.id(), settings, augmenter(ctx), stopWords, mentions,
                AugmentProcessor.CharTokens.valueOf(o.getString("charTokens").toUpperCase(java.util.Locale.ROOT)));
    }

    /**
     * Loads the pool named by {@code mentionsFrom}, with a located error when it is missing or empty.
     *
     * @param asker the option that needs the pool (named when {@code mentionsFrom} is missing)
     */
    public static MentionPool mentionPool(Options o, String asker) {
        Path from = o.getPath("mentionsFrom");
        if (from == null) {
            throw o.error(asker, "needs 'mentionsFrom: PATH', a corpus with entities whose mentions are "
                    + "swapped in (usually the training file; `nlpipe augment` fills it in from the input)");
        }
        if (!Files.exists(from)) {
            throw o.error("mentionsFrom", "not found: " + from);
        }
        MentionPool pool;
        try {
            Map<String, Object> formatOptions = o.getMap("mentionsFormatOptions");
            pool = MentionPool.read(from, o.getString("mentionsFormat"), formatOptions == null ? Map.of() : formatOptions,
                    o.location("mentionsFormat"));
        } catch (IOException e) {
            throw o.error("mentionsFrom", "cannot read " + from + ": " + IoErrors.describe(e));
        } catch (UncheckedIOException e) {
            throw o.error("mentionsFrom", "cannot read " + from + ": " + IoErrors.describe(e.getCause()));
        }
        if (pool.size() == 0) {
            throw o.error("mentionsFrom", from + " has no entity mentions (is mentionsFormat right?)");
        }
        return pool;
    }
}
