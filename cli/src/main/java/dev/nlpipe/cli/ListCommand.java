package dev.nlpipe.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Suggest;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.io.WriterProvider;
import dev.nlpipe.core.model.ModelKind;
import dev.nlpipe.core.model.TrainerProvider;
import dev.nlpipe.core.model.TrainingExample;
import dev.nlpipe.core.stage.Component;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.core.stage.StageProvider;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nlpipe list}: every registered stage (or format, training task, model kind) with its options. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List registered stages (default), input/output formats, training tasks or model kinds, with their options;"
                + " or one of them in detail, with an example.",
                "",
                "  nlpipe list                 every stage, one line each, with its options",
                "  nlpipe list segment.hanlp   one stage: options, layers it needs and adds, an example",
                ""})
public final class ListCommand implements Callable<Integer> {

    /** What to list. */
    enum What { stages, formats, tasks, kinds, all }

    @Parameters(index = "0", arity = "0..1", paramLabel = "WHAT", defaultValue = "stages",
            description = "stages, formats, tasks, kinds or all (default: ${DEFAULT-VALUE}), or the name of one stage, format, task or kind")
    String what;

    @Option(names = "--json", description = "print a JSON array (one object per component, with a 'kind')")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Components c = Components.get();
        PrintWriter out = spec.commandLine().getOut();
        What what;
        try {
            what = What.valueOf(this.what);
        } catch (IllegalArgumentException notAGroup) {
            return showOne(c, out);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        if (what == What.stages || what == What.all) {
            c.stages().all().forEach(s -> items.add(describe(s)));
        }
        if (what == What.formats || what == What.all) {
            c.readers().all().forEach(r -> items.add(describe(r)));
            c.writers().all().forEach(w -> items.add(describe(w)));
        }
        if (what == What.tasks || what == What.all) {
            c.trainers().all().forEach(t -> items.add(describe(t)));
        }
        if (what == What.kinds || what == What.all) {
            c.kinds().all().forEach(k -> items.add(describe(k)));
        }
        print(items, out);
        return ExitCodes.OK;
    }

    private void print(List<Map<String, Object>> items, PrintWriter out) throws java.io.IOException {
        if (json) {
            out.println(DocumentJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(items));
        } else {
            printHuman(items, out);
        }
        out.flush();
    }

