package dev.nlpipe.core.model;

import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.stage.Component;
import java.nio.file.Path;
import java.util.Set;

/**
 * One kind of model directory ({@code model.json}'s {@code kind}, e.g. {@code ner.bilstm-crf}):
 * how to load it into the typed model a stage runs ({@link Tagger}, {@link TextClassifier}).
 * Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.nlpipe.core.model.ModelKind}), so the {@code ner} and
 * {@code classify} stages, their evaluators and the command line never name an architecture:
 * adding one means adding a trainer and a kind.
 *
 * @param <M> what a loaded model is: {@link Tagger} and {@link TextClassifier} for the stages that
 *     resolve models by kind; vectorizers and word vectors register theirs too, so that every
 *     directory {@code nlpipe train} writes is known by name
 */
public interface ModelKind<M> extends Component {

    /** The kind name as {@code model.json} writes it; also the training task that makes it. */
    @Override
    String name();

    /** What a loaded model is: {@link Tagger}, {@link TextClassifier}... */
    Class<M> type();

    /** The newest format version this build reads. */
    int formatVersion();

    /**
     * Where a model of this kind is used, told to a user who gave it where another kind belongs
     * ({@code "fine-tune it with task ner.bert"}); empty when the stage that loads it by type says
     * enough. Taggers and text classifiers need none: the refusal names their commands.
     */
    default String use() {
        return "";
    }

    /**
     * The layers a document needs before the model reads it (tokens for a token-level tagger),
     * known from {@code model.json} without loading weights. Preprocessing recorded in the model
     * (see {@link ModelPreprocessing}) is not counted: callers that run it need nothing.
     *
     * @throws ModelException when the description is damaged
     */
    Set<Layer> requires(Path dir, ModelMeta meta);

    /**
     * Loads a checked model directory. A {@link Tagger} or {@link TextClassifier} is thread-safe
     * and may own native memory until closed.
     *
     * @param dir the directory
     * @param meta its {@code model.json}, already checked for kind and format version
     * @param options where and how to run it
     * @throws ModelException saying what is wrong with the directory
     * @throws IllegalArgumentException when an option is not valid (an unknown device)
     */
    M load(Path dir, ModelMeta meta, LoadOptions options);
}
