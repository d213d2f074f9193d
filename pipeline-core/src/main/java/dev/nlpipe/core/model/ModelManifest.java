package dev.nlpipe.core.model;

import dev.nlpipe.core.doc.DocumentJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SHA-256 and size of every file of a model, recorded in its {@code model.json} under
 * {@value #KEY} when the directory is finished and checked when it is read. A vocabulary cut in
 * the middle or a weights file with bytes appended then fails to load, naming the file, instead of
 * loading and giving wrong results.
 *
 * <p>Hashing costs one read of each file per process (about half a second for a 90 MB
 * BERT weights file); a file whose size and modification time have not changed since it was
 * checked is not hashed again, so the several readers of one model share one check.
 */
public final class ModelManifest {
    /** The key in {@code model.json}: file name (relative, '/'-separated) → {@code {sha256, size}}. */
    public static final String KEY = "checksums";

    private static final Logger LOG = LoggerFactory.getLogger(ModelManifest.class);
    /** Files already checked in this process, so a model read by several loaders is hashed once. */
    private static final Set<String> VERIFIED = ConcurrentHashMap.newKeySet();
    /** Old models already warned about, so the warning is given once per model. */
    private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

    private ModelManifest() {
    }

    /**
     * Records the checksums of a finished model directory: every {@code model.json} under
     * {@code dir} (nested models first, so an outer model also covers its nested ones' records)
     * gets the SHA-256 and size of every other file below it.
     */
    public static void seal(Path dir) throws IOException {
        List<Path> metas;
        try (Stream<Path> walk = Files.walk(dir)) {
            metas = walk.filter(p -> p.getFileName().toString().equals(ModelDir.MODEL_JSON) && Files.isRegularFile(p))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
        }
        for (Path json : metas) {
            Path modelDir = json.getParent();
            @SuppressWarnings("unchecked")
            Map<String, Object> values = DocumentJson.mapper().readValue(json.toFile(), LinkedHashMap.class);
            values.remove(KEY);
            values.put(KEY, describe(modelDir));
            ModelDir.writeJson(json, values);
        }
    }

    private static Map<String, Object> describe(Path modelDir) throws IOException {
        Map<String, Object> files = new TreeMap<>();
        List<Path> all;
        try (Stream<Path> walk = Files.walk(modelDir)) {
            all = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : all) {
            if (!f.equals(modelDir.resolve(ModelDir.MODEL_JSON))) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("sha256", Provenance.sha256(f));
                entry.put("size", Files.size(f));
                files.put(ModelFiles.relativeName(modelDir, f), entry);
            }
        }
        return files;
    }

    /**
     * Checks a model directory against its recorded checksums, and that no symbolic link in it
     * leads outside. A model written before checksums were recorded loads with one warning.
     *
     * @throws ModelException naming the file and what differs (missing, size, content)
     */
    static void verify(Path dir, ModelMeta meta) {
        ModelFiles.checkLinks(dir);
        Object recorded = meta.get(KEY);
        if (recorded == null) {
            if (!ModelDirWriter.isBeingBuilt(dir) && WARNED.add(dir.toAbsolutePath().normalize())) {
                LOG.warn("model {} records no checksums of its files (written by an older nlpipe), so damage to them cannot be "
                        + "detected; train it again with this version to add them", dir);
            }
            return;
        }
        if (!(recorded instanceof Map<?, ?> files)) {
            throw new ModelException(dir, "has a damaged " + ModelDir.MODEL_JSON + ": '" + KEY + "' must map file names to {sha256, size}");
        }
        for (Map.Entry<?, ?> e : files.entrySet()) {
            String name = String.valueOf(e.getKey());
            Path file = ModelFiles.resolve(dir, name, KEY);
            if (!(e.getValue() instanceof Map<?, ?> want) || !(want.get("size") instanceof Number size)
                    || !(want.get("sha256") instanceof String sha)) {
                throw new ModelException(dir, "has a damaged " + ModelDir.MODEL_JSON + ": its '" + KEY + "' entry for " + name + " needs 'sha256' and 'size'");
            }
            check(dir, name, file, size.longValue(), sha);
        }
    }

    private static void check(Path dir, String name, Path file, long size, String sha) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new ModelException(dir, "is missing " + name + ", which its " + ModelDir.MODEL_JSON
                        + " lists; the directory is incomplete (copy the whole model again)");
            }
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (attrs.size() != size) {
                throw new ModelException(dir, "has " + name + " of " + attrs.size() + " bytes, but " + ModelDir.MODEL_JSON + " records "
                        + size + " bytes; the file was cut short or changed (copy the model again)");
            }
            String key = file.toRealPath() + "|" + attrs.size() + "|" + attrs.lastModifiedTime().toMillis() + "|" + sha;
            if (VERIFIED.contains(key)) {
                return;
            }
            String actual = Provenance.sha256(file);
            if (!actual.equalsIgnoreCase(sha)) {
                throw new ModelException(dir, "has " + name + " with SHA-256 " + actual + ", but " + ModelDir.MODEL_JSON + " records "
                        + sha + "; the file is damaged or was changed (copy the model again)");
            }
            VERIFIED.add(key);
        } catch (IOException e) {
            throw new ModelException(dir, "cannot read " + name + " to check it: " + e.getMessage());
        }
    }
}
