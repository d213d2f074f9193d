package dev.nlpipe.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.nlpipe.core.doc.DenseVector;
import dev.nlpipe.core.doc.DocVector;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Span;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.doc.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A document as typed Spark columns: the fields of the JSONL contract, each layer a column of
 * structs, so Parquet output and Spark SQL read entities or vectors without parsing JSON.
 *
 * <pre>
 * id         string not null
 * text       string not null
 * lang       string
 * tokens     array&lt;struct&lt;text: string, start: int, end: int, pos: string, stop: boolean&gt;&gt;
 * sentences  array&lt;struct&lt;start: int, end: int&gt;&gt;
 * entities   array&lt;struct&lt;type: string, start: int, end: int, text: string, score: double&gt;&gt;
 * labels     map&lt;string, double&gt;
 * vectors    map&lt;string, struct&lt;dense: array&lt;float&gt;, indices: array&lt;int&gt;, values: array&lt;double&gt;&gt;&gt;
 * meta       string (a JSON object)
 * </pre>
 *
 * <p>As in the JSON form, an absent layer is {@code null} and a layer a stage ran on and found
 * nothing in is an empty array. An entity without a score has a {@code null} score. A vector has
 * either {@code dense} (an embedding) or {@code indices} and {@code values} (TF-IDF, counts).
 * {@code meta} holds free-form values (nested maps and lists, numbers of any type), which no fixed
 * schema can type, so it stays the JSON object of the JSONL line ({@code get_json_object(meta,
 * '$.source')}), {@code null} when empty. Offsets are UTF-16 code units of {@code text}, as in the
 * JSON form. {@link #toDocument} reads a row back into the same document.
 */
public final class DocumentRows {
    private static final StructType TOKEN = new StructType()
            .add("text", DataTypes.StringType, false)
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false)
            .add("pos", DataTypes.StringType, true)
            .add("stop", DataTypes.BooleanType, false);
    private static final StructType SPAN = new StructType()
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false);
    private static final StructType ENTITY = new StructType()
            .add("type", DataTypes.StringType, false)
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false)
            .add("text", DataTypes.StringType, false)
            .add("score", DataTypes.DoubleType, true);
    private static final StructType VECTOR = new StructType()
            .add("dense", DataTypes.createArrayType(DataTypes.FloatType, false), true)
            .add("indices", DataTypes.createArrayType(DataTypes.IntegerType, false), true)
            .add("values", DataTypes.createArrayType(DataTypes.DoubleType, false), true);

    /** The typed form of a document, one column per field of the JSONL contract. */
    public static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("text", DataTypes.StringType, false)
            .add("lang", DataTypes.StringType, true)
            .add("tokens", array(TOKEN), true)
            .add("sentences", array(SPAN), true)
            .add("entities", array(ENTITY), true)
            .add("labels", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), true)
            .add("vectors", DataTypes.createMapType(DataTypes.StringType, VECTOR, false), true)
            .add("meta", DataTypes.StringType, true);

    private DocumentRows() {
    }

    private static ArrayType array(StructType element) {
        return DataTypes.createArrayType(element, false);
    }

    /** The document as a row of {@link #SCHEMA}. */
    public static Row toRow(Document d) {
        return RowFactory.create(d.id(), d.text(), d.lang(),
                d.tokens() == null ? null : d.tokens().stream()
                        .map(t -> RowFactory.create(t.text(), t.start(), t.end(), t.pos(), t.stop())).toArray(),
                d.sentences() == null ? null : d.sentences().stream().map(s -> RowFactory.create(s.start(), s.end())).toArray(),
                d.entities() == null ? null : d.entities().stream()
                        .map(e -> RowFactory.create(e.type(), e.start(), e.end(), e.text(), e.hasScore() ? e.score() : null)).toArray(),
                d.labels() == null ? null : CollectionConverters.asScala(new LinkedHashMap<>(d.labels())),
                d.vectors() == null ? null : CollectionConverters.asScala(vectorRows(d.vectors())),
                d.meta().isEmpty() ? null : metaJson(d.meta()));
    }

    private static Map<String, Row> vectorRows(Map<String, DocVector> vectors) {
        Map<String, Row> out = new LinkedHashMap<>();
        vectors.forEach((name, v) -> out.put(name, switch (v) {
            case DenseVector dense -> RowFactory.create(dense.values(), null, null);
            case SparseVector sparse -> RowFactory.create(null, sparse.indices(), sparse.values());
        }));
        return out;
    }

    private static String metaJson(Map<String, Object> meta) {
        try {
            return DocumentJson.mapper().writeValueAsString(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("meta of a document cannot be written as JSON", e);
        }
    }

    /** An offset field of a layer's element ({@code tokens[i].start}...); Parquet from another tool may hold a null there. */
    private static int offset(Row element, int field, String layer, String name) {
        return required(element, field, layer, name).getInt(field);
    }

    /** A text field a layer's element cannot do without ({@code tokens[i].text}, {@code entities[i].type}...). */
    private static String string(Row element, int field, String layer, String name) {
        return required(element, field, layer, name).getString(field);
    }

    private static Row required(Row element, int field, String layer, String name) {
        if (element.isNullAt(field)) {
            throw new IllegalArgumentException("column " + layer + " has an element whose " + name + " is null");
        }
        return element;
    }

    /**
     * The document a row of {@link #SCHEMA} holds, equal to the one {@link #toRow} was given: a row
     * read back from Parquet (arrays as Scala sequences) or {@link #toRow}'s own (Java arrays).
     *
     * @throws IllegalArgumentException when {@code meta} is not a JSON object, or a field a document
     *     needs is null (Parquet written by other tools makes every field nullable)
     */
    @SuppressWarnings("unchecked")
    public static Document toDocument(Row row) {
        if (row.isNullAt(0) || row.isNullAt(1)) {
            throw new IllegalArgumentException("column " + (row.isNullAt(0) ? "id" : "text") + " is null; every document needs an id"
                    + " and a text");
        }
        Document d = new Document(row.getString(0), row.getString(1)).setLang(row.getString(2));
        if (!row.isNullAt(3)) {
            d.setTokens(map(rows(row.get(3), "tokens"), t -> new Token(string(t, 0, "tokens", "text"), offset(t, 1, "tokens", "start"), offset(t, 2, "tokens", "end"),
                    t.getString(3), !t.isNullAt(4) && t.getBoolean(4))));
        }
        if (!row.isNullAt(4)) {
            d.setSentences(map(rows(row.get(4), "sentences"), s -> new Span(offset(s, 0, "sentences", "start"),
                    offset(s, 1, "sentences", "end"))));
        }
        if (!row.isNullAt(5)) {
            d.setEntities(map(rows(row.get(5), "entities"), e -> new Entity(string(e, 0, "entities", "type"),
                    offset(e, 1, "entities", "start"), offset(e, 2, "entities", "end"), string(e, 3, "entities", "text"), e.isNullAt(4) ? Double.NaN : e.getDouble(4))));
        }
        if (!row.isNullAt(6)) {
            Map<String, Double> labels = new LinkedHashMap<>(DocumentRows.<Double>javaMap(row.get(6)));
            labels.forEach((label, score) -> {
                if (score == null) {
                    throw new IllegalArgumentException("column labels gives label '" + label + "' a null score");
                }
            });
            d.setLabels(labels);
        }
        if (!row.isNullAt(7)) {
            Map<String, DocVector> vectors = new LinkedHashMap<>();
            DocumentRows.<Row>javaMap(row.get(7)).forEach((name, v) -> vectors.put(name, vector(name, v)));
            d.setVectors(vectors);
        }
        if (!row.isNullAt(8)) {
            try {
                Map<String, Object> meta = DocumentJson.mapper().readValue(row.getString(8), LinkedHashMap.class);
                if (meta == null) {
                    throw new IllegalArgumentException("column meta is not a JSON object: null");
                }
                d.meta().putAll(meta);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("column meta is not a JSON object: " + e.getOriginalMessage(), e);
            }
        }
        return d;
    }

    /** A vector of column {@code vectors}: dense, else sparse. */
    private static DocVector vector(String name, Row v) {
        String column = "vectors['" + name + "']";
        if (v == null) {
            throw new IllegalArgumentException("column " + column + " is null");
        }
        if (!v.isNullAt(0)) {
            return new DenseVector(floats(numbers(v.get(0), column + ".dense")));
        }
        if (v.isNullAt(1) || v.isNullAt(2)) {
            throw new IllegalArgumentException("column " + column + " has neither dense values nor sparse indices and values");
        }
        return new SparseVector(numbers(v.get(1), column + ".indices").stream().mapToInt(Number::intValue).toArray(),
                numbers(v.get(2), column + ".values").stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** An array column's structs: a Scala sequence once through Spark, an {@code Object[]} from {@link #toRow}. */
    private static List<Row> rows(Object array, String column) {
        List<Row> out = new ArrayList<>();
        for (Object o : array instanceof Object[] a ? java.util.Arrays.asList(a) : elements(array)) {
            if (o == null) {
                throw new IllegalArgumentException("column " + column + " has a null element");
            }
            out.add((Row) o);
        }
        return out;
    }

    /** A numeric array column: a Scala sequence once through Spark, a primitive array from {@link #toRow}. */
    private static List<Number> numbers(Object array, String column) {
        List<Number> out = new ArrayList<>();
        switch (array) {
            case float[] a -> {
                for (float f : a) {
                    out.add(f);
                }
            }
            case int[] a -> {
                for (int i : a) {
                    out.add(i);
                }
            }
            case double[] a -> {
                for (double x : a) {
                    out.add(x);
                }
            }
            default -> elements(array).forEach(o -> {
                if (o == null) {
                    throw new IllegalArgumentException("column " + column + " has a null element");
                }
                out.add((Number) o);
            });
        }
        return out;
    }

    private static List<?> elements(Object seq) {
        return seq instanceof List<?> l ? l : CollectionConverters.asJava((scala.collection.Seq<?>) seq);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> javaMap(Object map) {
        return map instanceof Map<?, ?> m ? (Map<String, V>) m : CollectionConverters.asJava((scala.collection.Map<String, V>) map);
    }

    private static <T> List<T> map(List<Row> rows, Function<Row, T> f) {
        List<T> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(f.apply(r));
        }
        return out;
    }

    private static float[] floats(List<Number> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}
