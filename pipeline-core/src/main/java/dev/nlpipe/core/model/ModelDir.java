package dev.nlpipe.core.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reading a model directory's {@code model.json} with the checks a user needs: the directory
 * exists, it holds a model, of the expected kind, in a format version this build reads.
 */
public final class ModelDir {
    /** The description file every model directory has. */
    public static final String MODEL_JSON = "model.json";
    /** Evaluation results written at the end of training. */
    public static final String METRICS_JSON = "metrics.json";

    private ModelDir() {
    }

    /**
     * Reads and checks a model directory.
     *
     * @param dir the directory
     * @param expectedKinds the kinds the caller can load (e.g. {@code vectorize.tfidf})
     * @param maxFormatVersion the newest format version the caller reads
     * @throws ModelException saying what is wrong and how to fix it
     */
    public static ModelMeta read(Path dir, int maxFormatVersion, String... expectedKinds) {
        ModelMeta meta = read(dir);
        if (expectedKinds.length > 0 && !java.util.Arrays.asList(expectedKinds).contains(meta.kind())) {
            throw new ModelException(dir, "holds a '" + meta.kind() + "' model, but this needs " + String.join(" or ", expectedKinds));
        }
        checkFormat(dir, meta, maxFormatVersion);
        return meta;
    }

    /**
     * Reads a model directory's {@code model.json}, checking that it is one, names its kind, and
     * that its files match the checksums it records (see {@link ModelManifest}) with no symbolic
     * link leading outside it.
     *
     * @throws ModelException saying what is wrong and how to fix it
     */
    public static ModelMeta read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ModelException(dir, Files.exists(dir) ? "is a file, not a model directory" : "does not exist");
        }
        Path json = dir.resolve(MODEL_JSON);
        if (!Files.isRegularFile(json)) {
            throw new ModelException(dir, "has no " + MODEL_JSON + "; it is not a model directory written by `nlpipe train`");
        }
        Map<String, Object> values;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> v = DocumentJson.mapper().readValue(json.toFile(), LinkedHashMap.class);
            values = v;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // the parser's own message ends in a location text that names no file ("[Source: REDACTED ...]"): give file:line:column
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? json.toString() : json + ":" + at.getLineNr() + ":" + at.getColumnNr();
            String problem = e.getOriginalMessage();
            if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException && !problem.startsWith("No content")) {
                problem = "it must be one JSON object {...}"; // a list or a text at the top, said in Jackson's class names otherwise
            }
            throw new ModelException(dir, MODEL_JSON + " is not valid JSON (" + where + "): " + problem + "; was it edited or cut"
                    + " short? Copy the model again");
        } catch (IOException e) {
            throw new ModelException(dir, MODEL_JSON + " cannot be read: " + e.getMessage());
        }
        ModelMeta meta = new ModelMeta(values);
        if (meta.kind() == null) {
            throw new ModelException(dir, MODEL_JSON + (values.get("kind") == null ? " has no 'kind'" : "'s 'kind' is " + values.get("kind")
                    + ", not a name such as \"classify.linear\"") + "; was it edited? Set it back to what training wrote");
        }
        ModelManifest.verify(dir, meta);
        return meta;
    }

    /** Checks that this build reads the directory's format version. */
    static void checkFormat(Path dir, ModelMeta meta, int maxFormatVersion) {
        if (meta.formatVersion() < 1) {
            Object given = meta.get("formatVersion");
            throw new ModelException(dir, MODEL_JSON + "'s 'formatVersion' is " + (given == null ? "missing" : given instanceof String t
                    ? "\"" + t + "\"" : given) + ", not a whole number from 1 to " + maxFormatVersion + "; was it edited? Set it back to what"
                    + " training wrote, or train the model again");
        }
        if (meta.formatVersion() > maxFormatVersion) {
            throw new ModelException(dir, "has format version " + meta.formatVersion() + ", but this nlpipe reads versions 1 to "
                    + maxFormatVersion + "; upgrade nlpipe");
        }
    }

    /** Writes {@code model.json} (pretty-printed) into a directory being built. */
    public static void writeMeta(Path dir, ModelMeta meta) throws IOException {
        writeJson(dir.resolve(MODEL_JSON), meta.asMap());
    }

    /**
     * Writes a JSON file, pretty-printed, atomically (a reader never sees half of it, an interrupted
     * write leaves the old file), creating its parent directories: also for files outside a model
     * directory, such as {@code --metrics} and {@code --json} reports.
     */
    public static void writeJson(Path file, Object value) throws IOException {
        try (AtomicFile out = AtomicFile.create(file)) {
            DocumentJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out.stream(), value);
            out.commit();
        }
    }
}
