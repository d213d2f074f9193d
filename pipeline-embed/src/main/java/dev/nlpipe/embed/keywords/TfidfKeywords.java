package dev.nlpipe.embed.keywords;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.ModelUse;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import dev.nlpipe.embed.vectorize.VectorizerModel;
import dev.nlpipe.embed.vectorize.VectorizerModelDir;
import dev.nlpipe.embed.vectorize.VectorizerStage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code keywords.tfidf}: a document's top-k terms by TF-IDF weight under a fitted TF-IDF model
 * (terms frequent in the document and rare in the corpus), stored in {@code meta.keywords}.
 */
public final class TfidfKeywords implements StageProvider {

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public String name() {
        return "keywords.tfidf";
    }

    @Override
    public String description() {
        return "top-k keywords per document by TF-IDF weight under a fitted vectorize.tfidf model, into meta.keywords";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("topK", 10, "keywords per document"),
                OptionSpec.string("field", "keywords", "meta field that receives the keywords"));
    }

    @Override
    public ModelUse modelUse() {
        return ModelUse.REQUIRED;
    }

    @Override
    public Set<Layer> requires(Options o) {
        return Set.of(Layer.TOKENS);
    }

    @Override
    public Set<Layer> requires(Options o, Path model) {
        Boolean tokens = model == null ? null : VectorizerModelDir.usesTokens(model, VectorizerModelDir.TFIDF);
        return Boolean.FALSE.equals(tokens) ? Set.of() : Set.of(Layer.TOKENS);
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        int k = o.getInt("topK");
        if (k < 1) {
            throw o.error("topK", "must be at least 1");
        }
        String field = o.getString("field");
        VectorizerModel model = VectorizerStage.load(ctx, VectorizerModelDir.TFIDF);
        return (Annotator) doc -> doc.meta().put(field, Keyword.toMeta(top(model, model.transform(doc), k)));
    }

    /** The {@code k} heaviest terms of a row, best first; ties go to the earlier column. */
    static List<Keyword> top(VectorizerModel model, SparseVector row, int k) {
        List<Keyword> all = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            all.add(new Keyword(model.term(row.indices()[i]), row.values()[i]));
        }
        all.sort(Keyword.BEST_FIRST);
        return all.subList(0, Math.min(k, all.size()));
    }
}
