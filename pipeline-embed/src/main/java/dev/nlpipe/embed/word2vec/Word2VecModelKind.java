package dev.nlpipe.embed.word2vec;

import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelKind;
import dev.nlpipe.core.model.ModelMeta;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** The {@code embed.word2vec} model kind: word vectors with the output weights that continue training. */
public final class Word2VecModelKind implements ModelKind<Word2VecModel> {

    @Override
    public String name() {
        return Word2VecModel.KIND;
    }

    @Override
    public String description() {
        return "word2vec vectors (skip-gram or CBOW), written by task embed.word2vec";
    }

    @Override
    public String use() {
        return "use it with the embed.doc stage, `nlpipe embed`, or as a tagger's model.embeddings (docs/word-vectors.md)";
    }

    @Override
    public Class<Word2VecModel> type() {
        return Word2VecModel.class;
    }

    @Override
    public int formatVersion() {
        return Word2VecModel.FORMAT_VERSION;
    }

    @Override
    public Set<Layer> requires(Path dir, ModelMeta meta) {
        return Set.of(Layer.TOKENS);
    }

    @Override
    public Word2VecModel load(Path dir, ModelMeta meta, LoadOptions options) {
        try {
            return Word2VecModel.load(dir);
        } catch (IOException e) {
            throw new ModelException(dir, "cannot be read: " + IoErrors.describe(e));
        }
    }
}
