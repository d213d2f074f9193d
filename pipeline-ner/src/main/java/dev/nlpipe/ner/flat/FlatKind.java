package dev.nlpipe.ner.flat;

import ai.djl.Device;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.Tagger;
import dev.nlpipe.ner.CharTaggerKind;
import dev.nlpipe.ner.PooledTagger;
import java.nio.file.Path;
import java.util.Set;

/** The {@code ner.flat} model kind: loads a FLAT model directory as a {@link Tagger}. */
public final class FlatKind extends CharTaggerKind {
    /** The kind, as the model registry finds it. */
    public FlatKind() {
        super(FlatModel.KIND, FlatModel.FORMAT, "FLAT lexicon-enhanced Chinese named-entity tagger (flat lattice Transformer,"
                + " optionally with BERT), written by task ner.flat");
    }

    @Override
    protected Tagger tagger(Path dir, ModelMeta meta, Device device, int batchSize) {
        FlatModel model = FlatModel.load(dir, meta);
        return new PooledTagger<>(model.types(), Set.of(), () -> model.predictorOn(device), (p, docs) -> p.entities(docs, batchSize));
    }
}
