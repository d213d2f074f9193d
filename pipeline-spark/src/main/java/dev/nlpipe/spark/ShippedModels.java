package dev.nlpipe.spark;

import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.StageConfig;
import dev.nlpipe.core.model.ModelDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;

/**
 * Where an executor finds a model directory the driver named. The driver's absolute path comes
 * first (a shared file system, or the same path on every node); when it holds no
 * {@code model.json} here, the directory of the same name shipped with the job is used:
 * {@code --archives models/ner.zip#ner} unpacks to {@code SparkFiles.get("ner")}, and a directory
 * added with {@code SparkContext.addFile(dir, true)} lands there too. An archive made with
 * {@code zip -r ner.zip ner} holds the directory itself, so {@code SparkFiles.get("ner")/ner} is
 * tried as well. The driver looks the same way (in cluster deploy mode the model may exist only in
 * what was shipped), and the executors compare the {@code model.json} checksum with the driver's, so
 * a stale or different copy is refused, not used.
 */
final class ShippedModels {
    private ShippedModels() {
    }

    /** The directory to load for the driver's {@code dir}: that path when it holds a model, else a shipped copy, else {@code dir}. */
    static Path locate(Path dir) {
        if (hasModel(dir) || dir.getFileName() == null) {
            return dir;
        }
        Path shipped = shipped(dir.getFileName().toString());
        if (shipped != null) {
            for (Path candidate : List.of(shipped, shipped.resolve(dir.getFileName().toString()))) {
                if (hasModel(candidate)) {
                    return candidate;
                }
            }
        }
        return dir;
    }

    /**
     * The configuration with each stage's model directory replaced by where {@link #locate} finds
     * it on this JVM: what the driver checks the stages with, so that a model shipped only with
     * the job (cluster deploy mode) is found there as on the executors.
     */
    static PipelineConfig located(PipelineConfig config) {
        List<StageConfig> stages = new ArrayList<>();
        for (StageConfig s : config.stages()) {
            stages.add(s.model() == null ? s : new StageConfig(s.id(), s.type(), s.with(),
                    locate(s.model().toAbsolutePath().normalize()), s.location(), s.modelLocation()));
        }
        return new PipelineConfig(config.name(), config.input(), stages, config.output(), config.onError(), config.threads(),
                config.batchSize(), config.source());
    }

    /** Where files shipped with the job under {@code name} are, or {@code null} outside a Spark JVM. */
    private static Path shipped(String name) {
        // SparkFiles needs the JVM's SparkEnv; a pipeline built outside Spark (a unit test, a tool) has none.
        return SparkEnv.get() == null ? null : Path.of(SparkFiles.get(name));
    }

    private static boolean hasModel(Path dir) {
        return Files.isRegularFile(dir.resolve(ModelDir.MODEL_JSON));
    }
}
