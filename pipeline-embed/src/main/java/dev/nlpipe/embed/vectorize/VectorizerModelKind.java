package dev.nlpipe.embed.vectorize;

import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelKind;
import dev.nlpipe.core.model.ModelMeta;
import java.nio.file.Path;
import java.util.Set;

/** The model kinds of the fitted vectorizers ({@code vectorize.tfidf}, {@code vectorize.count}). */
public abstract sealed class VectorizerModelKind implements ModelKind<VectorizerModel> {
    private final VectorizerKind kind;

    VectorizerModelKind(VectorizerKind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.registeredName();
    }

    @Override
    public String description() {
        return "fitted " + kind.title() + " vocabulary, written by task " + kind.registeredName();
    }

    @Override
    public String use() {
        return "use it with the " + kind.registeredName() + " stage (docs/vectorizers.md)";
    }

    @Override
    public Class<VectorizerModel> type() {
        return VectorizerModel.class;
    }

    @Override
    public int formatVersion() {
        return VectorizerModelDir.FORMAT_VERSION;
    }

    @Override
    public Set<Layer> requires(Path dir, ModelMeta meta) {
        return Boolean.FALSE.equals(VectorizerModelDir.usesTokens(dir, name())) ? Set.of() : Set.of(Layer.TOKENS);
    }

    @Override
    public VectorizerModel load(Path dir, ModelMeta meta, LoadOptions options) {
        return VectorizerModelDir.read(dir, name(), name());
    }

    /** {@code vectorize.tfidf}. */
    public static final class Tfidf extends VectorizerModelKind {
        public Tfidf() {
            super(VectorizerKind.TFIDF);
        }
    }

    /** {@code vectorize.count}. */
    public static final class Count extends VectorizerModelKind {
        public Count() {
            super(VectorizerKind.COUNT);
        }
    }
}
