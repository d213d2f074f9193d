package dev.nlpipe.ner.bilstm;

import ai.djl.Device;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelKind;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.Tagger;
import dev.nlpipe.ner.PooledTagger;
import dev.nlpipe.nn.Inference;
import java.nio.file.Path;
import java.util.Set;

/** The {@code ner.bilstm-crf} model kind: loads a BiLSTM-CRF model directory as a {@link Tagger}. */
public final class BiLstmCrfKind implements ModelKind<Tagger> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BiLstmCrfKind.class);

    @Override
    public String name() {
        return BiLstmCrfModel.KIND;
    }

    @Override
    public String description() {
        return "BiLSTM-CRF named-entity tagger (characters or tokens), written by task ner.bilstm-crf";
    }

    @Override
    public Class<Tagger> type() {
        return Tagger.class;
    }

    @Override
    public int formatVersion() {
        return BiLstmCrfModel.FORMAT;
    }

    @Override
    public Set<Layer> requires(Path dir, ModelMeta meta) {
        return BiLstmCrfModel.describe(dir, meta).needsTokens() ? Set.of(Layer.TOKENS) : Set.of();
    }

    @Override
    public Tagger load(Path dir, ModelMeta meta, LoadOptions options) {
        Device device = Inference.prepare(dir, options, LOG);
        BiLstmCrfModel model = BiLstmCrfModel.load(dir, meta);
        return new PooledTagger<>(model.types(), model.spec().needsTokens() ? Set.of(Layer.TOKENS) : Set.of(),
                () -> model.predictorOn(device), (p, docs) -> p.entities(docs, options.batchSize()));
    }
}
