package dev.nlpipe.embed.vectorize;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.ModelUse;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code vectorize.tfidf} and {@code vectorize.count}: add a sparse vector to each document from
 * a model directory written by {@code nlpipe train} (task {@code vectorize.tfidf} /
 * {@code vectorize.count}), or from a fixed {@code vocabulary} without fitting (counts, or TF-IDF
 * with {@code useIdf: false}).
 */
public abstract class VectorizerStage implements StageProvider {
    private final VectorizerKind vectorizer;
    private final String kind;
    private final boolean tfidf;

    VectorizerStage(VectorizerKind vectorizer) {
        this.vectorizer = vectorizer;
        this.kind = vectorizer.registeredName();
        this.tfidf = vectorizer.tfidf();
    }

    /** {@code vectorize.tfidf}. */
    public static final class Tfidf extends VectorizerStage {
        public Tfidf() {
            super(VectorizerKind.TFIDF);
        }
    }

    /** {@code vectorize.count}. */
    public static final class Count extends VectorizerStage {
        public Count() {
            super(VectorizerKind.COUNT);
        }
    }

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public String name() {
        return kind;
    }

    @Override
    public String description() {
        return vectorizer.title() + " sparse vector of word or character n-grams (scikit-learn's "
                + (tfidf ? "TfidfVectorizer), from a fitted model" : "CountVectorizer), from a fitted model or a fixed vocabulary");
    }

    /** The options that a model directory fixes. */
    private List<OptionSpec> modelOptions() {
        List<OptionSpec> out = new ArrayList<>(VectorizerOptions.analysis());
        out.addAll(VectorizerOptions.fixedVocabulary());
        out.addAll(VectorizerOptions.weighting(tfidf));
        return out;
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> out = new ArrayList<>();
        out.add(OptionSpec.string("name", vectorizer.vectorName(), "name of the vector added to each document"));
        out.addAll(modelOptions());
        return out;
    }

    @Override
    public ModelUse modelUse() {
        return ModelUse.OPTIONAL;
    }

    @Override
    public Set<Layer> requires(Options o) {
        return VectorizerOptions.readsTokens(o) ? Set.of(Layer.TOKENS) : Set.of();
    }

    @Override
    public Set<Layer> requires(Options o, Path model) {
        Boolean tokens = model == null ? null : VectorizerModelDir.usesTokens(model, kind);
        if (tokens == null) {
            return requires(o);
        }
        return tokens ? Set.of(Layer.TOKENS) : Set.of();
    }

    @Override
    public Set<Layer> provides(Options o) {
        return Set.of(Layer.VECTORS);
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        String name = o.getString("name");
        VectorizerModel model;
        if (ctx.model() != null) {
            VectorizerOptions.rejectSet(o, modelOptions(), "is fixed by the model directory " + ctx.model()
                    + " (see its model.json); retrain to change it, or remove the option");
            model = load(ctx, kind);
        } else {
            model = fixedVocabularyModel(ctx);
        }
        return (Annotator) doc -> doc.putVector(name, model.transform(doc));
    }

    /** Loads a vectorizer model directory for a stage, turning its problems into a located configuration error. */
    public static VectorizerModel load(StageContext ctx, String... kinds) {
        try {
            return VectorizerModelDir.read(ctx.model(), ctx.id(), kinds);
        } catch (ModelException e) {
            throw new ConfigException(ctx.modelLocation(), "stage '" + ctx.id() + "': " + e.getMessage());
        }
    }

    private VectorizerModel fixedVocabularyModel(StageContext ctx) {
        Options o = ctx.options();
        List<String> terms = VectorizerOptions.fixedVocabulary(o);
        if (terms == null) {
            throw ctx.error("needs 'model: DIR' (fit one with `nlpipe train` and task: " + kind
                    + ") or a fixed 'vocabulary' / 'vocabularyFile'");
        }
        AnalyzerSpec spec = VectorizerOptions.analyzer(o);
        Weighting w = VectorizerOptions.weighting(o, tfidf);
        if (w.useIdf()) {
            throw o.error("useIdf", "idf needs document frequencies from a fitted model: give 'model: DIR' (task: " + kind
                    + ") or set useIdf: false");
        }
        Vocabulary v = new Vocabulary(terms.toArray(new String[0]), new int[terms.size()], new long[terms.size()], 0,
                terms.size(), true);
        return new VectorizerModel(new Analyzer(spec, ctx.id()), w, v, null);
    }
}