    /** One named component in detail: everything {@code list} prints for it, plus an example of its use. */
    private int showOne(Components c, PrintWriter out) throws java.io.IOException {
        List<Component> all = new ArrayList<>();
        all.addAll(c.stages().all());
        all.addAll(c.readers().all());
        all.addAll(c.writers().all());
        all.addAll(c.trainers().all());
        all.addAll(c.kinds().all());
        // a name may be both a stage and a task (vectorize.tfidf): show each
        List<Component> found = all.stream().filter(comp -> comp.name().equals(what)).toList();
        if (found.isEmpty()) {
            List<String> names = all.stream().map(Component::name).distinct().toList();
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "nothing is registered as '" + what + "'"
                    + Suggest.didYouMean(what, names) + dev.nlpipe.core.model.ModuleHints.forMissing(what, names)
                    + "; give stages, formats, tasks, kinds or all, or one of the names they list");
        }
        List<Map<String, Object>> items = found.stream().map(ListCommand::describe).toList();
        print(items, out);
        if (!json) {
            for (Component comp : found) {
                out.print(example(comp));
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** A YAML (and, where one exists, a one-line command) example of using {@code comp}. */
    static String example(Component comp) {
        StringBuilder b = new StringBuilder("\n  example:\n");
        switch (comp) {
            case StageProvider s -> {
                b.append("    stages:\n      - type: ").append(s.name()).append('\n');
                if (s.modelUse() != dev.nlpipe.core.stage.ModelUse.NONE) {
                    b.append("        model: models/MY_MODEL        # a directory written by `nlpipe train`\n");
                }
                // the options it cannot run without first (augment.embedding's vectors), then two defaults
                List<String> shown = new ArrayList<>(s.options().stream().filter(OptionSpec::required)
                        .map(o -> o.name() + ": " + placeholder(o)).toList());
                boolean required = !shown.isEmpty();
                s.options().stream().filter(o -> !o.required() && o.defaultValue() != null).limit(2)
                        .forEach(o -> shown.add(o.name() + ": " + yamlValue(o.defaultValue())));
                if (!shown.isEmpty()) {
                    b.append("        with: { ").append(String.join(", ", shown)).append(" }   # ")
                            .append(required ? "the required options, then defaults" : "the defaults").append('\n');
                }
                String oneLiner = switch (s.name()) {
                    case "segment", "segment.hanlp", "tokenize.lucene", "tokenize.regex" ->
                            "echo 姚明在NBA打篮球 | nlpipe segment" + (s.name().equals("segment") ? "" : " --stage " + s.name());
                    case "ner" -> "echo 姚明在NBA打篮球 | nlpipe tag --model models/MY_NER_MODEL";
                    case "classify" -> "echo 这家酒店很干净 | nlpipe classify --model models/MY_CLASSIFIER";
                    default -> null;
                };
                if (oneLiner != null) {
                    b.append("  or, without a pipeline file:\n    ").append(oneLiner).append('\n');
                }
            }
            case ReaderProvider r -> b.append("    input: { path: corpus/, format: ").append(r.name()).append(" }\n");
            case WriterProvider w -> b.append("    output: { path: out/result.").append(w.extension()).append(", format: ")
                    .append(w.name()).append(" }\n");
            case TrainerProvider t -> b.append(TrainingExample.of(t, "    "))
                    .append("  then: nlpipe train CONFIG.yaml --output models/MY_MODEL\n");
            case ModelKind<?> k -> b.append("    (model.json's kind").append(k.type() == dev.nlpipe.core.model.Tagger.class
                    ? "; the ner stage loads it by this name" : k.type() == dev.nlpipe.core.model.TextClassifier.class
                    ? "; the classify stage loads it by this name" : "").append(")\n");
            default -> { }
        }
        return b.toString();
    }

    /** What stands for a required option's value in an example: {@code FILE} for a path, the type's name otherwise. */
    private static String placeholder(OptionSpec o) {
        return switch (o.type()) {
            case PATH -> "FILE";
            case PATH_LIST -> "[FILE]";
            default -> o.type().display().toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
        };
    }

    private static String yamlValue(Object v) {
        return v instanceof String str ? (str.isEmpty() ? "\"\"" : str) : String.valueOf(v);
    }

    static Map<String, Object> describe(Component comp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", comp.name());
        m.put("kind", switch (comp) {
            case StageProvider s -> "stage";
            case ReaderProvider r -> "input-format";
            case WriterProvider w -> "output-format";
            case TrainerProvider t -> "task";
            case ModelKind<?> k -> "model-kind";
            default -> "component";
        });
        m.put("description", comp.description());
        if (comp instanceof ModelKind<?> k) {
            m.put("loads", k.type().getSimpleName());
            m.put("formatVersion", k.formatVersion());
            return m;
        }
        if (comp instanceof TrainerProvider t) {
            m.put("model", options(t.modelOptions()));
            m.put("train", options(t.trainOptions()));
            m.put("splits", t.requiredSplits());
            return m;
        }
        m.put("options", options(comp.options()));
        Options defaults = defaults(comp);
        if (comp instanceof StageProvider s) {
            m.put("requires", defaults == null ? List.of() : keys(s.requires(defaults)));
            m.put("provides", defaults == null ? List.of() : keys(s.provides(defaults)));
            m.put("model", s.modelUse().name().toLowerCase(java.util.Locale.ROOT));
            m.put("safeInsideModel", s.safeInsideModel());
        }
        if (comp instanceof ReaderProvider r && defaults != null) {
            m.put("provides", keys(r.provides(defaults)));
        }
        if (comp instanceof WriterProvider w) {
            m.put("extension", w.extension());
            if (defaults != null) {
                m.put("requires", keys(w.requires(defaults)));
            }
        }
        return m;
    }

    private static Options defaults(Component comp) {
        try {
            return Options.validate(comp.name(), null, Location.NONE, comp.options());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<String> keys(Set<Layer> layers) {
        return layers.stream().map(Layer::key).sorted().toList();
    }

    private static List<Map<String, Object>> options(List<OptionSpec> specs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (OptionSpec o : specs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", o.name());
            m.put("type", o.type().display());
            m.put("default", o.defaultValue() instanceof java.nio.file.Path p ? p.toString() : o.defaultValue());
            m.put("required", o.required());
            if (!o.choices().isEmpty()) {
                m.put("choices", o.choices());
            }
            m.put("description", o.description());
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void printHuman(List<Map<String, Object>> items, PrintWriter out) {
        String lastKind = "";
        for (Map<String, Object> item : items) {
            String kind = (String) item.get("kind");
            if (!kind.equals(lastKind)) {
                out.println(switch (kind) {
                    case "stage" -> "Stages (use under stages: with type: NAME)";
                    case "input-format" -> "Input formats (input: {format: NAME})";
                    case "output-format" -> "Output formats (output: {format: NAME})";
                    case "model-kind" -> "Model kinds (model.json's kind; the ner and classify stages load any kind of their type)";
                    default -> "Training tasks (task: NAME in a training file for `nlpipe train`)";
                });
                lastKind = kind;
            }
            out.printf("  %s  %s%n", item.get("name"), item.get("description"));
            if (item.get("requires") instanceof List<?> r && !r.isEmpty()) {
                out.println("      requires: " + String.join(", ", (List<String>) r));
            }
            if (item.get("provides") instanceof List<?> p && !p.isEmpty()) {
                out.println("      provides: " + String.join(", ", (List<String>) p));
            }
            if (item.get("loads") instanceof String type) {
                out.println("      loads as: " + type + ", format versions 1 to " + item.get("formatVersion"));
            }
            if (item.get("model") instanceof String model && !model.equals("none")) {
                out.println("      model: " + model);
            }
            if (Boolean.TRUE.equals(item.get("safeInsideModel"))) {
                out.println("      safe inside a model: a model may record it as preprocessing (docs/model-safety.md)");
            }
            for (String section : List.of("options", "model", "train")) {
                if (item.get(section) instanceof List<?> opts) {
                    if (!section.equals("options") && !opts.isEmpty()) {
                        out.println("      " + section + ":");
                    }
                    for (Object o : opts) {
                        Map<String, Object> om = (Map<String, Object>) o;
                        out.printf("      %s%-16s %-16s %s%s%n", section.equals("options") ? "" : "  ", om.get("name"),
                                om.get("type") + (om.get("default") != null ? " = " + om.get("default") : ""),
                                om.get("description"), Boolean.TRUE.equals(om.get("required")) ? " (required)" : "");
                    }
                }
            }
        }
    }
}
