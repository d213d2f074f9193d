package dev.nlpipe.core.model;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.OptionType;
import dev.nlpipe.core.config.StageConfig;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.core.stage.Registry;
import dev.nlpipe.core.stage.StageProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The preprocessing stages a model was trained behind (a segmenter, a tokenizer), recorded in
 * {@code model.json} under {@value #KEY} and rebuilt as a pipeline, so that raw text can be given
 * to the model the way its training data was. One record for every kind of model.
 */
public final class ModelPreprocessing {
    /** The key in {@code model.json}: a list of {@code {type, with, model}}. */
    public static final String KEY = "stages";
    /** Where {@code classify.linear} models written before the model-kind registry kept the same list. */
    static final String LEGACY_KEY = "preprocess";

    private ModelPreprocessing() {
    }

    /** Option types whose values can name files to read: paths, and free-form values nlpipe passes on unchecked. */
    private static final Set<OptionType> UNSAFE_OPTION_TYPES = EnumSet.of(OptionType.PATH, OptionType.PATH_LIST, OptionType.ANY,
            OptionType.MAP);
    private static final String TRUST = "If you trust it, put the stage in your own pipeline before this one and leave preprocess off";
    /** Where a recorded stage's model directory is copied inside the model: {@code stages/<position>}. */
    private static final String STAGE_MODELS = "stages";
    /** The key of a recorded stage listing its options whose files were copied into the model. */
    private static final String FILES = "files";

    /**
     * The stages of a training configuration as {@code model.json} records them. A stage's model
     * directory is copied into {@code modelDir} and recorded by its relative name, so the model is
     * complete when it is shared and never points outside itself.
     *
     * @param modelDir the model directory being written
     */
    public static List<Map<String, Object>> record(List<StageConfig> stages, Path modelDir) throws IOException {
        List<Map<String, Object>> out = asConfigured(stages);
        for (int i = 0; i < stages.size(); i++) {
            StageConfig sc = stages.get(i);
            Map<String, Object> e = out.get(i);
            if (e.get("with") instanceof Map<?, ?> written) {
                @SuppressWarnings("unchecked")
                Map<String, Object> with = new LinkedHashMap<>((Map<String, Object>) written);
                List<String> copied = copyFileOptions(sc.type(), with, modelDir, STAGE_MODELS + "/" + i + "-files");
                if (!copied.isEmpty()) {
                    e.put("with", with);
                    e.put(FILES, copied);
                }
            }
            if (sc.model() != null) {
                copyTree(sc.model(), modelDir.resolve(String.valueOf(e.get("model"))));
            }
        }
        return out;
    }

    /**
     * The stages as configured, in the form {@link #record} gives them before it copies any file:
     * {@code type}, {@code with} as written and a stage model's name inside the model. A resumed
     * training compares this, so that checkpoints of versions that recorded file options as written
     * still continue (their files' contents are compared apart).
     */
    public static List<Map<String, Object>> asConfigured(List<StageConfig> stages) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageConfig sc = stages.get(i);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", sc.type());
            if (sc.with() != null) {
                e.put("with", sc.with().toPlain());
            }
            if (sc.model() != null) {
                e.put("model", STAGE_MODELS + "/" + i);
            }
            out.add(e);
        }
        return out;
    }

    /**
     * Copies the files a stage's path options name ({@code userDictionaries}, stop-word {@code files})
     * into the model under {@code into/<option>/<n>-<name>} and rewrites the options to those
     * relative names: the model then tags as it was trained on any machine, and rebuilding it reads
     * only its own files. Options of other types are left as written.
     *
     * @return the names of the options rewritten
     */
    private static List<String> copyFileOptions(String type, Map<String, Object> with, Path modelDir, String into) throws IOException {
        StageProvider provider = Components.get().stages().find(type);
        List<String> copied = new ArrayList<>();
        if (provider == null || !provider.safeInsideModel()) {
            return copied; // never rebuilt from a model: its files (a corpus, a vectors file) stay out of it
        }
        for (OptionSpec spec : provider.options()) {
            Object value = with.get(spec.name());
            if (value == null || (spec.type() != OptionType.PATH && spec.type() != OptionType.PATH_LIST)) {
                continue;
            }
            List<?> given = value instanceof List<?> l ? l : List.of(value);
            List<String> names = new ArrayList<>();
            for (int n = 0; n < given.size(); n++) {
                Path file = Path.of(String.valueOf(given.get(n)));
                if (file.getFileName() == null || file.getFileName().toString().isEmpty()) {
                    throw new IOException("stage '" + type + "' option '" + spec.name() + "' names no file ('" + given.get(n)
                            + "'); a model keeps a copy of each file a stage reads");
                }
                String name = into + "/" + spec.name() + "/" + n + "-" + portable(file.getFileName().toString());
                if (Files.isDirectory(file)) {
                    copyTree(file, modelDir.resolve(name));
                } else {
                    Files.createDirectories(modelDir.resolve(name).getParent());
                    Files.copy(file, modelDir.resolve(name), StandardCopyOption.REPLACE_EXISTING); // recorded again: the fresh copy
                }
                names.add(name);
            }
            with.put(spec.name(), value instanceof List<?> ? names : names.get(0));
            copied.add(spec.name());
        }
        return copied;
    }

    /** A file name every system the model may travel to can hold (Windows refuses {@code :?*|<>"} and controls). */
    private static String portable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 || "<>:\"/\\|?*".indexOf(c) >= 0 ? '_' : c));
        return out.toString();
    }

    /** The types of the recorded stages, in order ({@code [normalize.chinese, segment.hanlp]}); empty when none. */
    public static List<String> types(ModelMeta meta) {
        // an entry that is no map (a hand-edited model.json) is skipped here; rebuilding the stages reports it
        return recorded(meta).stream().filter(o -> o instanceof Map<?, ?>).map(o -> String.valueOf(((Map<?, ?>) o).get("type"))).toList();
    }

    /**
     * The types of the recorded stages that make {@code layer} ({@link StageProvider#creates}), with
     * the options they were recorded with ({@code segment.hanlp} with {@code entities: true} makes
     * entities; {@code stopwords.remove} edits tokens and makes none); a stage
     * not installed here, not rebuilt from a model (refused apart) or whose options do not read is
     * not counted.
     */
    public static List<String> typesCreating(ModelMeta meta, dev.nlpipe.core.doc.Layer layer) {
        List<String> out = new ArrayList<>();
        for (Object o : recorded(meta)) {
            if (!(o instanceof Map<?, ?> stage)) {
                continue;
            }
            StageProvider p = Components.get().stages().find(String.valueOf(stage.get("type")));
            @SuppressWarnings("unchecked")
            Map<String, Object> with = stage.get("with") instanceof Map<?, ?> w ? (Map<String, Object>) w : Map.of();
            try {
                if (p != null && p.safeInsideModel()
                        && p.creates(layer, dev.nlpipe.core.config.Options.of("stage '" + p.name() + "'", with, p.options()))) {
                    out.add(p.name());
                }
            } catch (dev.nlpipe.core.config.ConfigException unreadable) {
                // rebuilding the stages reports it
            }
        }
        return out;
    }

    /** Whether the model recorded any preprocessing stage. */
    public static boolean any(ModelMeta meta) {
        return !recorded(meta).isEmpty();
    }

    /**
     * The recorded stages as a pipeline named {@code name}, or {@code null} when there are none.
     * A model is data from anywhere, so each stage is checked first: its type must be
     * {@linkplain StageProvider#safeInsideModel() safe inside a model}, it may set no option that
     * names a file or is free-form, and its model must lie inside {@code dir}. A document without a
     * language is given the one training gave its data ({@code data.language}, recorded as
     * {@link TrainingInput#language}) before the first stage, so that {@code segment} reads it as
     * training did.
     *
     * @param dir the model directory whose {@code model.json} is {@code meta}
     * @throws ModelException naming the model file and the stage when a stage is not allowed
     * @throws dev.nlpipe.core.config.ConfigException when a stage cannot be built here (a module is missing)
     */
    public static Pipeline rebuild(Path dir, ModelMeta meta, String name) {
        return rebuild(dir, meta, name, true, null);
    }

    /**
     * {@link #rebuild(Path, ModelMeta, String)} with the recorded stages run where {@code load}
     * says: a stage's {@code device}, {@code threads} and {@code batchSize}, as training recorded
     * them, give way to the serving machine's (a model trained behind {@code embed.bert} on a GPU
     * scores on a CPU-only machine).
     */
    public static Pipeline rebuild(Path dir, ModelMeta meta, String name, LoadOptions load) {
        return rebuild(dir, meta, name, true, load);
    }

    /**
     * {@link #rebuild} for a model serving text (a stage, {@code nlpipe tag}): stages that
     * {@linkplain StageProvider#dropsDocuments() drop documents} selected its training data and are
     * left out, since every document given must come back. Evaluations keep them, to score the
     * documents training scored.
     */
    public static Pipeline rebuildForServing(Path dir, ModelMeta meta, String name) {
        return rebuild(dir, meta, name, false, null);
    }

    /** {@link #rebuildForServing(Path, ModelMeta, String)} with the stages run where {@code load} says, as {@link #rebuild(Path, ModelMeta, String, LoadOptions)}. */
    public static Pipeline rebuildForServing(Path dir, ModelMeta meta, String name, LoadOptions load) {
        return rebuild(dir, meta, name, false, load);
    }

    private static Pipeline rebuild(Path dir, ModelMeta meta, String name, boolean withFilters, LoadOptions load) {
        List<?> stages = recorded(meta);
        Registry<StageProvider> registry = Components.get().stages();
        Pipeline.Builder b = Pipeline.builder().name(name);
        String language = TrainingInput.language(meta);
        if (language != null && !stages.isEmpty()) {
            // training gave documents without a language data.language: segment must take them as it did, not guess per text
            b.add("input.language", doc -> {
                if (doc.lang() == null) {
                    doc.setLang(language);
                }
                return List.of(doc);
            });
        }
        int added = 0;
        for (int i = 0; i < stages.size(); i++) {
            if (!(stages.get(i) instanceof Map<?, ?> stage)) {
                throw new ModelException(dir, where(i, "?") + ", which is not a {type, with, model} map");
            }
            String type = String.valueOf(stage.get("type"));
            @SuppressWarnings("unchecked")
            Map<String, Object> with = stage.get("with") instanceof Map<?, ?> w ? (Map<String, Object>) w : Map.of();
            StageProvider provider = registry.find(type);
            if (provider != null) {
                Map<String, Object> inside = filesInside(dir, i, provider, with, stage.get(FILES));
                checkAllowed(dir, i, provider, with, inside.keySet());
                with = new LinkedHashMap<>(with);
                with.putAll(inside);
                if (load != null) {
                    with.putAll(runSettings(provider, load));
                }
                if (provider.dropsDocuments() && !withFilters) {
                    continue;
                }
            }
            Object model = stage.get("model");
            b.add(type, with, model == null ? null : ModelFiles.resolve(dir, model.toString(), KEY + "[" + i + "].model"));
            added++;
        }
        return added == 0 ? null : b.build();
    }

    /**
     * The options of {@code provider} that say where and how fast it runs, set as {@code load} says:
     * they belong to the machine serving the model, not to the one that trained it.
     */
    private static Map<String, Object> runSettings(StageProvider provider, LoadOptions load) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (OptionSpec spec : provider.options()) {
            switch (spec.name()) {
                case "device" -> out.put("device", load.device());
                case "threads" -> out.put("threads", load.threads());
                case "batchSize" -> out.put("batchSize", load.batchSize());
                default -> { }
            }
        }
        return out;
    }

    /**
     * The path options the model copied its files for ({@value #FILES}), each resolved inside
     * {@code dir} (a name leading out of it is refused): these alone of the path options pass
     * {@link #checkAllowed}.
     */
    private static Map<String, Object> filesInside(Path dir, int i, StageProvider provider, Map<String, Object> with, Object files) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(files instanceof List<?> options)) {
            return out;
        }
        for (Object option : options) {
            String name = String.valueOf(option);
            OptionSpec spec = provider.options().stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
            Object value = with.get(name);
            if (spec == null || value == null || (spec.type() != OptionType.PATH && spec.type() != OptionType.PATH_LIST)) {
                throw new ModelException(dir, where(i, provider.name()) + " with '" + name + "' among its " + FILES + ", which is no"
                        + " path option of the stage that the model sets");
            }
            String field = KEY + "[" + i + "].with." + name;
            if (value instanceof List<?> list) {
                List<String> paths = new ArrayList<>();
                for (Object v : list) {
                    paths.add(ModelFiles.resolve(dir, String.valueOf(v), field).toString());
                }
                out.put(name, paths);
            } else {
                out.put(name, ModelFiles.resolve(dir, String.valueOf(value), field).toString());
            }
        }
        return out;
    }

    private static void checkAllowed(Path dir, int i, StageProvider provider, Map<String, Object> with, Set<String> inside) {
        if (!provider.safeInsideModel()) {
            throw new ModelException(dir, where(i, provider.name()) + ", which may run a program or read files outside the model,"
                    + " so nlpipe does not rebuild it from a model (only tokenizers, segmenters, normalizers and vectorizers). " + TRUST);
        }
        for (OptionSpec spec : provider.options()) {
            if (with.containsKey(spec.name()) && !inside.contains(spec.name()) && UNSAFE_OPTION_TYPES.contains(spec.type())) {
                throw new ModelException(dir, where(i, provider.name()) + " with option '" + spec.name() + "' ("
                        + spec.type().display() + "), which a model may not set: it could name files outside the model. " + TRUST);
            }
        }
    }

    private static String where(int i, String type) {
        return "lists in " + ModelDir.MODEL_JSON + " the preprocessing stage " + (i + 1) + " '" + type + "'";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        ModelDirWriter.deleteTree(to);
        Path source = from.toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static List<?> recorded(ModelMeta meta) {
        // Old classify.linear models kept model paths only under the legacy key, so it wins when present.
        Object legacy = meta.get(LEGACY_KEY);
        Object stages = legacy instanceof List<?> ? legacy : meta.get(KEY);
        return stages instanceof List<?> l ? l : List.of();
    }
}
