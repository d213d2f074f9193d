package dev.nlpipe.embed.word2vec;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.DenseVector;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.ModelUse;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import dev.nlpipe.embed.vectorize.AnalyzerSpec;
import dev.nlpipe.embed.vectorize.VectorizerModel;
import dev.nlpipe.embed.vectorize.VectorizerModelDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code embed.doc}: a dense document vector for downstream classifiers, the mean of the word
 * vectors of the document's tokens, or their TF-IDF-weighted mean. The vectors come from
 * {@code model:} (a word2vec model directory) or {@code with: {vectors: FILE}} (any word2vec text or
 * binary file, e.g. from gensim, fastText or the C tool).
 */
public final class DocEmbedStage implements StageProvider {

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public String name() {
        return "embed.doc";
    }

    @Override
    public String description() {
        return "document vector: mean (or idf-weighted mean) of the tokens' word vectors";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.path("vectors", "a word2vec text or binary vectors file (instead of model: DIR)"),
                OptionSpec.choice("pooling", "mean", "mean, or tfidf (each occurrence weighted by its term's idf from 'weights')", "mean", "tfidf"),
                OptionSpec.path("weights", "for pooling: tfidf, a TF-IDF model directory (nlpipe train, task vectorize.tfidf) or a 'term<TAB>idf' file"),
                OptionSpec.number("missingWeight", 0, "for pooling: tfidf, the weight of terms the weights file does not list"),
                OptionSpec.bool("normalize", false, "scale the document vector to unit length"),
                OptionSpec.string("name", "w2v", "the name of the vector in the document's vectors layer"));
    }

    @Override
    public ModelUse modelUse() {
        return ModelUse.OPTIONAL;
    }

    @Override
    public Set<Layer> requires(Options options) {
        return Set.of(Layer.TOKENS);
    }

    @Override
    public Set<Layer> provides(Options options) {
        return Set.of(Layer.VECTORS);
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        Path file = o.getPath("vectors");
        if ((file == null) == (ctx.model() == null)) {
            throw ctx.error("give the word vectors either as 'model: DIR' (a word2vec model directory) or as 'with: {vectors: FILE}'");
        }
        WordVectors vectors;
        try {
            vectors = WordVectors.load(file != null ? file : ctx.model());
        } catch (ModelException | IOException e) {
            throw file != null ? o.error("vectors", e.getMessage()) : ctx.modelError(e.getMessage());
        }
        TermWeights weights = TermWeights.uniform();
        if (o.getString("pooling").equals("tfidf")) {
            Path w = o.getPath("weights");
            if (w == null) {
                throw o.error("pooling", "tfidf pooling needs 'weights: FILE' (a TF-IDF model directory, or term<TAB>idf lines)");
            }
            double missing = o.getDouble("missingWeight");
            try {
                weights = Files.isDirectory(w) ? idfOfWords(VectorizerModelDir.read(w, ctx.id(), VectorizerModelDir.TFIDF), o, missing)
                        : TermWeights.load(w, missing);
            } catch (IOException | ModelException e) {
                throw o.error("weights", e.getMessage());
            }
        } else if (o.isSet("weights")) {
            throw o.error("weights", "is used only with pooling: tfidf");
        }
        DocumentEmbedder embedder = new DocumentEmbedder(vectors, weights, o.getBoolean("normalize"));
        String name = o.getString("name");
        String id = ctx.id();
        return (Annotator) doc -> {
            List<Token> tokens = doc.requireTokens(id);
            List<String> texts = new ArrayList<>(tokens.size());
            for (Token t : tokens) {
                texts.add(t.text());
            }
            doc.putVector(name, new DenseVector(embedder.embed(texts)));
        };
    }

    /**
     * The idf of single words from a TF-IDF model: one whose terms are character n-grams or word
     * n-grams from two words up holds no weight for a word, and every document would pool to zeros
     * (or a word would take the idf of a character n-gram that happens to spell it).
     */
    private static TermWeights idfOfWords(VectorizerModel model, Options o, double missing) {
        AnalyzerSpec a = model.analyzerSpec();
        if (a.kind() != AnalyzerSpec.Kind.WORD || a.minN() > 1) {
            throw o.error("weights", "the TF-IDF model's terms are " + (a.kind() != AnalyzerSpec.Kind.WORD
                    ? a.kind().key() + " n-grams" : "word n-grams of " + a.minN() + " to " + a.maxN() + " words")
                    + ", which give no weight to a single word; fit one with analyzer: word and ngramRange: [1, N]");
        }
        return TermWeights.idf(model, missing);
    }
}
