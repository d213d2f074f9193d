package dev.nlpipe.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.YamlLoader;
import dev.nlpipe.core.doc.DenseVector;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Span;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.doc.Token;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DocumentRows}: the typed schema, and documents through Parquet and back. */
class DocumentRowsTest {
    @TempDir
    Path dir;

    /** A document with every layer, scores present and absent, both kinds of vector and nested meta. */
    private static Document full() {
        String text = "张伟在北京工作。He left.";
        Document d = new Document("full", text).setLang("zh");
        d.setTokens(List.of(new Token("张伟", 0, 2, "nr", false), new Token("在", 2, 3, null, true), new Token("北京", 3, 5),
                new Token("工作", 5, 7), new Token("。", 7, 8), new Token("He", 8, 10), new Token("left", 11, 15), new Token(".", 15, 16)));
        d.setSentences(List.of(new Span(0, 8), new Span(8, 16)));
        d.setEntities(List.of(new Entity("PER", 0, 2, "张伟", 0.875), Entity.of(text, "LOC", 3, 5)));
        Map<String, Double> labels = new LinkedHashMap<>();
        labels.put("news", 0.75);
        labels.put("sport", 0.25);
        d.setLabels(labels);
        d.putVector("embedding", new DenseVector(new float[] {0.5f, -1.25f, 3e-7f}));
        d.putVector("tfidf", new SparseVector(new int[] {2, 7, 40}, new double[] {0.1, 0.7, 1e-12}));
        d.meta().put("source", "corpus/a.txt");
        d.meta().put("line", 12);
        d.meta().put("extra", Map.of("tags", List.of("x", 1.5, true)));
        return d;
    }

    /** Layers a stage ran on and found nothing in stay empty; absent layers stay absent. */
    private static List<Document> documents() {
        Document empty = new Document("empty", "…").setTokens(List.of()).setSentences(List.of()).setEntities(List.of())
                .setLabels(new LinkedHashMap<>()).setVectors(new LinkedHashMap<>());
        return List.of(full(), new Document("bare", "only text"), empty);
    }

    @Test
    void everyLayerSurvivesParquet() {
        Path out = dir.resolve("docs.parquet");
        List<Row> rows = documents().stream().map(DocumentRows::toRow).toList();
        LocalSpark.get().createDataFrame(rows, DocumentRows.SCHEMA).write().parquet(out.toString());

        Dataset<Row> read = LocalSpark.get().read().parquet(out.toString());
        List<Document> back = read.collectAsList().stream().map(DocumentRows::toDocument)
                .sorted(Comparator.comparing(Document::id)).toList();
        List<Document> expected = documents().stream().sorted(Comparator.comparing(Document::id)).toList();
        assertEquals(expected, back);
        assertEquals(expected.stream().map(DocumentJson::toJson).toList(), back.stream().map(DocumentJson::toJson).toList());

        Row full = read.where("id = 'full'").selectExpr("entities[0].score", "entities[1].score", "labels['news']",
                "vectors['tfidf'].indices[1]", "vectors['embedding'].dense[1]", "get_json_object(meta, '$.line')").first();
        assertEquals(0.875, full.getDouble(0));
        assertTrue(full.isNullAt(1), "an entity without a score");
        assertEquals(0.75, full.getDouble(2));
        assertEquals(7, full.getInt(3));
        assertEquals(-1.25f, full.getFloat(4));
        assertEquals("12", full.getString(5));
        Row bare = read.where("id = 'bare'").first();
        for (String layer : List.of("lang", "tokens", "sentences", "entities", "labels", "vectors", "meta")) {
            assertTrue(bare.isNullAt(bare.fieldIndex(layer)), layer + " absent");
        }
    }

    @Test
    void aRowConvertsBackToTheSameDocument() {
        for (Document d : documents()) {
            Document back = DocumentRows.toDocument(DocumentRows.toRow(d));
            assertEquals(d, back, d.id());
            assertEquals(DocumentJson.toJson(d), DocumentJson.toJson(back), d.id());
        }
    }

    @Test
    void theSchemaTypesEveryField() {
        StructType s = DocumentRows.SCHEMA;
        assertEquals(List.of("id", "text", "lang", "tokens", "sentences", "entities", "labels", "vectors", "meta"), List.of(s.fieldNames()));
        assertEquals(DataTypes.StringType, s.apply("id").dataType());
        assertFalse(s.apply("id").nullable());
        assertEquals(DataTypes.StringType, s.apply("text").dataType());
        assertEquals(DataTypes.StringType, s.apply("lang").dataType());
        assertEquals(Map.of("text", DataTypes.StringType, "start", DataTypes.IntegerType, "end", DataTypes.IntegerType,
                "pos", DataTypes.StringType, "stop", DataTypes.BooleanType), fields(element(s.apply("tokens").dataType())));
        assertEquals(Map.of("start", DataTypes.IntegerType, "end", DataTypes.IntegerType), fields(element(s.apply("sentences").dataType())));
        assertEquals(Map.of("type", DataTypes.StringType, "start", DataTypes.IntegerType, "end", DataTypes.IntegerType,
                "text", DataTypes.StringType, "score", DataTypes.DoubleType), fields(element(s.apply("entities").dataType())));
        MapType labels = (MapType) s.apply("labels").dataType();
        assertEquals(DataTypes.StringType, labels.keyType());
        assertEquals(DataTypes.DoubleType, labels.valueType());
        MapType vectors = (MapType) s.apply("vectors").dataType();
        assertEquals(DataTypes.StringType, vectors.keyType());
        assertEquals(Map.of("dense", DataTypes.createArrayType(DataTypes.FloatType, false),
                "indices", DataTypes.createArrayType(DataTypes.IntegerType, false),
                "values", DataTypes.createArrayType(DataTypes.DoubleType, false)), fields(vectors.valueType()));
        assertEquals(DataTypes.StringType, s.apply("meta").dataType());
    }

