package dev.nlpipe.ner;

import ai.djl.Device;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.nn.DeviceSpec;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.NeuralEngineException;
import dev.nlpipe.core.stage.ModelUse;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import dev.nlpipe.ner.bilstm.NerModel;
import dev.nlpipe.ner.bilstm.NerPredictor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * {@code ner}: tags named entities with a model directory written by {@code nlpipe train} (task
 * {@code ner.bilstm-crf}). Character models tag the raw text (per sentence when a sentences layer
 * is present); token models need a tokens layer. Documents are tagged in batches; the stage is
 * safe to share between runner threads: each thread borrows a predictor (its own copy of the
 * weights) from a pool.
 */
public final class NerStage implements StageProvider {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NerStage.class);

    @Override
    public String name() {
        return "ner";
    }

    @Override
    public String description() {
        return "named-entity recognition with a trained tagger (model: DIR from `nlpipe train`, task ner.bilstm-crf)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("batchSize", 64, "sentences per forward pass"),
                OptionSpec.string("device", "auto", "where to run: " + DeviceSpec.HELP),
                OptionSpec.bool("append", false, "add to the document's existing entities instead of replacing them"),
                OptionSpec.integer("threads", 1, "threads per tensor operation (process-wide); parallelism comes from the pipeline's"
                        + " worker threads, each tagging its own batches; 0 uses all cores"));
    }

    /** Token models, and models with word-position features, need a tokens layer: known from the model's description. */
    @Override
    public Set<Layer> requires(Options options, Path model) {
        if (model == null) {
            return Set.of();
        }
        try {
            return NerModel.describe(model).needsTokens() ? Set.of(Layer.TOKENS) : Set.of();
        } catch (ModelException e) {
            return Set.of(); // create() reports what is wrong with the directory
        }
    }

    @Override
    public Set<Layer> provides(Options options) {
        return Set.of(Layer.ENTITIES);
    }

    @Override
    public ModelUse modelUse() {
        return ModelUse.REQUIRED;
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        int batchSize = o.getInt("batchSize");
        if (batchSize < 1) {
            throw o.error("batchSize", "must be at least 1");
        }
        if (o.getInt("threads") < 0) {
            throw o.error("threads", "must not be negative (0 uses all cores)");
        }
        Device device;
        NerModel model;
        try {
            device = DeviceSpec.parse(o.getString("device")).resolve(msg -> LOG.info("stage '{}': {}", ctx.id(), msg));
            model = NerModel.load(ctx.model());
            NeuralEngine.setThreads(o.getInt("threads") == 0 ? Runtime.getRuntime().availableProcessors() : o.getInt("threads"));
        } catch (IllegalArgumentException e) {
            throw o.error("device", e.getMessage());
        } catch (ModelException e) {
            throw ctx.modelError(e.getMessage().replaceFirst("^model \\S+ ", ""));
        } catch (NeuralEngineException e) {
            throw ctx.error(e.getMessage());
        }
        return new Tagger(model, device, batchSize, o.getBoolean("append"));
    }

    /** The thread-safe processor: a pool of per-thread predictors. */
    private static final class Tagger implements Processor {
        private final NerModel model;
        private final Device device;
        private final int batchSize;
        private final boolean append;
        private final ConcurrentLinkedDeque<NerPredictor> idle = new ConcurrentLinkedDeque<>();
        private final ConcurrentLinkedDeque<NerPredictor> all = new ConcurrentLinkedDeque<>();

        Tagger(NerModel model, Device device, int batchSize, boolean append) {
            this.model = model;
            this.device = device;
            this.batchSize = batchSize;
            this.append = append;
        }

        @Override
        public List<Document> process(Document doc) {
            return processBatch(List.of(doc));
        }

        @Override
        public List<Document> processBatch(List<Document> docs) {
            NerPredictor p = idle.pollFirst();
            if (p == null) {
                p = model.predictorOn(device);
                all.add(p);
            }
            try {
                p.tag(docs, batchSize, append);
            } finally {
                idle.addFirst(p);
            }
            return docs;
        }

        @Override
        public void close() {
            NerPredictor p;
            while ((p = all.pollFirst()) != null) {
                p.close();
            }
            idle.clear();
        }
    }
}
