package dev.nlpipe.bert.wordpiece;

import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelKind;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.nn.bert.BertTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** The {@code tokenize.wordpiece} model kind: a WordPiece vocabulary and its tokenizer.json, loaded as a {@link BertTokenizer}. */
public final class WordPieceModelKind implements ModelKind<BertTokenizer> {
    /** The kind name, also the training task. */
    public static final String KIND = "tokenize.wordpiece";
    /** The format version this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String description() {
        return "BERT WordPiece tokenizer (vocab.txt + tokenizer.json), written by task tokenize.wordpiece";
    }

    @Override
    public String use() {
        return "pre-train an encoder with it first (task pretrain.mlm with model.vocabulary: DIR; docs/bert-pretraining.md)";
    }

    @Override
    public Class<BertTokenizer> type() {
        return BertTokenizer.class;
    }

    @Override
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    @Override
    public Set<Layer> requires(Path dir, ModelMeta meta) {
        return Set.of();
    }

    @Override
    public BertTokenizer load(Path dir, ModelMeta meta, LoadOptions options) {
        try {
            return BertTokenizer.load(dir);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelException(dir, "cannot be read as a WordPiece tokenizer: " + e.getMessage());
        }
    }
}
