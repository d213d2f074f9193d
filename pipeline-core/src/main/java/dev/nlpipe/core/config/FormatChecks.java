package dev.nlpipe.core.config;

import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.io.LookedFor;
import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.io.WriterProvider;
import dev.nlpipe.core.stage.Components;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The checks of a pipeline's input and output sections that need no document: the input exists,
 * the formats are known and their options valid. A file with other mistakes (a mistyped top-level
 * key) reports these with them, so every mistake is said in one run.
 */
public final class FormatChecks {
    private FormatChecks() {
    }

    /**
     * Checks the input and output formats and their options into {@code errors}.
     *
     * @return the layers the input brings, or {@code null} when unknown (no input section, a reader
     *     that may bring any, or a mistake in the section)
     */
    public static Set<Layer> check(InputConfig in, OutputConfig out, Components components, ConfigErrors errors) {
        Set<Layer> inputLayers = null;
        if (in != null) {
            inputLayers = errors.collect(() -> {
                ReaderProvider reader = components.readers().get(in.format(), in.location());
                Options readerOptions = readerOptions(in, reader);
                return reader.mayProvideAnyLayer() ? null : reader.provides(readerOptions);
            });
        }
        if (out != null) {
            errors.run(() -> writerOptions(out, components.writers().get(out.format(), out.location())));
        }
        return inputLayers;
    }

    /** The input section's format options, checked against what {@code reader} declares. */
    public static Options readerOptions(InputConfig in, ReaderProvider reader) {
        return Options.validate("input format '" + in.format() + "'", in.formatOptions(), in.location(), reader.options(), "input",
                InputConfig.COMMON_KEYS);
    }

    /** The output section's format options, checked against what {@code writer} declares. */
    public static Options writerOptions(OutputConfig out, WriterProvider writer) {
        return Options.validate("output format '" + out.format() + "'", out.formatOptions(), out.location(), writer.options(),
                "output", OutputConfig.COMMON_KEYS);
    }

    /** Refuses an input path that does not exist or cannot be read ({@code -}, standard input, passes). */
    public static void checkReadable(InputConfig in) {
        Path p = in.path();
        if (p.toString().equals("-")) {
            return;
        }
        if (!Files.exists(p)) {
            throw new ConfigException(in.pathLocation(), "input not found: " + p + LookedFor.from(p));
        }
        if (!Files.isReadable(p)) {
            throw new ConfigException(in.pathLocation(), "input not readable: " + p + " (check its permissions)");
        }
    }
}
