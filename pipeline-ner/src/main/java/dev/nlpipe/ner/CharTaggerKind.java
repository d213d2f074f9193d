package dev.nlpipe.ner;

import ai.djl.Device;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelKind;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.Tagger;
import dev.nlpipe.nn.Inference;
import java.nio.file.Path;
import java.util.Set;

/**
 * The model kind of a neural tagger that reads a document's characters itself (its lexicon and
 * vocabularies are in the model directory, so it needs no layer from earlier stages): the kind's
 * name, format and description, and loading on the device the options ask for. A subclass says
 * how its directory becomes a {@link Tagger}.
 */
public abstract class CharTaggerKind implements ModelKind<Tagger> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CharTaggerKind.class);
    private final String name;
    private final int format;
    private final String description;

    /**
     * @param name the kind's name, as {@code model.json} records it
     * @param format the model directory format this kind reads
     * @param description one line for {@code nlpipe list kinds}
     */
    protected CharTaggerKind(String name, int format, String description) {
        this.name = name;
        this.format = format;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<Tagger> type() {
        return Tagger.class;
    }

    @Override
    public final int formatVersion() {
        return format;
    }

    @Override
    public final Set<Layer> requires(Path dir, ModelMeta meta) {
        return Set.of();
    }

    @Override
    public final Tagger load(Path dir, ModelMeta meta, LoadOptions options) {
        Device device = Inference.prepare(dir, options, LOG);
        return tagger(dir, meta, device, options.batchSize());
    }

    /** The model directory as a thread-safe tagger on {@code device}, tagging {@code batchSize} sentences per pass. */
    protected abstract Tagger tagger(Path dir, ModelMeta meta, Device device, int batchSize);
}
