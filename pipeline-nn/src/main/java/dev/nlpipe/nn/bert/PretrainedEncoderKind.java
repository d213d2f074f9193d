package dev.nlpipe.nn.bert;

import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelKind;
import dev.nlpipe.core.model.ModelMeta;
import java.nio.file.Path;
import java.util.Set;

/** The {@code encoder.bert} model kind: a pretrained BERT encoder, loaded on the Java heap. */
public final class PretrainedEncoderKind implements ModelKind<PretrainedEncoder> {

    @Override
    public String name() {
        return PretrainedEncoder.KIND;
    }

    @Override
    public String description() {
        return "pretrained BERT encoder, written by `nlpipe model import` or task pretrain.mlm";
    }

    @Override
    public String use() {
        return "fine-tune it first (task ner.bert or classify.bert with model.encoder: DIR; docs/ner-bert.md, docs/bert.md), or give"
                + " it to the embed.bert stage for sentence vectors";
    }

    @Override
    public Class<PretrainedEncoder> type() {
        return PretrainedEncoder.class;
    }

    @Override
    public int formatVersion() {
        return PretrainedEncoder.FORMAT;
    }

    @Override
    public Set<Layer> requires(Path dir, ModelMeta meta) {
        return Set.of();
    }

    @Override
    public PretrainedEncoder load(Path dir, ModelMeta meta, LoadOptions options) {
        return PretrainedEncoder.load(dir, meta);
    }
}
