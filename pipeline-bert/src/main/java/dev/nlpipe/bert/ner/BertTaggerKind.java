package dev.nlpipe.bert.ner;

import dev.nlpipe.nn.bert.PieceWindows;
import dev.nlpipe.nn.bert.UnitLayout;
import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.bert.FineTunedFiles;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelKind;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.Tagger;
import dev.nlpipe.ner.data.TagSet;
import dev.nlpipe.nn.Inference;
import dev.nlpipe.nn.Params;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The {@code ner.bert} model kind: a fine-tuned BERT tagger as a {@link Tagger}. */
public final class BertTaggerKind implements ModelKind<Tagger> {
    /** The model kind in {@code model.json}, and the task that writes it. */
    public static final String KIND = "ner.bert";
    /** The newest format this build writes and reads. */
    public static final int FORMAT = 1;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BertTaggerKind.class);

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String description() {
        return "fine-tuned BERT named-entity tagger (characters or tokens, CRF), written by task ner.bert";
    }

    @Override
    public Class<Tagger> type() {
        return Tagger.class;
    }

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    /** Tokens for a token model; raw text for a character model. */
    @Override
    public Set<Layer> requires(Path dir, ModelMeta meta) {
        return describe(dir, meta).tokenUnits() ? Set.of(Layer.TOKENS) : Set.of();
    }

    private static BertTaggerSpec describe(Path dir, ModelMeta meta) {
        try {
            return BertTaggerSpec.fromMap(meta.getMap("network"));
        } catch (IllegalArgumentException e) {
            throw new ModelException(dir, "has a damaged network description in model.json: " + e.getMessage());
        }
    }

    @Override
    public Tagger load(Path dir, ModelMeta meta, LoadOptions options) {
        BertTaggerSpec spec = describe(dir, meta);
        List<String> tags = meta.getStringList("tags");
        if (tags.size() < 2 || !tags.get(0).equals("O")) {
            throw new ModelException(dir, "model.json lacks its tag list (O first)");
        }
        Device device = Inference.prepare(dir, options, LOG);
        FineTunedFiles files = FineTunedFiles.read(dir);
        files.checkAgainst(dir, spec.maxLength(), "tag", tags.size());
        Params params = new Params(device, false);
        try {
            files.weights().forEach((name, t) -> params.put(name, new Shape(t.shape()), t.values()));
            BertTaggerNetwork net = BertTaggerNetwork.bind(params, files.config(), spec.scheme(), tags, spec.crf(), spec.lstm(), 0f);
            TagSet tagSet = new TagSet(spec.scheme(), tags);
            return new BertTagger(tagSet, spec.units(BertTagger.STAGE), new PieceWindows(files.tokenizer(), spec.maxLength()), net,
                    device, options.batchSize());
        } catch (RuntimeException e) {
            params.close();
            throw e instanceof ModelException m ? m : new ModelException(dir, "cannot be loaded: " + e.getMessage());
        }
    }
}
