package dev.nlpipe.classify.linear;

import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelKind;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TextClassifier;
import java.nio.file.Path;
import java.util.Set;

/** The {@code classify.linear} model kind: loads a linear classifier directory as a {@link TextClassifier}. */
public final class LinearClassifierKind implements ModelKind<TextClassifier> {

    @Override
    public String name() {
        return LinearClassifier.KIND;
    }

    @Override
    public String description() {
        return "logistic regression or linear SVM on sparse features (TF-IDF, counts, hashing), written by task classify.linear";
    }

    @Override
    public Class<TextClassifier> type() {
        return TextClassifier.class;
    }

    @Override
    public int formatVersion() {
        return LinearClassifier.FORMAT_VERSION;
    }

    @Override
    public Set<Layer> requires(Path dir, ModelMeta meta) {
        return LinearClassifier.load(dir, meta).requires();
    }

    /** Loads on the Java heap; the device, batch size and threads do not apply. */
    @Override
    public TextClassifier load(Path dir, ModelMeta meta, LoadOptions options) {
        return LinearClassifier.load(dir, meta);
    }
}
