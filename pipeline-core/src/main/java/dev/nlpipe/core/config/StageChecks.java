package dev.nlpipe.core.config;

import dev.nlpipe.core.io.LookedFor;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.core.stage.ModelUse;
import dev.nlpipe.core.stage.StageProvider;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of stage entries that need the registries: the type is registered, the options are
 * valid for it, and the model directory is given, exists, or is absent, as the stage requires.
 * Shared by the pipeline builder and by {@link PipelineConfig#parse}, which runs them to report a
 * file's stage errors together with its other errors.
 */
public final class StageChecks {
    private StageChecks() {
    }

    /** A stage entry that passed: its provider and its validated options. */
    public record Checked(StageProvider provider, Options options) {
    }

    /** {@link #check(List, Components, ConfigErrors)} with the installed components. */
    public static List<Checked> check(List<StageConfig> entries, ConfigErrors errors) {
        return check(entries, Components.get(), errors);
    }

    /**
     * Checks every entry, recording each error in {@code errors}.
     *
     * @return per entry, in order, its result, or {@code null} where it failed
     */
    public static List<Checked> check(List<StageConfig> entries, Components components, ConfigErrors errors) {
        List<Checked> out = new ArrayList<>();
        for (StageConfig e : entries) {
            StageProvider p = errors.collect(() -> components.stages().get(e.type(), e.location()));
            if (p == null) {
                out.add(null);
                continue;
            }
            Options o = errors.collect(() -> Options.validate("stage '" + e.id() + "'", e.with(), e.location(), p.options(),
                    setKey(entries, e)));
            boolean modelOk = errors.run(() -> checkModel(e, p));
            out.add(o != null && modelOk ? new Checked(p, o) : null);
        }
        return out;
    }

    /**
     * How {@code --set} names the stage: its id, except the first of several stages of one type
     * without ids, whose id is the bare type, which {@code --set} would find ambiguous: {@code TYPE#1}.
     */
    private static String setKey(List<StageConfig> entries, StageConfig e) {
        if (!e.id().equals(e.type())) {
            return e.id();
        }
        long unnamed = entries.stream().filter(x -> x.type().equals(e.type()) && (x.id().equals(x.type())
                || x.id().startsWith(x.type() + "#"))).count();
        return unnamed > 1 ? e.type() + "#1" : e.id();
    }

    private static void checkModel(StageConfig e, StageProvider p) {
        if (e.model() == null) {
            if (p.modelUse() == ModelUse.REQUIRED) {
                throw new ConfigException(e.location(), "stage '" + e.id() + "' needs 'model: DIR', a model directory written by "
                        + p.modelSource());
            }
            return;
        }
        if (p.modelUse() == ModelUse.NONE) {
            throw new ConfigException(e.modelLocation(), "stage '" + e.id() + "' (" + e.type() + ") takes no model; remove 'model:'");
        }
        if (!Files.isDirectory(e.model())) {
            throw new ConfigException(e.modelLocation(), "model directory not found: " + e.model() + LookedFor.from(e.model())
                    + (Files.exists(e.model()) ? " (it is a file; a model is a directory with model.json)" : "")
                    + "; make one with " + p.modelSource() + " or fix the path");
        }
    }
}
