package dev.nlpipe.core.model;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.stage.Component;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * A training task ({@code vectorize.tfidf}, {@code ner.bilstm-crf}, ...), found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.nlpipe.core.model.TrainerProvider}).
 * It fits a model from a corpus and writes a model directory; training never hides inside a stage.
 */
public interface TrainerProvider extends Component {

    /** Options of the {@code model:} section (architecture, hyper-parameters). */
    List<OptionSpec> modelOptions();

    /** Options of the {@code train:} section (epochs, seed, threads...). */
    List<OptionSpec> trainOptions();

    /** For {@code nlpipe list}: the model options. */
    @Override
    default List<OptionSpec> options() {
        return modelOptions();
    }

    /** Data splits that must be given; {@code train} by default. */
    default List<String> requiredSplits() {
        return List.of("train");
    }

    /**
     * Whether the task learns from gold labels (a classifier): {@code nlpipe list}'s example then
     * reads JSON lines, whose {@code label} field carries them.
     */
    default boolean trainsOnLabels() {
        return false;
    }

    /**
     * The {@code model:} entries the example of {@code nlpipe list TASK} needs to run (a fine-tuning
     * task's encoder), as YAML flow-map entries; {@code null} when the defaults do.
     */
    default String exampleModel() {
        return null;
    }

    /**
     * The data splits the task reads: another one given is refused, rather than fingerprinted into
     * {@code model.json} and never read (a vectorizer computes no scores on dev or test data).
     */
    default List<String> readSplits() {
        return TrainConfig.SPLITS;
    }

    /** Layers the training documents must carry after the input and preprocessing stages. */
    default Set<Layer> requires(Options modelOptions) {
        return Set.of();
    }

    /**
     * Trains and writes the model into {@link TrainingJob#dir()}; the job publishes the directory
     * when this returns and deletes it when this throws.
     */
    void train(TrainingJob job) throws IOException;
}
