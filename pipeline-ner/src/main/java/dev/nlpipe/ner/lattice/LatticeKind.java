package dev.nlpipe.ner.lattice;

import ai.djl.Device;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.Tagger;
import dev.nlpipe.ner.CharTaggerKind;
import dev.nlpipe.ner.PooledTagger;
import java.nio.file.Path;
import java.util.Set;

/** The {@code ner.lattice-lstm} model kind: loads a Lattice LSTM model directory as a {@link Tagger}. */
public final class LatticeKind extends CharTaggerKind {
    /** The kind, as the model registry finds it. */
    public LatticeKind() {
        super(LatticeModel.KIND, LatticeModel.FORMAT, "Lattice LSTM named-entity tagger (Chinese characters with lexicon words), written by task ner.lattice-lstm");
    }

    @Override
    protected Tagger tagger(Path dir, ModelMeta meta, Device device, int batchSize) {
        LatticeModel model = LatticeModel.load(dir, meta);
        return new PooledTagger<>(model.types(), Set.of(), () -> model.predictorOn(device), (p, docs) -> p.entities(docs, batchSize));
    }
}
