package dev.nlpipe.core.stage;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import java.nio.file.Path;
import java.util.Set;

/**
 * A pipeline stage type, found through {@link java.util.ServiceLoader}: register implementations
 * in {@code META-INF/services/dev.nlpipe.core.stage.StageProvider}. Names are
 * {@code family.implementation} ({@code tokenize.regex}).
 */
public interface StageProvider extends Component {

    /** The layers documents must carry before this stage, given its options. */
    default Set<Layer> requires(Options options) {
        return Set.of();
    }

    /**
     * The layers documents must carry before this stage, given its options and its model directory
     * ({@code null} when none): a model-backed stage can tell from the model what it reads. A model
     * that cannot be read should fall back to {@link #requires(Options)}; {@link #create} reports it.
     */
    default Set<Layer> requires(Options options, Path model) {
        return requires(options);
    }

    /**
     * Another way to run this stage without a layer it needs, told beside the stages that provide
     * it (an option that reads what it needs from the text itself), or {@code null} when there is none.
     */
    default String withoutLayer(Layer missing) {
        return null;
    }

    /** The layers this stage adds, given its options. */
    default Set<Layer> provides(Options options) {
        return Set.of();
    }

    /**
     * Whether this stage makes {@code layer} from what it is given rather than editing it: it
     * provides the layer without requiring it ({@code segment} makes tokens, {@code stopwords.remove}
     * edits them and cannot stand in for a tokenizer).
     */
    default boolean creates(Layer layer, Options options) {
        return provides(options).contains(layer) && !requires(options).contains(layer);
    }

    /** Whether the stage takes a model directory. */
    default ModelUse modelUse() {
        return ModelUse.NONE;
    }

    /**
     * The command that makes this stage's model directory, named when the directory is missing
     * ({@code `nlpipe train`}; an encoder comes from {@code `nlpipe model import`}).
     */
    default String modelSource() {
        return "`nlpipe train`";
    }

    /**
     * Whether this stage may be rebuilt from a model directory's {@code model.json} (the
     * preprocessing a model was trained behind, see {@link dev.nlpipe.core.model.ModelPreprocessing}).
     * Models are shared like data, so only a stage that runs no external program and reads no
     * file but its own {@code model:} directory may say yes: tokenizers, segmenters, normalizers,
     * vectorizers. Its path options are refused when read from a model all the same, and its
     * model must lie inside the model that records it. The default is no.
     */
    default boolean safeInsideModel() {
        return false;
    }

    /**
     * Whether this stage drops documents (a filter such as {@code filter.length}): it selects a
     * model's training data, so the model's recorded preprocessing leaves it out when the model
     * serves text, where every document given must come back. The default is no.
     */
    default boolean dropsDocuments() {
        return false;
    }

    /**
     * Whether this stage changes the text later stages read (a normalized view, as
     * {@code normalize.text} and {@code normalize.chinese} give): a model trained behind it reads
     * other characters without it. The default is no.
     */
    default boolean normalizes() {
        return false;
    }

    /**
     * Builds the processor. Runs before any document is read, so everything that can be checked
     * (files exist, models load) is checked here and reported with {@link StageContext#error}.
     */
    Processor create(StageContext context);
}
