package dev.nlpipe.bert.embed;

import dev.nlpipe.bert.Pooling;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.DenseVector;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.run.RunOptions;
import dev.nlpipe.core.stage.ModelUse;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import dev.nlpipe.nn.NeuralEngineException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code embed.bert}: a sentence vector per document from a BERT encoder ({@code model:}, an
 * {@code encoder.bert} directory: {@code nlpipe model import} or {@code task: pretrain.mlm}), written
 * into the {@code vectors} layer as a dense vector (under {@code name}, default {@code bert}). Raw
 * text in: the encoder's own tokenizer reads {@link Document#analysisText()} (the text, or its
 * normalized view after a {@code normalize.*} stage). See {@link SentenceEncoder}.
 */
public final class BertEmbedStage implements StageProvider {
    /** The values of the {@code pooling} option, the first its default; {@code nlpipe embed similarity --pooling} takes the same. */
    public static final List<String> POOLINGS = Arrays.stream(Pooling.values()).map(Pooling::toString).toList();

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public String name() {
        return "embed.bert";
    }

    @Override
    public String description() {
        return "sentence vector per document from a BERT encoder (model: an encoder.bert directory, e.g. bge-small-zh): [CLS] or"
                + " mean pooling, unit length";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.string("name", "bert", "the name of the vector in the document's vectors layer"),
                OptionSpec.choice("pooling", POOLINGS.get(0), "cls (the hidden state of [CLS], as bge is meant to be used), mean (of the"
                        + " pieces), pooler (BERT's pooler, for encoders that have one)", POOLINGS.toArray(String[]::new)),
                OptionSpec.bool("normalize", true, "scale each vector to unit length (then a dot product is the cosine)"),
                OptionSpec.integer("maxLength", 0, "the most word pieces per text, [CLS] and [SEP] included; longer texts are cut"
                        + " (0: the encoder's longest input)"),
                OptionSpec.integer("batchSize", 32, "texts per forward pass (a batch of the pipeline is sorted by length first)"),
                OptionSpec.string("device", "auto", "where to run: cpu, gpu, gpu:N or auto"),
                OptionSpec.integer("threads", 1, "threads per tensor operation (process-wide); 0 uses all cores")
                        .between(0, RunOptions.MAX_THREADS));
    }

    @Override
    public ModelUse modelUse() {
        return ModelUse.REQUIRED;
    }

    @Override
    public String modelSource() {
        return "`nlpipe model import` (docs/bert.md) or task pretrain.mlm";
    }

    @Override
    public Set<Layer> provides(Options options) {
        return Set.of(Layer.VECTORS);
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        if (o.getInt("batchSize") < 1) {
            throw o.error("batchSize", "must be at least 1");
        }
        if (o.getInt("maxLength") != 0 && o.getInt("maxLength") < 3) {
            throw o.error("maxLength", "must be at least 3 ([CLS], one piece, [SEP]), or 0 for the encoder's longest input");
        }
        SentenceEncoder encoder;
        try {
            encoder = SentenceEncoder.load(ctx.model(), Pooling.parse(o.getString("pooling"), false), o.getBoolean("normalize"),
                    o.getInt("maxLength"), LoadOptions.of(o));
        } catch (ModelException e) {
            throw ctx.modelError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw o.error("device", e.getMessage());
        } catch (NeuralEngineException e) {
            // only a device the machine lacks is the option's fault; missing natives or an unwritable cache are not
            throw e.isSetting() ? o.error("device", e.getMessage()) : ctx.error(e.getMessage());
        }
        return new Embedding(encoder, o.getString("name"));
    }

    /** The processor: the texts of a batch encoded together. */
    private record Embedding(SentenceEncoder encoder, String name) implements Processor {

        @Override
        public List<Document> process(Document doc) {
            return processBatch(List.of(doc));
        }

        @Override
        public List<Document> processBatch(List<Document> docs) {
            float[][] vectors = encoder.embed(docs.stream().map(Document::analysisText).toList());
            for (int i = 0; i < docs.size(); i++) {
                docs.get(i).putVector(name, new DenseVector(vectors[i]));
            }
            return docs;
        }

        @Override
        public void close() {
            encoder.close();
        }
    }
}
