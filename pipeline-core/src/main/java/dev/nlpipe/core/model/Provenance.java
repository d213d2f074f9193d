package dev.nlpipe.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nlpipe.core.Version;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.InputFiles;
import dev.nlpipe.core.io.InputSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a model was made: versions, time, and a fingerprint of the data it was trained on. */
public final class Provenance {
    private Provenance() {
    }

    static void addTo(ModelMeta m) {
        m.put("createdAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("nlpipe", Version.get());
        versions.put("java", System.getProperty("java.version"));
        m.put("versions", versions);
    }

    /** Adds a library's version (read from its jar manifest) to the record, e.g. DJL or HanLP. */
    public static void addLibrary(ModelMeta m, String name, Class<?> anyClassOfIt) {
        String v = anyClassOfIt.getPackage() == null ? null : anyClassOfIt.getPackage().getImplementationVersion();
        addVersions(m, Map.of(name, v == null ? "unknown" : v));
    }

    /** Adds library versions to the record's {@code versions} map (e.g. the neural engine's DJL and PyTorch versions). */
    public static void addVersions(ModelMeta m, Map<String, ?> libraries) {
        @SuppressWarnings("unchecked")
        Map<String, Object> versions = (Map<String, Object>) m.asMap().computeIfAbsent("versions", k -> new LinkedHashMap<>());
        versions.putAll(libraries);
    }

    /**
     * A fingerprint of training data: for each file, its path, size and SHA-256, so a model can be
     * traced to the exact data that made it. A directory stands for the files a reader lists in it
     * ({@link InputFiles}: all of them, recursively, but hidden ones); pass the files a training read
     * when its glob chose among them.
     */
    public static List<Map<String, Object>> fingerprint(List<Path> paths) throws IOException {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Path p : paths) {
            for (InputSource source : InputFiles.list(p, null, true)) {
                Path f = source.path();
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("path", f.toString());
                e.put("bytes", Files.size(f));
                e.put("sha256", sha256(f));
                out.add(e);
            }
        }
        return out;
    }

    /** The SHA-256 of a file, in hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = sha256();
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        }
    }

    /**
     * A fingerprint of a configuration: the SHA-256, in hex, of its JSON form with map keys sorted,
     * so equal configurations give equal fingerprints whatever order their maps were built in.
     */
    public static String fingerprint(Object config) {
        try {
            byte[] json = DocumentJson.mapper().writer(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsBytes(config);
            return HexFormat.of().formatHex(sha256().digest(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a configuration that is not plain values: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
