package dev.nlpipe.core;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.StageConfig;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.ModelPreprocessing;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.core.stage.StageProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a model stage ({@code ner}, {@code classify}) from reading tokens cut by another tokenizer
 * than the one its model was trained behind: a word model fed regex tokens instead of HanLP words
 * runs without complaint and quietly tags badly. A model records its preprocessing stages in
 * {@code model.json}; stages with a {@code preprocess} option can run them themselves.
 */
final class ModelTokenizers {
    private static final String OPTION = "preprocess";

    private ModelTokenizers() {
    }

    /**
     * Refuses a model stage that does not run its own preprocessing and follows a tokenizer of
     * another type than the one its model recorded, naming the right stage.
     */
    static void check(List<StageConfig> entries, List<StageProvider> providers, List<Options> options) {
        String lastTokenizer = null;
        String lastTokenizerId = null;
        List<String> normalizers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            StageConfig e = entries.get(i);
            // the model's model.json, read once for both checks
            ModelMeta meta = recordedMeta(e, providers.get(i), options.get(i));
            checkNormalizers(e, meta == null ? null : ModelPreprocessing.types(meta), normalizers);
            if (providers.get(i).normalizes()) {
                normalizers.add(e.type());
            }
            List<String> trained = meta == null ? null : ModelPreprocessing.typesCreating(meta, Layer.TOKENS);
            // asked last, as it reads the model's description again: a model that reads characters (FLAT, Lattice LSTM,
            // BERT) trained behind a segmenter never reads the tokens
            if (lastTokenizer != null && trained != null && !trained.isEmpty() && trained.stream().noneMatch(sameWordsAs(lastTokenizer))
                    && providers.get(i).requires(options.get(i), e.model()).contains(Layer.TOKENS)) {
                throw new ConfigException(e.location(), "stage '" + e.id() + "': its model was trained on tokens from "
                        + String.join(" or ", trained) + ", but here they come from " + lastTokenizer + " (stage '" + lastTokenizerId
                        + "'); use " + trained.get(trained.size() - 1) + " with the model's options instead, or set '" + OPTION
                        + ": true' on this stage to run the model's own stages");
            }
            if (providers.get(i).creates(Layer.TOKENS, options.get(i))) {
                lastTokenizer = e.type();
                lastTokenizerId = e.id();
            }
        }
    }

    /**
     * Refuses a model stage whose model recorded a normalizer that does not run before it: without
     * it the model reads full-width or traditional characters its training never held. (A normalizer
     * the model was not trained behind is allowed: putting {@code normalize.chinese} before a model
     * of simplified text is how traditional text is tagged.)
     */
    private static void checkNormalizers(StageConfig e, List<String> recorded, List<String> before) {
        if (recorded == null) {
            return;
        }
        // a model trained on files without stages recorded none: it may have read any text, nothing is compared
        Components components = Components.get();
        for (String t : recorded) {
            StageProvider p = components.stages().find(t);
            if (p != null && p.normalizes() && !before.contains(t)) {
                throw new ConfigException(e.location(), "stage '" + e.id() + "': its model was trained behind " + t
                        + ", which does not run before it here; add it before this stage with the model's options, or set '" + OPTION
                        + ": true' on this stage to run the model's own stages");
            }
        }
    }

    // segment hands Chinese text to the same HanLP segmenter as segment.hanlp, so either serves a model trained behind the other
    private static java.util.function.Predicate<String> sameWordsAs(String tokenizer) {
        List<String> hanlp = List.of("segment", "segment.hanlp");
        return t -> t.equals(tokenizer) || hanlp.contains(t) && hanlp.contains(tokenizer);
    }

    /**
     * For a model stage missing its tokens: the advice to run the model's own stages, or
     * {@code null} when the model recorded none (or the stage cannot run them).
     */
    static String ownStages(StageConfig e, StageProvider p, Options o) {
        ModelMeta meta = recordedMeta(e, p, o);
        List<String> types = meta == null ? null : ModelPreprocessing.types(meta);
        return types == null || types.isEmpty() ? null : "its model was trained behind " + String.join(", ", types)
                + ": set '" + OPTION + ": true' on this stage to run them, or add them before it with the options in the model's model.json (file names there are inside the model"
                + " directory)";
    }

    /** The model's {@code model.json} when the stage has a model and a {@code preprocess} option that is off; else {@code null}. */
    private static ModelMeta recordedMeta(StageConfig e, StageProvider stage, Options o) {
        if (e.model() == null || stage.options().stream().noneMatch(s -> s.name().equals(OPTION)) || o.getBoolean(OPTION)) {
            return null;
        }
        try {
            return ModelDir.read(e.model());
        } catch (RuntimeException unreadable) {
            return null; // the stage itself reports what is wrong with the directory when it loads it
        }
    }
}
