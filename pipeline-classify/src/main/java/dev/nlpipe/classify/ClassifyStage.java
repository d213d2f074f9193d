package dev.nlpipe.classify;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.ModelPreprocessing;
import dev.nlpipe.core.model.TextClassifier;
import dev.nlpipe.core.run.RunOptions;
import dev.nlpipe.core.stage.ModelUse;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code classify}: sets each document's {@code labels} to a trained classifier's score for every
 * label (probabilities for logistic regression, decision values for the SVM; the highest is the
 * prediction). The model directory may be of any installed {@link TextClassifier} kind
 * ({@code nlpipe list kinds}). With {@code preprocess: true} the model's own training stages
 * (tokenization, segmentation) run first, so raw text can go straight in.
 */
public final class ClassifyStage implements StageProvider {

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String description() {
        return "label scores from a trained classifier (model: DIR from `nlpipe train`, any classify.* task; replaces the labels layer)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.bool("preprocess", false, "run the stages the model was trained behind (recorded in its model.json) first"),
                OptionSpec.string("goldField", null, "keep a document's previous top label in this meta field (e.g. gold)"),
                OptionSpec.string("device", "auto", "neural models: where to run (cpu, gpu, gpu:N, auto)"),
                OptionSpec.integer("batchSize", 64, "neural models: documents per forward pass"),
                OptionSpec.integer("threads", 1, "neural models: threads per tensor operation (process-wide); 0 uses all cores")
                        .between(0, RunOptions.MAX_THREADS));
    }

    @Override
    public ModelUse modelUse() {
        return ModelUse.REQUIRED;
    }

    @Override
    public Set<Layer> requires(Options o) {
        return o.getBoolean("preprocess") ? Set.of() : Set.of(Layer.TOKENS);
    }

    @Override
    public Set<Layer> requires(Options o, Path model) {
        if (o.getBoolean("preprocess") || model == null) {
            return requires(o);
        }
        try {
            return ModelKinds.get().requires(model, TextClassifier.class);
        } catch (RuntimeException e) {
            return Set.of(); // create() reports what is wrong with the directory, not a missing tokenizer
        }
    }

    @Override
    public Set<Layer> provides(Options o) {
        return Set.of(Layer.LABELS);
    }

    @Override
    public Processor create(StageContext ctx) {
        TextClassifier model;
        Options o = ctx.options();
        LoadOptions load;
        try {
            load = LoadOptions.of(o);
            model = ModelKinds.get().load(ctx.model(), TextClassifier.class, load);
        } catch (ModelException e) {
            throw new ConfigException(ctx.modelLocation(), "stage '" + ctx.id() + "': " + e.getMessage());
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            // a bad device, or an engine that cannot start: named with the stage, as the ner stage names it
            throw ctx.error(e.getMessage());
        }
        Pipeline stages = null;
        try {
            if (o.getBoolean("preprocess")) {
                stages = ModelPreprocessing.rebuildForServing(ctx.model(), ModelDir.read(ctx.model()), "classify-preprocess", load);
            }
        } catch (ModelException e) {
            model.close();
            throw new ConfigException(ctx.modelLocation(), "stage '" + ctx.id() + "': " + e.getMessage());
        } catch (ConfigException e) {
            model.close();
            throw new ConfigException(ctx.modelLocation(), "stage '" + ctx.id() + "': the model's preprocessing stages cannot be built: "
                    + e.getMessage());
        }
        return new Labelling(model, stages, ctx.options().getString("goldField"));
    }

    /** The processor: the model's preprocessing (when asked for), then the classifier, a batch at a time. */
    private record Labelling(TextClassifier model, Pipeline stages, String goldField) implements Processor {

        @Override
        public List<Document> process(Document doc) {
            return processBatch(List.of(doc));
        }

        @Override
        public List<Document> processBatch(List<Document> docs) {
            List<Document> in = stages == null ? docs : stages.processBatch(docs);
            List<TextClassifier.Scored> scored = model.score(in);
            for (int i = 0; i < in.size(); i++) {
                Document doc = in.get(i);
                if (goldField != null && doc.topLabel() != null) {
                    doc.meta().put(goldField, doc.topLabel());
                }
                doc.setLabels(model.labelScores(scored.get(i)));
            }
            return in;
        }

        @Override
        public void close() {
            model.close();
            if (stages != null) {
                stages.close();
            }
        }
    }
}
