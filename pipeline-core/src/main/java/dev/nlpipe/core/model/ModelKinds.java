package dev.nlpipe.core.model;

import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.core.stage.Registry;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The installed {@link ModelKind}s: resolves a model directory, by the {@code kind} in its
 * {@code model.json}, to the loader of its architecture. This is the only way stages, evaluators
 * and the command line load a tagger or a classifier.
 */
public final class ModelKinds {
    @SuppressWarnings("rawtypes")
    private final Registry<ModelKind> registry;

    /** @param registry the kinds found by {@link Components} */
    @SuppressWarnings("rawtypes")
    public ModelKinds(Registry<ModelKind> registry) {
        this.registry = registry;
    }

    /** The kinds visible to this library's class loader. */
    public static ModelKinds get() {
        return Components.get().kinds();
    }

    /** Every installed kind, sorted by name. */
    public Collection<ModelKind<?>> all() {
        return registry.all().stream().<ModelKind<?>>map(k -> k).toList();
    }

    /** The names of the installed kinds whose models are a {@code type}. */
    public List<String> namesOf(Class<?> type) {
        return all().stream().filter(k -> type.isAssignableFrom(k.type())).map(ModelKind::name).toList();
    }

    /**
     * The kind of a model directory, checked to load a {@code type} at this format version.
     *
     * @throws ModelException when the kind is not installed, is not a {@code type}, or is too new
     */
    public ModelKind<?> kindOf(Path dir, ModelMeta meta, Class<?> type) {
        ModelKind<?> kind = registry.find(meta.kind());
        if (kind == null) {
            String hint = ModuleHints.forMissing(meta.kind(), registry.names());
            // with the family's artifact present the kind is newer than this nlpipe (or model.json was edited)
            throw new ModelException(dir, "holds a '" + meta.kind() + "' model, a kind this nlpipe does not know; installed kinds: "
                    + String.join(", ", registry.names()) + (hint.isEmpty() ? "; a model written by a newer nlpipe needs that version, and one of a plugin's kind needs the plugin's jar on the class path" : hint));
        }
        if (!type.isAssignableFrom(kind.type())) {
            throw new ModelException(dir, "holds " + (meta.kind().matches("^[aeiouAEIOU].*") ? "an" : "a") + " '" + meta.kind()
                    + "' model, which is not a " + type.getSimpleName() + ": " + use(kind) + "; " + type.getSimpleName()
                    + " kinds installed: " + String.join(", ", namesOf(type)));
        }
        ModelDir.checkFormat(dir, meta, kind.formatVersion());
        return kind;
    }

    /** What a model of {@code kind} is and where it is used, for a user who gave it where another kind belongs. */
    private static String use(ModelKind<?> kind) {
        String what = kind.description();
        if (kind.type() == Tagger.class) {
            return "it is a tagger (" + what + "): use it with the ner stage, `nlpipe tag` or `nlpipe eval ner`";
        }
        if (kind.type() == TextClassifier.class) {
            return "it is a text classifier (" + what + "): use it with the classify stage, `nlpipe classify` or `nlpipe eval classify`";
        }
        return "it is a " + what + (kind.use().isEmpty() ? "" : "; " + kind.use());
    }

    /**
     * Loads a model directory as a {@code type}.
     *
     * @throws ModelException saying what is wrong with the directory or why it is not a {@code type}
     * @throws IllegalArgumentException when an option is not valid (an unknown device)
     */
    public <M> M load(Path dir, Class<M> type, LoadOptions options) {
        ModelMeta meta = ModelDir.read(dir);
        ModelKind<?> kind = kindOf(dir, meta, type);
        try {
            return type.cast(kind.load(dir, meta, options));
        } catch (NullPointerException | ClassCastException | IndexOutOfBoundsException | NumberFormatException
                 | ArithmeticException | NegativeArraySizeException e) {
            // a loader that trips over a missing field or a wrong type has found a damaged or hand-made model, not a bug of its own
            throw ModelException.cannotLoad(dir, e);
        }
    }

    /**
     * The layers a model of a {@code type} needs on its documents, from {@code model.json} alone.
     *
     * @throws ModelException as {@link #load} does
     */
    public Set<Layer> requires(Path dir, Class<?> type) {
        return requires(dir, ModelDir.read(dir), type);
    }

    /** The same, from the {@code model.json} a caller has read already ({@code meta}). */
    public Set<Layer> requires(Path dir, ModelMeta meta, Class<?> type) {
        ModelKind<?> kind = kindOf(dir, meta, type);
        try {
            return kind.requires(dir, meta);
        } catch (NullPointerException | ClassCastException | IndexOutOfBoundsException | NumberFormatException e) {
            // a loader that trips over a missing field or a wrong type has found a damaged or hand-made model, not a bug of its own
            throw ModelException.cannotLoad(dir, e);
        }
    }
}
