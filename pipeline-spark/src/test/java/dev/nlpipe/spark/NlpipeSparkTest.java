package dev.nlpipe.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.YamlLoader;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** {@link NlpipeSpark#apply}: rows in, the rows with document and error columns out. */
class NlpipeSparkTest {
    private static final String YAML = """
            pipeline: tokens
            stages:
              - type: tokenize.regex
                with: { lowercase: true }
              - type: sentence.split
            batchSize: 2
            """;

    private static PipelineConfig config(String yaml) {
        return PipelineConfig.parse(YamlLoader.parse(yaml, "test.yaml"), null);
    }

    private static Dataset<Row> rows(Object[]... values) {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType)
                .add("source", DataTypes.IntegerType);
        return LocalSpark.get().createDataFrame(List.of(values).stream().map(RowFactory::create).toList(), schema).repartition(2);
    }

    @Test
    void documentsEqualThoseOfTheLocalPipelineAndKeepTheRowsColumns() {
        Dataset<Row> in = rows(new Object[] {"a", "The cat sat. The dog ran.", 1}, new Object[] {"b", "Cats and dogs.", 2},
                new Object[] {"c", "北京 天安门", 3}, new Object[] {"d", "One more line.", 4});
        List<Row> out = NlpipeSpark.apply(in, config(YAML)).collectAsList().stream()
                .sorted(Comparator.comparing((Row r) -> r.getString(0))).toList();
        assertEquals(4, out.size());
        try (Pipeline local = Pipeline.fromConfig(config(YAML))) {
            for (Row r : out) {
                Document expected = local.process(new Document(r.getString(0), r.getString(1))).get(0);
                assertEquals(DocumentJson.toJson(expected), r.getString(r.fieldIndex(NlpipeSpark.DOCUMENT)));
                assertNull(r.get(r.fieldIndex(NlpipeSpark.ERROR)));
            }
        }
        assertEquals(List.of(1, 2, 3, 4), out.stream().map(r -> r.getInt(2)).toList());
    }

    @Test
    void aRowWithoutTextIsKeptWithItsError() {
        Dataset<Row> in = rows(new Object[] {"a", "Fine text.", 1}, new Object[] {"b", null, 2});
        Row bad = NlpipeSpark.apply(in, config(YAML)).where("id = 'b'").collectAsList().get(0);
        assertNull(bad.get(bad.fieldIndex(NlpipeSpark.DOCUMENT)));
        String error = bad.getString(bad.fieldIndex(NlpipeSpark.ERROR));
        assertNotNull(error);
        assertTrue(error.contains("\"id\":\"b\""), error);
        assertEquals(2, bad.getInt(2));
    }

    /** Paragraphs of one article: rows of one id, numbered from 1 in the source column, in one partition. */
    private static Dataset<Row> article(String... paragraphs) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < paragraphs.length; i++) {
            rows.add(RowFactory.create("article", paragraphs[i], i + 1));
        }
        return LocalSpark.get().createDataFrame(rows, new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType)
                .add("source", DataTypes.IntegerType)).coalesce(1);
    }

    private static Row failed(List<Row> out) {
        return out.stream().filter(r -> !r.isNullAt(r.fieldIndex(NlpipeSpark.ERROR))).findFirst().orElseThrow();
    }

    @Test
    void aFailedRowKeepsItsOwnColumnsWhenRowsShareAnId() {
        // paragraphs of one article: one id, several rows; the second paragraph fails in a stage
        String yaml = "stages: [ { type: tokenize.regex }, { type: test.fail, with: { marker: REFUSE } } ]\nonError: skip\n";
        List<Row> out = NlpipeSpark.apply(article("First paragraph.", "REFUSE this one.", "Third paragraph."), config(yaml)).collectAsList();
        assertEquals(3, out.size());
        Row bad = failed(out);
        assertEquals("REFUSE this one.", bad.getString(1), "the failed row's own text, not its first namesake's");
        assertEquals(2, bad.getInt(2));
        assertEquals(List.of(1, 2, 3), out.stream().map(r -> r.getInt(2)).sorted().toList(), "every row once");
    }

    @Test
    void aFailedRowKeepsItsOwnColumnsWhenAFilterDroppedANamesake() {
        // the first paragraph is filtered out and the second fails: both rows of the id are missing from the output, and
        // the error belongs to the second
        String yaml = "stages: [ { type: filter.length, with: { minChars: 5 } }, { type: test.fail, with: { marker: REFUSE } } ]\n"
                + "onError: skip\n";
        Row bad = failed(NlpipeSpark.apply(article("Hi.", "REFUSE this one.", "Third paragraph."), config(yaml)).collectAsList());
        assertEquals("REFUSE this one.", bad.getString(1), "the failed row's own text, not the filtered namesake's");
        assertEquals(2, bad.getInt(2));
    }

    @Test
    void aMissingTextColumnIsNamed() {
        Dataset<Row> in = rows(new Object[] {"a", "x", 1});
        assertThrows(IllegalArgumentException.class,
                () -> NlpipeSpark.apply(in, config(YAML), new NlpipeSpark.Columns("body", "id", null, null)));
    }

    @Test
    void badStagesFailOnTheDriverBeforeAnyRowIsRead() {
        Dataset<Row> in = rows(new Object[] {"a", "x", 1});
        assertThrows(ConfigException.class, () -> NlpipeSpark.apply(in, config("stages: [ { type: vectorize.tfidf } ]\n")));
    }

    @Test
    void oneExecutorJvmBuildsAConfigurationOnce() {
        Dataset<Row> in = rows(new Object[] {"a", "x", 1}, new Object[] {"b", "y", 2});
        String yaml = YAML.replace("pipeline: tokens", "pipeline: cached");
        NlpipeSpark.apply(in, config(yaml)).collectAsList();
        int built = ExecutorPipelines.size();
        NlpipeSpark.apply(in, config(yaml)).collectAsList();
        assertEquals(built, ExecutorPipelines.size());
    }

    @Test
    void pipelinesNoTaskUsesAreReleasedBeyondAFew() {
        Dataset<Row> in = rows(new Object[] {"a", "x", 1}, new Object[] {"b", "y", 2});
        List<PipelineSpec> specs = new java.util.ArrayList<>();
        for (int i = 0; i < ExecutorPipelines.KEEP_IDLE + 2; i++) {
            // a notebook trying option after option: each a configuration of its own
            PipelineConfig c = config(YAML.replace("lowercase: true", "lowercase: true, pattern: '[a-z]+|[0-9]{" + (i + 1) + "}'"));
            specs.add(PipelineSpec.of(c));
            NlpipeSpark.apply(in, c).collectAsList();
            assertEquals(0, ExecutorPipelines.users(specs.get(i)), "the finished tasks released it");
        }
        assertTrue(ExecutorPipelines.size() <= ExecutorPipelines.KEEP_IDLE, "at most a few idle pipelines stay built");
        assertFalse(ExecutorPipelines.holds(specs.get(0)), "the least recently used was closed");
        assertTrue(ExecutorPipelines.holds(specs.get(specs.size() - 1)), "the last one stays for the next task");
    }
}
