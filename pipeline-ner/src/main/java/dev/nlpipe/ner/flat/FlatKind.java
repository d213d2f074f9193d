package dev.nlpipe.ner.flat;

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

/** The {@code ner.flat} model kind: loads a FLAT model directory as a {@link Tagger}. */
public final class FlatKind implements ModelKind<Tagger> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FlatKind.class);

    @Override
    public String name() {
        return FlatModel.KIND;
    }

    @Override
    public String description() {
        return "FLAT lexicon-enhanced Chinese named-entity tagger (flat lattice Transformer, optionally with BERT), written by task ner.flat";
    }

    @Override
    public Class<Tagger> type() {
        return Tagger.class;
    }

    @Override
    public int formatVersion() {
        return FlatModel.FORMAT;
    }

    @Override
    public Set<Layer> requires(Path dir, ModelMeta meta) {
        return Set.of();
    }

    @Override
    public Tagger load(Path dir, ModelMeta meta, LoadOptions options) {
        Device device = Inference.prepare(options, msg -> LOG.info("model {}: {}", dir, msg));
        FlatModel model = FlatModel.load(dir, meta);
        return new PooledTagger<>(model.types(), Set.of(), () -> model.predictorOn(device), (p, docs) -> p.entities(docs, options.batchSize()));
    }
}
