package dev.nlpipe.spark;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Node;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.PlainNodes;
import dev.nlpipe.core.config.StageConfig;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.Provenance;
import dev.nlpipe.core.run.OnError;
import dev.nlpipe.core.run.RunOptions;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages of a pipeline in a form that travels to Spark executors. {@link PipelineConfig} holds
 * located YAML nodes, which are not serializable; this holds the same stages as plain values, so an
 * executor rebuilds exactly the pipeline the driver checked. Model directories are named by
 * absolute path (read there on a shared file system or the same path on every worker, else from a
 * directory of the same name shipped with {@code --archives}, see {@link ShippedModels}) together
 * with a checksum of their {@code model.json}, so a worker that holds another model fails with a
 * clear message instead of producing different output.
 */
public final class PipelineSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final OnError onError;
    private final int batchSize;
    private final ArrayList<LinkedHashMap<String, Object>> stages;
    private final LinkedHashMap<String, String> modelChecksums;
    private final String fingerprint;

    private PipelineSpec(String name, OnError onError, int batchSize, ArrayList<LinkedHashMap<String, Object>> stages,
                         LinkedHashMap<String, String> modelChecksums) {
        this.name = name;
        this.onError = onError;
        this.batchSize = batchSize;
        this.stages = stages;
        this.modelChecksums = modelChecksums;
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("name", name);
        all.put("stages", stages);
        all.put("models", modelChecksums);
        this.fingerprint = Provenance.fingerprint(all);
    }

    /**
     * The stages, error policy and batch size of a checked configuration. Call it after
     * {@link Pipeline#fromConfig} succeeded on the driver: the spec itself checks nothing but
     * that the model directories can be read.
     */
    public static PipelineSpec of(PipelineConfig config) {
        ArrayList<LinkedHashMap<String, Object>> stages = new ArrayList<>();
        LinkedHashMap<String, String> checksums = new LinkedHashMap<>();
        for (StageConfig s : config.stages()) {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("type", s.type());
            m.put("with", s.with() == null ? null : s.with().toPlain());
            if (s.model() != null) {
                String dir = s.model().toAbsolutePath().normalize().toString();
                m.put("model", dir);
                // The spec names the directory as written; its checksum is that of the copy this driver reads.
                checksums.put(dir, modelChecksum(ShippedModels.locate(Path.of(dir)), s.modelLocation()));
            }
            stages.add(m);
        }
        OnError onError = "fail".equals(config.onError()) ? OnError.FAIL : OnError.SKIP;
        int batch = config.batchSize() > 0 ? config.batchSize() : RunOptions.DEFAULT_BATCH;
        return new PipelineSpec(config.name(), onError, batch, stages, checksums);
    }

    /** The pipeline's name. */
    public String name() {
        return name;
    }

    /** What a bad record does. */
    public OnError onError() {
        return onError;
    }

    /** Documents per batch handed to the stages. */
    public int batchSize() {
        return batchSize;
    }

    /** A SHA-256 over the stages, their options, and their models' checksums: equal specs build equal pipelines. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Builds the pipeline on this JVM, after checking that its model directories are the driver's.
     * A directory missing at the driver's path is looked up among the files shipped with the job
     * ({@link ShippedModels}).
     */
    @SuppressWarnings("unchecked")
    Pipeline build() {
        Map<String, Path> located = new LinkedHashMap<>();
        modelChecksums.forEach((dir, expected) -> {
            Path here = ShippedModels.locate(Path.of(dir));
            String actual = modelChecksum(here, new Location(dir, 1, 1));
            if (!actual.equals(expected)) {
                throw new IllegalStateException("model directory " + here + (here.toString().equals(dir) ? "" : " (shipped for " + dir + ")")
                        + " on this worker differs from the driver's (model.json checksum " + actual + ", expected " + expected
                        + "); put the same model at that path on every worker, on a shared file system, or ship it with --archives");
            }
            located.put(dir, here);
        });
        List<StageConfig> configs = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Map<String, Object> m = stages.get(i);
            Location at = new Location("stage " + (i + 1) + " (" + m.get("type") + ")", i + 1, 1);
            Object with = m.get("with");
            Node.MapNode options = with == null ? null : (Node.MapNode) PlainNodes.toNode((Map<String, Object>) with, at);
            Object model = m.get("model");
            configs.add(new StageConfig((String) m.get("id"), (String) m.get("type"), options,
                    model == null ? null : located.get((String) model), at, at));
        }
        // The driver checked the wiring against the input's layers; here the documents are trusted.
        return Pipeline.ofStages(name, configs, null);
    }

    private static String modelChecksum(Path dir, Location at) {
        Path json = dir.resolve(ModelDir.MODEL_JSON);
        if (!Files.isRegularFile(json)) {
            throw new ConfigException(at, "model directory " + dir + " has no " + ModelDir.MODEL_JSON
                    + " on this machine; Spark workers read models from the same path (a shared file system) or from a directory"
                    + " of the same name shipped with the job (--archives " + dir.getFileName() + ".zip#" + dir.getFileName() + ")");
        }
        try {
            return Provenance.sha256(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json, e);
        }
    }
}