    @Test
    void theDatasetApiGivesTypedDocuments() {
        String yaml = "stages: [ { type: tokenize.regex }, { type: sentence.split } ]\nbatchSize: 2\n";
        PipelineConfig config = PipelineConfig.parse(YamlLoader.parse(yaml, "typed.yaml"), null);
        StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
        Dataset<Row> in = LocalSpark.get().createDataFrame(List.of(RowFactory.create("a", "The cat sat. It slept."),
                RowFactory.create("b", "北京天安门"), RowFactory.create("c", null)), schema).repartition(2);
        Dataset<Row> out = NlpipeSpark.apply(in, config, NlpipeSpark.Columns.DEFAULT, DocumentForm.TYPED);
        assertEquals(DocumentRows.SCHEMA, out.schema().apply(NlpipeSpark.DOCUMENT).dataType());

        List<Row> rows = new ArrayList<>(out.collectAsList());
        rows.sort(Comparator.comparing((Row r) -> r.getString(0)));
        try (Pipeline local = Pipeline.fromConfig(config)) {
            for (Row r : rows.subList(0, 2)) {
                Document expected = local.process(new Document(r.getString(0), r.getString(1))).get(0);
                assertEquals(expected, DocumentRows.toDocument(r.getStruct(r.fieldIndex(NlpipeSpark.DOCUMENT))));
            }
        }
        Row bad = rows.get(2);
        assertNull(bad.get(bad.fieldIndex(NlpipeSpark.DOCUMENT)));
        assertTrue(bad.getString(bad.fieldIndex(NlpipeSpark.ERROR)).contains("no text"));
        assertEquals("sat", out.where("id = 'a'").selectExpr("document.tokens[2].text").first().getString(0));
    }

    @Test
    void typedDocumentsWithANullIdOrTextAreBadRecordsNotAFailedJob() {
        // Parquet from other tools makes every column nullable
        StructType nullable = new StructType(Arrays.stream(DocumentRows.SCHEMA.fields())
                .map(f -> new org.apache.spark.sql.types.StructField(f.name(), f.dataType(), true, f.metadata()))
                .toArray(org.apache.spark.sql.types.StructField[]::new));
        Row good = DocumentRows.toRow(new Document("a", "The cat sat."));
        Dataset<Row> in = LocalSpark.get().createDataFrame(List.of(good,
                RowFactory.create("b", null, null, null, null, null, null, null, null),
                RowFactory.create(null, "no id", null, null, null, null, null, null, null)), nullable);
        PipelineConfig config = PipelineConfig.parse(YamlLoader.parse("stages: [ { type: tokenize.regex } ]\n", "t.yaml"), null);
        List<Row> out = new TypedDocuments(PipelineSpec.of(config), DocumentForm.TYPED).apply(in).collectAsList();
        assertEquals(1, out.stream().filter(r -> !r.isNullAt(0)).count(), out.toString());
        List<String> errors = out.stream().filter(r -> !r.isNullAt(1)).map(r -> r.getString(1)).toList();
        assertEquals(2, errors.size(), out.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("column text is null")) && errors.stream().anyMatch(e -> e.contains("column id is null")),
                errors.toString());
        Row nullStart = RowFactory.create("c", "The cat.", null, new Row[] {RowFactory.create("The", null, 3, null, false)}, null, null,
                null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DocumentRows.toDocument(nullStart));
        assertTrue(e.getMessage().contains("column tokens has an element whose start is null"), e.getMessage());
    }

    @Test
    void everyNullAFieldCannotHoldIsABadRecordThatNamesItsColumn() {
        Map<String, Row> nulls = new LinkedHashMap<>();
        nulls.put("column tokens has an element whose text is null",
                typed(3, new Row[] {RowFactory.create(null, 0, 3, null, false)}));
        nulls.put("column tokens has a null element", typed(3, new Row[] {null}));
        nulls.put("column entities has an element whose type is null",
                typed(5, new Row[] {RowFactory.create(null, 0, 3, "The", null)}));
        nulls.put("column labels gives label 'pos' a null score", typed(6, javaMap("pos", null)));
        nulls.put("column vectors['tfidf'] is null", typed(7, javaMap("tfidf", null)));
        nulls.put("column vectors['tfidf'].dense has a null element",
                typed(7, javaMap("tfidf", RowFactory.create(scala.jdk.javaapi.CollectionConverters.asScala(
                        Arrays.asList(1.0f, null)).toSeq(), null, null))));
        nulls.put("column vectors['tfidf'] has neither dense values nor sparse indices and values",
                typed(7, javaMap("tfidf", RowFactory.create(null, new int[] {1}, null))));
        nulls.put("column meta is not a JSON object: null", typed(8, "null"));
        nulls.forEach((message, row) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DocumentRows.toDocument(row), message);
            assertEquals(message, e.getMessage());
        });
    }

    /** A row of "The cat." with one field set. */
    private static Row typed(int field, Object value) {
        Object[] values = {"c", "The cat.", null, null, null, null, null, null, null};
        values[field] = value;
        return RowFactory.create(values);
    }

    private static <V> Map<String, V> javaMap(String key, V value) {
        Map<String, V> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private static DataType element(DataType array) {
        return ((ArrayType) array).elementType();
    }

    private static Map<String, DataType> fields(DataType struct) {
        Map<String, DataType> out = new LinkedHashMap<>();
        for (var f : ((StructType) struct).fields()) {
            out.put(f.name(), f.dataType());
        }
        return out;
    }
}
