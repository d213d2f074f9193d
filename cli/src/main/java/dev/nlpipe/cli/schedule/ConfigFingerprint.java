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
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A hash of everything in a pipeline configuration that decides what its outputs contain: each
 * stage's type and options with defaults filled in, the contents of the files its options name
 * (dictionaries, word lists), its model directory's {@code model.json} and file sizes, the input format and its options, the output format and its options, and
 * {@code onError}. Paths, names, thread counts and batch sizes are left out, so moving the input,
 * renaming the pipeline or adding threads reprocesses nothing; retraining a model, changing an
 * option or a default reprocesses everything.
 */
public final class ConfigFingerprint {
    /** Option files' hashes by absolute path, with the size and modification time they were taken at. */
    private static final Map<Path, Stamped> HASHES = new ConcurrentHashMap<>();
    private static final Duration RACY = Duration.ofSeconds(2);

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
            Options options = Options.validate("stage '" + s.id() + "'", s.with(), s.location(),
                    c.stages().get(s.type(), s.location()).options());
            m.put("options", options.asMap());
            m.put("files", optionFiles(options));
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

    /**
     * The files and directories stage options name (user dictionaries, word lists, vectors): a file
     * by its contents, so editing a dictionary in place counts as a change; a directory as a model
     * directory.
     */
    private static Map<String, Object> optionFiles(Options options) {
        Map<String, Object> out = new TreeMap<>();
        options.namedFiles().forEach((name, paths) -> {
            List<Object> each = new ArrayList<>();
            for (Path p : paths) {
                each.add(Files.isDirectory(p) ? modelFingerprint(p) : contentHash(p));
            }
            out.put(name, each);
        });
        return out;
    }

    /** A file's SHA-256, hashed again only when its size or modification time changes (the fingerprint is taken every tick). */
    private static String contentHash(Path file) {
        try {
            Path key = file.toAbsolutePath().normalize();
            BasicFileAttributes a = Files.readAttributes(key, BasicFileAttributes.class);
            Stamped known = HASHES.get(key);
            if (known != null && known.size() == a.size() && known.modified().equals(a.lastModifiedTime())) {
                return known.sha256();
            }
            String sha = FileHasher.sha256(key);
            // a file modified just now may change again within the clock's resolution and keep its time (git's
            // "racily clean" case): such a hash is not reused
            if (a.lastModifiedTime().toInstant().isBefore(Instant.now().minus(RACY))) {
                HASHES.put(key, new Stamped(a.size(), a.lastModifiedTime(), sha));
            }
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ", named by a stage option", e);
        }
    }

    private record Stamped(long size, FileTime modified, String sha256) {
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
