package dev.nlpipe.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.YamlLoader;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelDirWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model directory missing at the driver's path on the executor, or on the driver too (cluster
 * deploy mode), is read from the copy shipped with the job ({@code SparkContext.addFile(dir, true)},
 * as {@code --archives} would), and only when its {@code model.json} is the driver's. In local mode
 * driver and executor share one file system, so the driver's directory is removed after the driver
 * checked the pipeline and before any task builds it.
 */
class ShippedModelsTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void trainTfidf() throws IOException {
        model = TestCorpus.tfidf(dir, TestCorpus.copy(dir));
    }

    /**
     * A directory to ship from. The session is shared by every test class and keeps what was added
     * to it; each later task compares its copy with the source, so the source must outlive this
     * class's temporary directory: it lives under the build directory, fresh for each session.
     */
    private static Path shipping() throws IOException {
        return Files.createDirectories(Path.of("target", "shipped-models", LocalSpark.get().sparkContext().applicationId()))
                .toAbsolutePath();
    }

    /** A copy of the trained model at {@code parent/name}. */
    private static Path copy(Path parent, String name) throws IOException {
        Path to = Files.createDirectories(parent.resolve(name));
        try (Stream<Path> files = Files.walk(model)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(model.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private static PipelineConfig config(Path modelDir) {
        return PipelineConfig.parse(YamlLoader.parse("""
                stages:
                  - type: segment
                  - type: vectorize.tfidf
                    model: %s
                batchSize: 2
                """.formatted(modelDir), "shipped.yaml"), null);
    }

    private static Dataset<Row> rows() {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
        return LocalSpark.get().createDataFrame(List.of(RowFactory.create("a", "北京天安门广场"), RowFactory.create("b", "今天北京下雨了"),
                RowFactory.create("c", "The cat sat on the mat.")), schema).repartition(2);
    }

    @Test
    void aModelMissingOnTheExecutorIsReadFromTheShippedDirectory() throws IOException {
        Path driver = copy(dir.resolve("driver"), "tfidf-shipped");
        PipelineConfig config = config(driver);
        Dataset<Row> out = NlpipeSpark.apply(rows(), config);
        List<String> expected;
        try (Pipeline local = Pipeline.fromConfig(config)) {
            expected = Stream.of(new Document("a", "北京天安门广场"), new Document("b", "今天北京下雨了"), new Document("c", "The cat sat on the mat."))
                    .map(d -> DocumentJson.toJson(local.process(d).get(0))).toList();
        }
        LocalSpark.get().sparkContext().addFile(copy(shipping(), "tfidf-shipped").toString(), true);
        ModelDirWriter.deleteTree(driver);

        List<String> actual = out.orderBy("id").select(NlpipeSpark.DOCUMENT).collectAsList().stream().map(r -> r.getString(0)).toList();
        assertEquals(expected, actual);
        assertTrue(actual.get(0).contains("\"tfidf\""), "documents carry TF-IDF vectors");
        assertFalse(Files.exists(driver), "the driver's directory was not read");
    }

    @Test
    void aModelOnlyShippedWithTheJobIsFoundByTheDriverToo() throws IOException {
        // Cluster deploy mode: the model exists only in what was shipped, never at the path the pipeline names.
        Path shipped = copy(shipping(), "tfidf-driverless");
        LocalSpark.get().sparkContext().addFile(shipped.toString(), true);
        Path named = dir.resolve("not-on-this-machine").resolve("tfidf-driverless");
        PipelineConfig config = config(named);

        List<String> actual = NlpipeSpark.apply(rows(), config).orderBy("id").select(NlpipeSpark.DOCUMENT).collectAsList().stream()
                .map(r -> r.getString(0)).toList();
        List<String> expected;
        try (Pipeline local = Pipeline.fromConfig(config(shipped))) {
            expected = Stream.of(new Document("a", "北京天安门广场"), new Document("b", "今天北京下雨了"), new Document("c", "The cat sat on the mat."))
                    .map(d -> DocumentJson.toJson(local.process(d).get(0))).toList();
        }
        assertEquals(expected, actual);
        assertTrue(actual.get(0).contains("\"tfidf\""), "documents carry TF-IDF vectors");
        assertFalse(Files.exists(named), "nothing was read from the named path");
    }

    @Test
    void aModelNeitherAtItsPathNorShippedIsRefusedOnTheDriver() {
        Path nowhere = dir.resolve("not-on-this-machine").resolve("tfidf-never-shipped");
        // Refused when apply is called, on the driver, before any row is read.
        ConfigException e = assertThrows(ConfigException.class, () -> NlpipeSpark.apply(rows(), config(nowhere)));
        assertTrue(e.getMessage().contains("tfidf-never-shipped"), e.getMessage());
    }

    @Test
    void aShippedCopyThatDiffersFromTheDriversIsRefused() throws IOException {
        Path driver = copy(dir.resolve("driver"), "tfidf-changed");
        // Still a valid model.json, so the driver accepts it, but not byte for byte the shipped one.
        Files.writeString(driver.resolve(ModelDir.MODEL_JSON), "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Dataset<Row> out = NlpipeSpark.apply(rows(), config(driver));
        LocalSpark.get().sparkContext().addFile(copy(shipping(), "tfidf-changed").toString(), true);
        ModelDirWriter.deleteTree(driver);

        Exception e = assertThrows(Exception.class, out::collectAsList);
        assertTrue(e.getMessage().contains("differs from the driver's") && e.getMessage().contains("tfidf-changed"), e.getMessage());
    }
}
