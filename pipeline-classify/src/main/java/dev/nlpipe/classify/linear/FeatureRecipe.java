package dev.nlpipe.classify.linear;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.embed.vectorize.Analyzer;
import dev.nlpipe.embed.vectorize.AnalyzerSpec;
import dev.nlpipe.embed.vectorize.HashingStage;
import dev.nlpipe.embed.vectorize.Pruning;
import dev.nlpipe.embed.vectorize.PruningException;
import dev.nlpipe.embed.vectorize.VectorizerFitter;
import dev.nlpipe.embed.vectorize.VectorizerModel;
import dev.nlpipe.embed.vectorize.VectorizerModelDir;
import dev.nlpipe.embed.vectorize.VectorizerOptions;
import dev.nlpipe.embed.vectorize.Weighting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code features} part of a {@code classify.linear} training file: which vectorizer to fit on
 * the training documents (with the vectorizer options of {@code vectorize.tfidf}), or a fitted one
 * to reuse, or a vector the preprocessing stages add.
 */
final class FeatureRecipe {
    private final String type;
    private final AnalyzerSpec analyzer;
    private final Pruning pruning;
    private final Weighting weighting;
    private final List<String> fixedVocabulary;
    private final Path fittedModel;
    private final String vector;
    private final int nFeatures;
    private final boolean alternateSign;
    /** The options read, where a vectorizer that cannot be fitted is reported. */
    private final Options options;

    private FeatureRecipe(String type, AnalyzerSpec analyzer, Pruning pruning, Weighting weighting, List<String> fixedVocabulary,
                          Path fittedModel, String vector, int nFeatures, boolean alternateSign, Options options) {
        this.type = type;
        this.analyzer = analyzer;
        this.pruning = pruning;
        this.weighting = weighting;
        this.fixedVocabulary = fixedVocabulary;
        this.fittedModel = fittedModel;
        this.vector = vector;
        this.nFeatures = nFeatures;
        this.alternateSign = alternateSign;
        this.options = options;
    }

    /** The options a training file's {@code model:} section takes for features. */
    static List<OptionSpec> options() {
        List<OptionSpec> out = new ArrayList<>();
        out.add(OptionSpec.choice("features", "tfidf", "how documents become vectors: a TF-IDF or count vectorizer fitted on"
                + " data.train, the hashing vectorizer, or a vector the stages add", "tfidf", "count", "hashing", "vector"));
        out.add(OptionSpec.path("featuresModel", "reuse a fitted vectorize.tfidf / vectorize.count model instead of fitting one"));
        out.add(OptionSpec.string("vector", null, "with features: vector, the name of the vector the stages add"));
        out.addAll(VectorizerOptions.analysis());
        out.addAll(VectorizerOptions.pruning());
        out.addAll(VectorizerOptions.fixedVocabulary());
        out.addAll(VectorizerOptions.weighting(true));
        out.add(OptionSpec.integer("nFeatures", 1 << 20, "hashing: number of columns"));
        out.add(OptionSpec.bool("alternateSign", true, "hashing: count features with the sign of their hash"));
        return out;
    }

    /** Reads and checks the feature options. */
    static FeatureRecipe parse(Options o) {
        String type = o.getString("features");
        Path fitted = o.getPath("featuresModel");
        if (fitted != null && !type.equals("tfidf") && !type.equals("count")) {
            throw o.error("featuresModel", "only applies to features: tfidf or count");
        }
        refuseOptionsThatDoNotApply(o, type, fitted != null);
        String vector = o.getString("vector");
        if (type.equals("vector") && vector == null) {
            throw o.error("features", "features: vector needs 'vector: NAME', the vector the stages add");
        }
        Weighting w = type.equals("count") ? Weighting.counts(o.getBoolean("binary"))
                : type.equals("hashing") ? new Weighting(o.getBoolean("binary"), false, false, true, Weighting.Norm.of(o.getString("norm")))
                : VectorizerOptions.weighting(o, true);
        int n = o.getInt("nFeatures");
        if (n < 1) {
            throw o.error("nFeatures", "must be at least 1");
        }
        return new FeatureRecipe(type, VectorizerOptions.analyzer(o), VectorizerOptions.pruning(o), w,
                VectorizerOptions.fixedVocabulary(o), fitted, vector, n, o.getBoolean("alternateSign"), o);
    }

