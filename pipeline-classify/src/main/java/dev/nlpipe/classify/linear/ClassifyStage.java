package dev.nlpipe.classify.linear;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.stage.ModelUse;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code classify}: sets each document's {@code labels} to a trained {@code classify.linear}
 * model's score for every label (probabilities for logistic regression, decision values for the
 * SVM; the highest is the prediction). With {@code preprocess: true} the model's own training
 * stages (tokenization, segmentation) run first, so raw text can go straight in.
 */
public final class ClassifyStage implements StageProvider {

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String description() {
        return "label scores from a classify.linear model (replaces the labels layer)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.bool("preprocess", false, "run the stages the model was trained behind (recorded in its model.json) first"),
                OptionSpec.string("goldField", null, "keep a document's previous top label in this meta field (e.g. gold)"));
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
            return ClassifierModel.load(model).requires();
        } catch (RuntimeException e) {
            return requires(o);
        }
    }

    @Override
    public Set<Layer> provides(Options o) {
        return Set.of(Layer.LABELS);
    }

    @Override
    public Processor create(StageContext ctx) {
        ClassifierModel model;
        try {
            model = ClassifierModel.load(ctx.model());
        } catch (ModelException e) {
            throw new ConfigException(ctx.modelLocation(), "stage '" + ctx.id() + "': " + e.getMessage());
        }
        boolean preprocess = ctx.options().getBoolean("preprocess");
        String goldField = ctx.options().getString("goldField");
        Pipeline stages;
        try {
            stages = preprocess ? model.preprocessing() : null;
        } catch (ConfigException e) {
            throw new ConfigException(ctx.modelLocation(), "stage '" + ctx.id() + "': the model's preprocessing stages cannot be built: "
                    + e.getMessage());
        }
        return new Processor() {
            @Override
            public List<Document> process(Document doc) {
                if (stages == null) {
                    return List.of(label(doc));
                }
                return stages.process(doc).stream().map(this::label).toList();
            }

            private Document label(Document doc) {
                if (goldField != null && doc.topLabel() != null) {
                    doc.meta().put(goldField, doc.topLabel());
                }
                return doc.setLabels(model.labelScores(doc));
            }

            @Override
            public void close() {
                if (stages != null) {
                    stages.close();
                }
            }
        };
    }
}
