package dev.nlpipe.ner;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.ModelPreprocessing;
import dev.nlpipe.core.model.Tagger;
import dev.nlpipe.core.run.RunOptions;
import dev.nlpipe.core.stage.ModelUse;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code ner}: tags named entities with a model directory written by {@code nlpipe train}, of any
 * installed {@link Tagger} kind ({@code nlpipe list kinds}); the model's {@code kind} picks the
 * architecture. Character models tag the raw text (per sentence when a sentences layer is
 * present); token models need a tokens layer, or {@code preprocess: true} to run the stages the
 * model was trained behind. Safe to share between runner threads.
 */
public final class NerStage implements StageProvider {

    @Override
    public String name() {
        return "ner";
    }

    @Override
    public String description() {
        return "named-entity recognition with a trained tagger (model: DIR from `nlpipe train`, any ner.* task)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("batchSize", 64, "sentences per forward pass"),
                OptionSpec.string("device", "auto", "where to run: cpu, gpu, gpu:N or auto (a GPU when one is visible, else the CPU)"),
                OptionSpec.bool("append", false, "add to the document's existing entities instead of replacing them"),
                OptionSpec.bool("preprocess", false, "run the stages the model was trained behind (recorded in its model.json, e.g. a"
                        + " segmenter for word-position features) first"),
                OptionSpec.integer("threads", 1, "threads per tensor operation (process-wide); parallelism comes from the pipeline's"
                        + " worker threads, each tagging its own batches; 0 uses all cores")
                        .between(0, RunOptions.MAX_THREADS));
    }

    /**
     * What the model reads (tokens for token models), known from its description; with
     * {@code preprocess}, less what its recorded stages make (a model trained on the tokens of its
     * data files, CoNLL's, recorded no tokenizer, perhaps a normalizer: its tokens must still come
     * from a stage).
     */
    @Override
    public Set<Layer> requires(Options options, Path model) {
        if (model == null) {
            return Set.of();
        }
        try {
            ModelMeta meta = ModelDir.read(model);
            Set<Layer> needs = ModelKinds.get().requires(model, meta, Tagger.class);
            if (options.getBoolean("preprocess") && ModelPreprocessing.any(meta)) {
                Set<Layer> left = new java.util.LinkedHashSet<>(needs);
                left.removeIf(layer -> !ModelPreprocessing.typesCreating(meta, layer).isEmpty());
                return left;
            }
            return needs;
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
        if (o.getInt("batchSize") < 1) {
            throw o.error("batchSize", "must be at least 1");
        }
        LoadOptions load = LoadOptions.of(o);
        Pipeline preprocess = o.getBoolean("preprocess") ? preprocessing(ctx, load) : null;
        Tagger tagger;
        try {
            tagger = ModelKinds.get().load(ctx.model(), Tagger.class, load);
        } catch (ModelException e) {
            close(preprocess);
            throw ctx.modelError(e.getMessage().replaceFirst("^model \\S+ ", ""));
        } catch (IllegalArgumentException e) {
            close(preprocess);
            throw o.error("device", e.getMessage());
        } catch (RuntimeException e) {
            close(preprocess);
            throw ctx.error(e.getMessage());
        }
        return new Tagging(tagger, preprocess, o.getBoolean("append"));
    }

    private static Pipeline preprocessing(StageContext ctx, LoadOptions load) {
        try {
            return ModelPreprocessing.rebuildForServing(ctx.model(), ModelDir.read(ctx.model()), "ner-preprocess", load);
        } catch (ModelException e) {
            throw ctx.modelError(e.getMessage().replaceFirst("^model \\S+ ", ""));
        } catch (ConfigException e) {
            throw ctx.modelError("the model's preprocessing stages cannot be built: " + e.getMessage());
        }
    }

    private static void close(Pipeline p) {
        if (p != null) {
            p.close();
        }
    }

    /**
     * The document's entities with the tagger's added, in text order: an entity found again (same
     * type and span, from a stage run twice or a model of the same kind) is kept once. Entities of
     * other spans may overlap; they come from different sources.
     */
    static List<Entity> appended(List<Entity> had, List<Entity> found) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Entity> all = new java.util.ArrayList<>(had.size() + found.size());
        for (Entity e : had) {
            seen.add(e.type() + "\u0000" + e.start() + "\u0000" + e.end());
            all.add(e);
        }
        for (Entity e : found) {
            if (seen.add(e.type() + "\u0000" + e.start() + "\u0000" + e.end())) {
                all.add(e);
            }
        }
        all.sort(java.util.Comparator.comparingInt(Entity::start).thenComparingInt(Entity::end));
        return all;
    }

    /** The processor: the model's preprocessing (when asked for), then the tagger, batch by batch. */
    private record Tagging(Tagger tagger, Pipeline preprocess, boolean append) implements Processor {

        @Override
        public List<Document> process(Document doc) {
            return processBatch(List.of(doc));
        }

        @Override
        public List<Document> processBatch(List<Document> docs) {
            List<Document> in = preprocess == null ? docs : preprocess.processBatch(docs);
            List<List<Entity>> found = tagger.tag(in);
            for (int i = 0; i < in.size(); i++) {
                Document d = in.get(i);
                if (append && d.entities() != null) {
                    d.setEntities(appended(d.entities(), found.get(i)));
                } else {
                    d.setEntities(found.get(i));
                }
            }
            return in;
        }

        @Override
        public void close() {
            tagger.close();
            NerStage.close(preprocess);
        }
    }
}