    /**
     * Refuses a feature option the chosen features do not read: it would be saved with the model
     * as if it had shaped the features ({@code minDf} under {@code features: hashing}, the analysis
     * options beside a fitted {@code featuresModel}, which keeps its own).
     */
    private static void refuseOptionsThatDoNotApply(Options o, String type, boolean reusesFitted) {
        List<String> analysis = VectorizerOptions.analysis().stream().map(OptionSpec::name).toList();
        List<String> fitting = new ArrayList<>();
        VectorizerOptions.pruning().forEach(spec -> fitting.add(spec.name()));
        VectorizerOptions.fixedVocabulary().forEach(spec -> fitting.add(spec.name()));
        for (OptionSpec spec : options()) {
            String name = spec.name();
            if (!o.isSet(name) || name.equals("features") || name.equals("featuresModel")) {
                continue;
            }
            String appliesTo;
            if (name.equals("vector")) {
                appliesTo = "vector";
            } else if (name.equals("nFeatures") || name.equals("alternateSign")) {
                appliesTo = "hashing";
            } else if (reusesFitted) {
                throw o.error(name, "does not apply beside featuresModel, whose fitted vectorizer keeps its own options; set it"
                        + " when fitting that model, or leave featuresModel out to fit one here");
            } else if (name.equals("useIdf") || name.equals("smoothIdf") || name.equals("sublinearTf")) {
                appliesTo = "tfidf";
            } else if (name.equals("norm")) {
                appliesTo = "tfidf|hashing";
            } else if (fitting.contains(name)) {
                appliesTo = "tfidf|count";
            } else if (analysis.contains(name) || name.equals("binary")) {
                appliesTo = "tfidf|count|hashing";
            } else {
                continue;
            }
            if (!List.of(appliesTo.split("\\|")).contains(type)) {
                throw o.error(name, "applies to features: " + appliesTo.replace("|", ", ") + ", not to features: " + type
                        + "; remove it" + (type.equals("vector") ? " (the stages that add the vector have their own options)" : ""));
            }
        }
    }

    /** Whether the features come from a vectorizer fitted beforehand ({@code featuresModel}), the same in every fold. */
    boolean reusesFitted() {
        return fittedModel != null;
    }

    /** Whether the features are fitted on the training data (so an n-gram range grid refits them). */
    boolean fitted() {
        return fittedModel == null && (type.equals("tfidf") || type.equals("count"));
    }

    /** The layers the training documents need. */
    Set<Layer> requires() {
        if (type.equals("vector")) {
            return Set.of(Layer.VECTORS);
        }
        if (fittedModel != null) {
            Boolean tokens = VectorizerModelDir.usesTokens(fittedModel, "vectorize." + type);
            return Boolean.FALSE.equals(tokens) ? Set.of() : Set.of(Layer.TOKENS);
        }
        return analyzer.usesTokens() ? Set.of(Layer.TOKENS) : Set.of();
    }

    AnalyzerSpec analyzer() {
        return analyzer;
    }

    /** Features and the rows of the training documents. */
    record Fitted(Features features, SparseVector[] rows) {
    }

    /**
     * Fits (or loads) the features on {@code train} and vectorizes it.
     *
     * @param ngramRange an n-gram range that replaces the configured one, or {@code null}
     * @throws ConfigException at the option to change, when the vectorizer keeps no terms or
     *     {@code featuresModel} cannot be loaded (also in a grid search's or a fold's fit)
     */
    Fitted fit(List<Document> train, int[] ngramRange, int threads) {
        try {
            return fitOrLoad(train, ngramRange, threads);
        } catch (ModelException e) {
            throw options.error("featuresModel", e.getMessage());
        } catch (PruningException e) {
            throw pruningError(e);
        }
    }

    /** A vectorizer left without terms, reported at the option that removed them. */
    private ConfigException pruningError(PruningException e) {
        return switch (e.kind()) {
            case EMPTY -> options.isSet("stopWords") ? options.error("stopWords", e.getMessage())
                    : new ConfigException(options.location("features"), "the documents give the vectorizer no terms: " + e.getMessage());
            case MAX_BELOW_MIN -> options.error("maxDf", e.getMessage());
            case NOTHING_LEFT -> options.error(options.isSet("maxDf") && !options.isSet("minDf") ? "maxDf" : "minDf", e.getMessage());
        };
    }

    private Fitted fitOrLoad(List<Document> train, int[] ngramRange, int threads) {
        AnalyzerSpec spec = ngramRange == null ? analyzer : analyzer.withNgramRange(ngramRange[0], ngramRange[1]);
        Features f;
        switch (type) {
            case "tfidf", "count" -> {
                String kind = "vectorize." + type;
                if (fittedModel != null) {
                    f = new Features.Vectorizer(VectorizerModelDir.read(fittedModel, "classify", kind), kind, Pruning.NONE);
                } else {
                    VectorizerFitter.Fitted v = VectorizerFitter.fitTransform(train, spec, pruning, weighting, fixedVocabulary, threads);
                    return new Fitted(new Features.Vectorizer(v.model(), kind, pruning), v.rows());
                }
            }
            case "hashing" -> f = new Features.Hashing(new HashingStage.Hasher(new Analyzer(spec, "classify"), nFeatures, alternateSign,
                    weighting), spec, nFeatures, alternateSign, weighting);
            default -> {
                int dim = 0;
                Features probe = new Features.FromLayer(vector, 0);
                for (Document d : train) {
                    SparseVector v = probe.apply(d);
                    if (v.size() > 0) {
                        dim = Math.max(dim, v.indices()[v.size() - 1] + 1);
                    }
                }
                f = new Features.FromLayer(vector, dim);
            }
        }
        SparseVector[] rows = new SparseVector[train.size()];
        Features features = f;
        java.util.stream.IntStream.range(0, rows.length).parallel().forEach(i -> rows[i] = features.apply(train.get(i)));
        return new Fitted(f, rows);
    }

    /** A loaded model's vectorizer, for reporting. */
    static String describe(Features f) {
        if (f instanceof Features.Vectorizer v) {
            VectorizerModel m = v.model();
            return v.kind() + " (" + m.analyzerSpec() + ", " + m.size() + " terms)";
        }
        return f.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " (" + f.dimension() + " columns)";
    }
}
