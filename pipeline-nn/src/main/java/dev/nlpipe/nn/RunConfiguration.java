package dev.nlpipe.nn;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.StageConfig;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.ModelPreprocessing;
import dev.nlpipe.core.model.Provenance;
import dev.nlpipe.core.model.TrainingInput;
import dev.nlpipe.core.model.TrainingJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a training run's checkpoint belongs to: the task, the model options, the training options
 * less those that may change between an interrupted run and its continuation (epochs, patience,
 * minEpochs, keep, maxTime, resume, threads, device), the preprocessing stages and the data
 * fingerprints, and the contents of the files model options name (vectors, lexicon word lists, an
 * encoder directory: {@link #FILES}), so a word list edited between an interrupted run and its
 * continuation cannot renumber trained rows unnoticed. A checkpoint is resumed by a run of the same configuration, or by one that only
 * adds options a later version introduced and leaves them at their defaults (options are added with
 * the old behaviour as their default, so such a run is the one that wrote the checkpoint; an option
 * whose default changed later must have its first behaviour); a changed value, a changed default
 * included, is refused.
 *
 * @param fingerprint SHA-256 of the configuration, numbers by value
 * @param values the configuration as JSON values, numbers as doubles; {@code null} when only the
 *     fingerprint is known (tests)
 * @param unset the options left at their defaults, as {@code model.NAME} and {@code train.NAME}
 * @param firstDefaults for the options whose default changed after they were added, as
 *     {@code model.NAME}, the default they were added with ({@link OptionSpec#addedWithDefault})
 */
public record RunConfiguration(String fingerprint, Map<String, Object> values, Set<String> unset, Map<String, Object> firstDefaults) {
    private static final List<String> MAY_CHANGE = List.of("epochs", "patience", "minEpochs", "keep", "maxTime", "resume", "threads",
            "device");
    private static final List<String> OPTION_SECTIONS = List.of("model", "train");
    /**
     * The key of the files' fingerprints: for each model option whose value, or an element of whose
     * list, names an existing file or directory, each file's path, size and SHA-256.
     */
    static final String FILES = "files";
    /**
     * The key of the preprocessing stages' files' fingerprints: each stage's model directory and the
     * files its {@code with:} options name (a segmenter's user dictionary), under
     * {@code stages[N] (TYPE) model} and {@code stages[N] (TYPE) with.KEY}.
     */
    static final String STAGE_FILES = "stageFiles";
    /** The key of the data reader's format and options, as {@code model.json} records them. */
    static final String INPUT = TrainingInput.KEY;

    /** A configuration known by its fingerprint alone, resumed only by the same one. */
    public static RunConfiguration named(String fingerprint) {
        return new RunConfiguration(fingerprint, null, Set.of(), Map.of());
    }

    /** The configuration of a training job; {@code meta} is its {@code model.json} so far (data fingerprints, stages). */
    public static RunConfiguration of(TrainingJob job, ModelMeta meta, String task) {
        Map<String, Object> train = new LinkedHashMap<>(job.train().asMap());
        MAY_CHANGE.forEach(train::remove);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("task", task);
        config.put("model", job.model().asMap());
        config.put("train", train);
        // as configured, not as recorded: a model records its copies of the stages' files, which older checkpoints named as given
        config.put("stages", ModelPreprocessing.asConfigured(job.config().stages()));
        config.put("data", withoutTest(meta.get("data")));
        // how the data is read (tagColumn, textColumn...): the same files read another way are other labels
        config.put(INPUT, meta.get(INPUT));
        config.put(FILES, optionFiles(job.model()));
        // a stage's model is recorded as its copy's name and its options as strings: an edited user dictionary would not show
        config.put(STAGE_FILES, stageFiles(job.config().stages()));
        Set<String> unset = new LinkedHashSet<>();
        Map<String, Object> firstDefaults = new LinkedHashMap<>();
        addUnset(unset, firstDefaults, "model", job.model(), config);
        addUnset(unset, firstDefaults, "train", job.train(), config);
        return of(config, unset, firstDefaults);
    }

    /**
     * The data fingerprints without the test split's: it is scored after training and never shapes
     * it, so a run whose test file was fixed or left out (an unlabelled one is refused) continues.
     */
    static Object withoutTest(Object data) {
        if (!(data instanceof Map<?, ?> splits)) {
            return data;
        }
        Map<Object, Object> kept = new LinkedHashMap<>(splits);
        kept.remove(TEST);
        return kept;
    }

    private static final String TEST = "test";

    /** A configuration from its values; {@code unset} as {@link #unset}, no option with a changed default. */
    static RunConfiguration of(Map<String, Object> config, Set<String> unset) {
        return of(config, unset, Map.of());
    }

    /** A configuration from its values; {@code unset} and {@code firstDefaults} as {@link #unset} and {@link #firstDefaults}. */
    @SuppressWarnings("unchecked")
    static RunConfiguration of(Map<String, Object> config, Set<String> unset, Map<String, Object> firstDefaults) {
        Map<String, Object> values = (Map<String, Object>) Checkpoints.numbersByValue(
                DocumentJson.mapper().convertValue(config, LinkedHashMap.class));
        // values are already by value, which is what Checkpoints.fingerprint would make them
        return new RunConfiguration(Provenance.fingerprint(values), values, Set.copyOf(unset), Map.copyOf(firstDefaults));
    }

    /** The fingerprints of the files and directories model options name ({@link Options#namedFiles}). */
    static Map<String, Object> optionFiles(Options model) {
        Map<String, Object> files = new TreeMap<>();
        model.namedFiles().forEach((name, named) -> files.put(name, fingerprint(named, "model." + name)));
        return files;
    }

    /** The fingerprints of the stages' model directories and of the files their {@code with:} options name ({@link #STAGE_FILES}). */
    static Map<String, Object> stageFiles(List<StageConfig> stages) {
        Map<String, Object> files = new TreeMap<>();
        for (int i = 0; i < stages.size(); i++) {
            StageConfig sc = stages.get(i);
            String stage = "stages[" + i + "] (" + sc.type() + ") ";
            if (sc.model() != null) {
                files.put(stage + "model", fingerprint(List.of(sc.model()), stage + "model"));
            }
            Map<?, ?> with = sc.with() == null ? Map.of() : (Map<?, ?>) sc.with().toPlain();
            // only the options the stage declares as paths: a pattern of "." would otherwise fingerprint the working directory
            Set<String> paths = pathOptions(sc.type());
            with.forEach((key, value) -> {
                if (!paths.contains(String.valueOf(key))) {
                    return;
                }
                List<Path> named = (value instanceof List<?> list ? list.stream() : java.util.stream.Stream.of(value))
                        .map(Options::existingPath).filter(Objects::nonNull).toList();
                if (!named.isEmpty()) {
                    files.put(stage + "with." + key, fingerprint(named, stage + "with." + key));
                }
            });
        }
        return files;
    }

    /** The options a stage type declares as a path or a list of paths; none for a type this nlpipe does not have. */
    private static Set<String> pathOptions(String type) {
        dev.nlpipe.core.stage.StageProvider p = dev.nlpipe.core.stage.Components.get().stages().find(type);
        Set<String> out = new java.util.HashSet<>();
        if (p != null) {
            for (OptionSpec s : p.options()) {
                if (s.type() == dev.nlpipe.core.config.OptionType.PATH || s.type() == dev.nlpipe.core.config.OptionType.PATH_LIST) {
                    out.add(s.name());
                }
            }
        }
        return out;
    }

    private static Object fingerprint(List<Path> paths, String what) {
        try {
            return Provenance.fingerprint(paths);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + paths + " (" + what + ") to fingerprint the training run: "
                    + IoErrors.describe(e), e);
        }
    }

    private static void addUnset(Set<String> unset, Map<String, Object> firstDefaults, String section, Options options,
                                 Map<String, Object> config) {
        for (Object name : ((Map<?, ?>) config.get(section)).keySet()) {
            if (!options.isSet((String) name)) {
                unset.add(section + "." + name);
            }
            Object first = options.firstDefault((String) name);
            if (first != null) {
                firstDefaults.put(section + "." + name, first);
            }
        }
    }

    /**
     * Whether a run of this configuration may continue a checkpoint written under {@code written}
     * (its {@link #values}, as read back): the options this one has beyond it, each left at its
     * default, or {@code null} when it may not ({@link #differences} names why).
     *
     * @param written the checkpoint's configuration, or {@code null} for one written before
     *     checkpoints kept it (then only the fingerprint decides)
     */
    public List<String> added(Map<String, Object> written) {
        Comparison c = compare(written);
        return c == null || !c.differences.isEmpty() ? null : c.added;
    }

    /**
     * What keeps a run of this configuration from continuing a checkpoint written under {@code written},
     * one line each ({@code model.heads: 8 in the checkpoint, 4 here}); empty when it may continue it or
     * when either configuration is known by its fingerprint alone.
     */
    public List<String> differences(Map<String, Object> written) {
        Comparison c = compare(written);
        return c == null ? List.of() : c.differences;
    }

    private record Comparison(List<String> added, List<String> differences) {
    }

    private Comparison compare(Map<String, Object> written) {
        if (values == null || written == null) {
            return null;
        }
        Comparison c = new Comparison(new ArrayList<>(), new ArrayList<>());
        if (!(Checkpoints.numbersByValue(written) instanceof Map<?, ?> then)) {
            c.differences.add("the checkpoint's configuration is not a JSON object");
            return c;
        }
        Set<Object> keys = new LinkedHashSet<>(values.keySet());
        keys.addAll(then.keySet());
        for (Object key : keys) {
            Object now = values.get(key);
            Object before = then.get(key);
            if (OPTION_SECTIONS.contains(key) && now instanceof Map<?, ?> options && before instanceof Map<?, ?> was) {
                compareOptions((String) key, options, was, c);
            } else if (INPUT.equals(key) && !then.containsKey(key)) {
                // a checkpoint from before the reader's options were recorded cannot be checked; it is continued as before
                continue;
            } else if (FILES.equals(key) || STAGE_FILES.equals(key)) {
                // a checkpoint from before these files were fingerprinted cannot be checked; it is continued as before
                if (before instanceof Map<?, ?> was && now instanceof Map<?, ?> files) {
                    // a stage value an earlier version took for a file (a stop-word list name that is also a folder here) and
                    // this one does not fingerprint is no file the stage reads: the stages themselves are compared apart
                    Map<?, ?> comparable = FILES.equals(key) ? was : was.entrySet().stream().filter(e -> files.containsKey(e.getKey()))
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                    compareFiles(FILES.equals(key) ? "model." : "", files, comparable, c.differences);
                }
            } else if (now instanceof Map<?, ?> section && before instanceof Map<?, ?> was) {
                Set<Object> names = new LinkedHashSet<>(was.keySet());
                names.addAll(section.keySet());
                if ("data".equals(key)) {
                    names.remove(TEST); // checkpoints written before the test split was left out still have it
                }
                if (INPUT.equals(key) && !was.containsKey(TrainingInput.LANGUAGE)) {
                    names.remove(TrainingInput.LANGUAGE); // a checkpoint from before the language was recorded: continued as before
                }
                boolean data = "data".equals(key);
                // the same files read from another path (the data moved, another working directory) are the same data
                names.forEach(name -> describe(key + "." + name, data ? contents(was.get(name)) : was.get(name),
                        data ? contents(section.get(name)) : section.get(name), c.differences));
            } else {
                describe(String.valueOf(key), before, now, c.differences);
            }
        }
        return c;
    }

    private void compareOptions(String section, Map<?, ?> now, Map<?, ?> was, Comparison c) {
        Set<Object> names = new LinkedHashSet<>(was.keySet());
        names.addAll(now.keySet());
        for (Object name : names) {
            String key = section + "." + name;
            Object first = firstDefaults.get(key);
            if (!was.containsKey(name) && first != null) {
                if (first.equals(now.get(name))) {
                    c.added.add(key);
                } else {
                    c.differences.add(key + ": " + shown(now.get(name)) + " here; the checkpoint predates the option and ran as "
                            + shown(first) + " (--set " + key + "=" + first + " continues it)");
                }
            } else if (!was.containsKey(name)) {
                if (unset.contains(key)) {
                    c.added.add(key);
                } else {
                    c.differences.add(key + ": set to " + shown(now.get(name)) + " here; the checkpoint predates the option");
                }
            } else if (!now.containsKey(name)) {
                c.differences.add(key + ": " + shown(was.get(name)) + " in the checkpoint; this version has no such option");
            } else if (first != null && unset.contains(key) && !Objects.equals(was.get(name), now.get(name))
                    && Objects.equals(Checkpoints.numbersByValue(first), was.get(name))) {
                // left at its default, whose value this version changed: the checkpoint ran at the earlier one
                c.differences.add(key + ": the checkpoint ran with the earlier default " + shown(first) + ", this version's is "
                        + shown(now.get(name)) + " (--set " + key + "=" + first + " continues it)");
            } else {
                describe(key, was.get(name), now.get(name), c.differences);
            }
        }
    }

    private static void compareFiles(String prefix, Map<?, ?> now, Map<?, ?> was, List<String> differences) {
        Set<Object> names = new LinkedHashSet<>(was.keySet());
        names.addAll(now.keySet());
        for (Object name : names) {
            if (!Objects.equals(was.get(name), now.get(name))) {
                differences.add(prefix + name + ": the contents of " + files(now.get(name), was.get(name))
                        + " differ from the checkpoint's (edited or replaced since it was written)");
            }
        }
    }

    /** A data split's fingerprint without the paths it was read from: sizes and hashes, in order. */
    private static Object contents(Object fingerprint) {
        if (!(fingerprint instanceof List<?> entries)) {
            return fingerprint;
        }
        return entries.stream().map(e -> {
            if (!(e instanceof Map<?, ?> m)) {
                return e;
            }
            Map<Object, Object> kept = new LinkedHashMap<>(m);
            kept.remove("path");
            return kept;
        }).toList();
    }

    /** The paths of a file fingerprint, or of the other one when this one is absent. */
    private static String files(Object fingerprint, Object otherwise) {
        Object f = fingerprint != null ? fingerprint : otherwise;
        if (!(f instanceof List<?> entries)) {
            return "its files";
        }
        return entries.stream().map(e -> e instanceof Map<?, ?> m ? String.valueOf(m.get("path")) : String.valueOf(e)).distinct()
                .collect(Collectors.joining(", "));
    }

    /** Adds a line for {@code label} when its values differ: both values when they are plain, else that it differs. */
    private static void describe(String label, Object before, Object now, List<String> differences) {
        if (Objects.equals(before, now)) {
            return;
        }
        differences.add(plain(before) && plain(now) ? label + ": " + shown(before) + " in the checkpoint, " + shown(now) + " here"
                : label + " differs (files, their contents or nested settings)");
    }

    private static boolean plain(Object value) {
        return !(value instanceof Map) && !(value instanceof List<?> l && l.stream().anyMatch(e -> e instanceof Map || e instanceof List));
    }

    /** A value as the YAML would give it: whole numbers without the ".0" they carry as doubles; "none" for an absent one. */
    private static String shown(Object value) {
        if (value == null) {
            return "none";
        }
        Object plain = value instanceof Double d && d == Math.rint(d) && !d.isInfinite() ? (Object) d.longValue() : value;
        return plain instanceof List<?> l ? l.stream().map(RunConfiguration::shown).toList().toString() : String.valueOf(plain);
    }
}
