package dev.nlpipe.cli.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nlpipe.core.config.InputConfig;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.OutputConfig;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.StageConfig;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.stage.Components;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A hash of everything in a pipeline configuration that decides what its outputs contain: each
 * stage's type and options with defaults filled in, its model directory's {@code model.json} and
 * file sizes, the input format and its options, the output format and its options, and
 * {@code onError}. Paths, names, thread counts and batch sizes are left out, so moving the input,
 * renaming the pipeline or adding threads reprocesses nothing; retraining a model, changing an
 * option or a default reprocesses everything.
 */
public final class ConfigFingerprint {
    private ConfigFingerprint() {
    }

    /** The hash (SHA-256, hex) of a configuration whose sections have already been checked. */
    public static String of(PipelineConfig cfg, InputConfig in, OutputConfig out) {
        Components c = Components.get();
        Map<String, Object> canon = new LinkedHashMap<>();
        List<Map<String, Object>> stages = new ArrayList<>();
        for (StageConfig s : cfg.stages()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("type", s.type());
            m.put("options", Options.validate("stage '" + s.id() + "'", s.with(), s.location(),
                    c.stages().get(s.type(), s.location()).options()).asMap());
            if (s.model() != null) {
                m.put("model", modelFingerprint(s.model()));
            }
            stages.add(m);
        }
        canon.put("stages", stages);
        canon.put("input", Map.of("format", in.format(),
                "options", Options.validate("input format '" + in.format() + "'", in.formatOptions(), in.location(),
                        c.readers().get(in.format(), in.location()).options()).asMap(),
                "language", String.valueOf(in.language()), "maxLineLength", in.maxLineLength()));
        canon.put("output", Map.of("format", out.format(),
                "options", Options.validate("output format '" + out.format() + "'", out.formatOptions(), out.location(),
                        c.writers().get(out.format(), out.location()).options()).asMap()));
        canon.put("onError", cfg.onError());
        try {
            byte[] json = DocumentJson.mapper().writer(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsBytes(canon);
            return FileHasher.sha256(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the configuration fingerprint", e);
        }
    }

    /** {@code model.json}'s hash plus every file's name and size: retraining changes it, copying the directory does not. */
    private static Map<String, Object> modelFingerprint(Path dir) {
        Map<String, Object> m = new TreeMap<>();
        try {
            Path meta = dir.resolve("model.json");
            if (Files.isRegularFile(meta)) {
                m.put("model.json", FileHasher.sha256(meta));
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    m.put(dir.relativize(f).toString(), Files.size(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model directory " + dir, e);
        }
        return m;
    }

    /** The first 12 hex digits, for logs. */
    public static String shortForm(String hash) {
        return hash == null ? "-" : hash.substring(0, Math.min(12, hash.length()));
    }
}
