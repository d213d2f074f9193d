package dev.nlpipe.ner.lattice;

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

/** The {@code ner.lattice-lstm} model kind: loads a Lattice LSTM model directory as a {@link Tagger}. */
public final class LatticeKind implements ModelKind<Tagger> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LatticeKind.class);

    @Override
    public String name() {
        return LatticeModel.KIND;
    }

    @Override
    public String description() {
        return "Lattice LSTM named-entity tagger (Chinese characters with lexicon words), written by task ner.lattice-lstm";
    }

    @Override
    public Class<Tagger> type() {
        return Tagger.class;
    }

    @Override
    public int formatVersion() {
        return LatticeModel.FORMAT;
    }

    @Override
    public Set<Layer> requires(Path dir, ModelMeta meta) {
        return Set.of();
    }

    @Override
    public Tagger load(Path dir, ModelMeta meta, LoadOptions options) {
        Device device = Inference.prepare(options, msg -> LOG.info("model {}: {}", dir, msg));
        LatticeModel model = LatticeModel.load(dir, meta);
        return new PooledTagger<>(model.types(), Set.of(), () -> model.predictorOn(device), (p, docs) -> p.entities(docs, options.batchSize()));
    }
}
