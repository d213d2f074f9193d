package dev.nlpipe.core;

import dev.nlpipe.core.config.ConfigErrors;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.FormatChecks;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.OutputConfig;
import dev.nlpipe.core.config.StageChecks;
import dev.nlpipe.core.config.StageConfig;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.io.WriterProvider;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.core.stage.ConfiguredStage;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns stage entries into processors, checking — before any document is read — that every type
 * exists, every option is valid, every model directory exists, that each stage's required layers
 * are provided by the input or an earlier stage, and the output format's by the input or a stage.
 */
final class StageAssembler {
    private StageAssembler() {
    }

    /** The built stages and the layers documents carry after them ({@code null} when unknown). */
    record Assembled(List<ConfiguredStage> stages, Set<Layer> layersOut) {
    }

    /**
     * @param entries the stage entries
     * @param inputLayers layers the input provides, or {@code null} when unknown (then the wiring
     *     check starts trusting documents and only checks what later stages need from earlier ones)
     * @param output the output section whose format's required layers are checked, or {@code null}
     * @param components the registries
     */
    static Assembled assemble(List<StageConfig> entries, Set<Layer> inputLayers, OutputConfig output, Components components) {
        ConfigErrors errors = new ConfigErrors();
        List<StageChecks.Checked> checked = StageChecks.check(entries, components, errors);
        errors.throwIfAny();
        List<StageProvider> providers = checked.stream().map(StageChecks.Checked::provider).toList();
        List<Options> options = checked.stream().map(StageChecks.Checked::options).toList();
        ModelTokenizers.check(entries, providers, options);
        checkVectorNames(entries, providers, options);
        Set<Layer> layersOut = checkWiring(entries, providers, options, inputLayers, components);
        checkOutput(output, layersOut, components);
        List<ConfiguredStage> built = new ArrayList<>();
        try {
            for (int i = 0; i < entries.size(); i++) {
                StageConfig e = entries.get(i);
                StageContext ctx = new StageContext(e.id(), e.type(), options.get(i), e.model(), e.location(), e.modelLocation());
                Processor processor = providers.get(i).create(ctx);
                built.add(new ConfiguredStage(e.id(), e.type(), processor));
            }
        } catch (RuntimeException ex) {
            throw ConfiguredStage.closeAll(built, ex);
        }
        return new Assembled(built, layersOut);
    }

    /**
     * Refuses a stage whose vector takes the name of an earlier stage's: it would replace that
     * vector in every document without a word (a word and a character TF-IDF, both {@code tfidf}).
     */
    private static void checkVectorNames(List<StageConfig> entries, List<StageProvider> providers, List<Options> options) {
        java.util.Map<String, String> writers = new java.util.HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Options o = options.get(i);
            if (o.declares("name") && providers.get(i).provides(o).contains(Layer.VECTORS)) {
                String name = o.getString("name");
                String earlier = writers.putIfAbsent(name, entries.get(i).id());
                if (earlier != null) {
                    throw o.error("name", "stage '" + entries.get(i).id() + "' would write its vector as '" + name + "', replacing stage '"
                            + earlier + "''s; give one of them a name of its own (with: { name: " + name + "_" + (i + 1) + " })");
                }
            }
        }
    }

    private static Set<Layer> checkWiring(List<StageConfig> entries, List<StageProvider> providers, List<Options> options,
                                          Set<Layer> inputLayers, Components components) {
        if (inputLayers == null) {
            return null;
        }
        Set<Layer> available = EnumSet.noneOf(Layer.class);
        available.addAll(inputLayers);
        for (int i = 0; i < entries.size(); i++) {
            for (Layer need : providers.get(i).requires(options.get(i), entries.get(i).model())) {
                if (!available.contains(need)) {
                    String own = ModelTokenizers.ownStages(entries.get(i), providers.get(i), options.get(i));
                    String instead = providers.get(i).withoutLayer(need);
                    throw new ConfigException(entries.get(i).location(), "stage '" + entries.get(i).id() + "' needs the '"
                            + need.key() + "' layer, which neither the input nor an earlier stage provides; "
                            + (own != null ? own : "add " + providersOf(need, components) + " before it")
                            + (instead != null ? ", or " + instead : ""));
                }
            }
            available.addAll(providers.get(i).provides(options.get(i)));
        }
        return available;
    }

    /**
     * Refuses an output format that needs a layer documents will not carry (conll without tokens):
     * each document would otherwise become a bad record and the run publish an empty file.
     */
    private static void checkOutput(OutputConfig output, Set<Layer> layersOut, Components components) {
        if (output == null || layersOut == null) {
            return;
        }
        WriterProvider writer = components.writers().get(output.format(), output.location());
        for (Layer need : writer.requires(FormatChecks.writerOptions(output, writer))) {
            if (!layersOut.contains(need)) {
                throw new ConfigException(output.location(), "output format '" + output.format() + "' needs the '" + need.key()
                        + "' layer, which neither the input nor a stage provides; add " + providersOf(need, components)
                        + " to the stages, or choose an output format that does without it (jsonl, text)");
            }
        }
    }

    /** "one of a, b, c" for the stages that make a layer with their default options (not those that only edit it). */
    static String providersOf(Layer layer, Components components) {
        List<String> names = new ArrayList<>();
        for (StageProvider p : components.stages().all()) {
            try {
                if (p.creates(layer, Options.validate("stage '" + p.name() + "'", null, Location.NONE, p.options()))) {
                    names.add(p.name());
                }
            } catch (ConfigException ignored) {
                // a stage with required options cannot be asked with defaults
            }
        }
        return names.isEmpty() ? "a stage that provides it" : "a stage that provides it (" + String.join(", ", names) + ")";
    }
}
