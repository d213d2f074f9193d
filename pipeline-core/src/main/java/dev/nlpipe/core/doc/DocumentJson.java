package dev.nlpipe.core.doc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public JSON form of a {@link Document}: one object per line with the fields {@code id, text,
 * lang, tokens, sentences, entities, labels, vectors, meta}. Absent layers are omitted, never
 * written as {@code null}. Written and parsed with Jackson's streaming API for speed.
 */
public final class DocumentJson {
    private static final JsonFactory FACTORY = newFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    /** How input field names map onto the document; the defaults read what {@link #write} writes. */
    public record Fields(String id, String text, String label, String lang) {
        public static final Fields DEFAULT = new Fields("id", "text", "label", "lang");
    }

    private DocumentJson() {
    }

    private static JsonFactory newFactory() {
        // The readers bound a record by input.maxLineLength (up to 1 GiB); Jackson's own limit of 20,000,000 characters
        // would refuse a longer text, as the jsonl writer wrote it, whatever that setting said.
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .build();
        f.setRootValueSeparator(null);
        return f;
    }

    /** The shared Jackson factory (thread-safe). */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** The shared mapper for plain values (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One document as a single JSON line, without the trailing newline. */
    public static String toJson(Document doc) {
        StringWriter out = new StringWriter(doc.text().length() * 2 + 64);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(doc, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes one document as a JSON object on {@code g}. */
    public static void write(Document doc, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", doc.id());
        g.writeStringField("text", doc.text());
        if (doc.lang() != null) {
            g.writeStringField("lang", doc.lang());
        }
        if (doc.tokens() != null) {
            g.writeArrayFieldStart("tokens");
            for (Token t : doc.tokens()) {
                g.writeStartObject();
                g.writeStringField("text", t.text());
                g.writeNumberField("start", t.start());
                g.writeNumberField("end", t.end());
                if (t.pos() != null) {
                    g.writeStringField("pos", t.pos());
                }
                if (t.stop()) {
                    g.writeBooleanField("stop", true);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (doc.sentences() != null) {
            g.writeArrayFieldStart("sentences");
            for (Span s : doc.sentences()) {
                g.writeStartObject();
                g.writeNumberField("start", s.start());
                g.writeNumberField("end", s.end());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (doc.entities() != null) {
            g.writeArrayFieldStart("entities");
            for (Entity e : doc.entities()) {
                g.writeStartObject();
                g.writeStringField("type", e.type());
                g.writeNumberField("start", e.start());
                g.writeNumberField("end", e.end());
                g.writeStringField("text", e.text());
                if (e.hasScore()) {
                    g.writeNumberField("score", writable(e.score(), "the score of entity '" + e.type() + "' at " + e.start()));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (doc.labels() != null) {
            g.writeObjectFieldStart("labels");
            for (Map.Entry<String, Double> l : doc.labels().entrySet()) {
                g.writeNumberField(l.getKey(), writable(l.getValue(), "the score of label '" + l.getKey() + "'"));
            }
            g.writeEndObject();
        }
        if (doc.vectors() != null) {
            g.writeObjectFieldStart("vectors");
            for (Map.Entry<String, DocVector> v : doc.vectors().entrySet()) {
                g.writeFieldName(v.getKey());
                writeVector(v.getKey(), v.getValue(), g);
            }
            g.writeEndObject();
        }
        if (!doc.meta().isEmpty()) {
            g.writeFieldName("meta");
            writePlain(doc.meta(), "meta", g);
        }
        g.writeEndObject();
    }

    /**
     * Writes plain values (maps, lists, strings, numbers, booleans) without data binding: meta is on
     * every line. {@code where} names the value in an error.
     */
    private static void writePlain(Object v, String where, JsonGenerator g) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> g.writeNumber(writable(d, "'" + where + "'"));
            case Float f -> g.writeNumber((float) writable(f, "'" + where + "'"));
            case Boolean b -> g.writeBoolean(b);
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    writePlain(e.getValue(), where + "." + e.getKey(), g);
                }
                g.writeEndObject();
            }
            case List<?> l -> {
                g.writeStartArray();
                for (Object o : l) {
                    writePlain(o, where, g);
                }
                g.writeEndArray();
            }
            default -> MAPPER.writeValue(g, v);
        }
    }

    /**
     * A number to write: NaN and infinity are no JSON numbers (Jackson would write the string
     * "Infinity", which no reader takes for a number), so the document is refused instead.
     */
    private static double writable(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is " + v + ", which JSON cannot hold as a number");
        }
        return v;
    }

    private static void writeVector(String name, DocVector vector, JsonGenerator g) throws IOException {
        switch (vector) {
            case SparseVector s -> {
                for (double v : s.values()) {
                    writable(v, "a value of vector '" + name + "'");
                }
                g.writeStartObject();
                g.writeFieldName("indices");
                g.writeArray(s.indices(), 0, s.indices().length);
                g.writeFieldName("values");
                g.writeArray(s.values(), 0, s.values().length);
                g.writeEndObject();
            }
            case DenseVector d -> {
                g.writeStartArray();
                for (float f : d.values()) {
                    g.writeNumber((float) writable(f, "a value of vector '" + name + "'"));
                }
                g.writeEndArray();
            }
        }
    }

    /** Parses one JSON line with the default field names. */
    public static Document parse(String json) {
        return parse(json, Fields.DEFAULT, null);
    }

    /**
     * Parses one JSON value as strictly as {@link #parse(String, Fields, String)} reads documents: a
     * repeated key and content after the value are errors, not silently resolved.
     *
     * @throws IllegalArgumentException when the text is not one valid JSON value
     */
    public static JsonNode readTreeStrict(String json) {
        return strictly(json, "value", p -> mapper().readTree(p));
    }

    /**
     * Parses one JSON object into a document.
     *
     * @param json the object's text
     * @param fields the input's field names for id, text, label(s) and language
     * @param fallbackId the id to use when the record has none (e.g. {@code file:line}); when it is
     *     {@code null} too, the hexadecimal hash of the text
     * @throws IllegalArgumentException when the line is not a valid document
     */
    public static Document parse(String json, Fields fields, String fallbackId) {
        return strictly(json, "object", p -> read(p, fields, fallbackId));
    }

    /** What is read from a parser positioned before the value. */
    private interface ParserRead<T> {
        T read(JsonParser p) throws IOException;
    }

    /** Reads one JSON {@code what} with {@code reader}: a repeated key would otherwise keep its last value without a word. */
    private static <T> T strictly(String json, String what, ParserRead<T> reader) {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            T value = reader.read(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("unexpected content after the JSON " + what);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
        }
    }

    private static Document read(JsonParser p, Fields fields, String fallbackId) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("a JSON object was expected");
        }
        String id = null;
        String text = null;
        String lang = null;
        List<Token> tokens = null;
        List<Span> sentences = null;
        List<Entity> entities = null;
        Map<String, Double> labels = null;
        Map<String, DocVector> vectors = null;
        Map<String, Object> meta = null;
        Map<String, Object> extra = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals(fields.id())) {
                id = scalarText(p, name);
            } else if (name.equals(fields.text())) {
                if (value != JsonToken.VALUE_STRING) {
                    throw new IllegalArgumentException("field '" + name + "' must be a string");
                }
                text = p.getText();
            } else if (name.equals(fields.lang())) {
                if (value != JsonToken.VALUE_NULL && value != JsonToken.VALUE_STRING) {
                    throw new IllegalArgumentException("field '" + name + "' must be a language code string such as \"en\", not " + p.getText());
                }
                lang = value == JsonToken.VALUE_NULL ? null : p.getText();
            } else if (name.equals(fields.label())) {
                labels = readLabelField(p, name, labels);
            } else {
                switch (name) {
                    case "tokens" -> tokens = readTokens(p);
                    case "sentences" -> sentences = readSpans(p);
                    case "entities" -> entities = readEntities(p);
                    case "labels" -> labels = readLabelField(p, name, labels);
                    case "vectors" -> vectors = readVectors(p);
                    case "meta" -> meta = readMap(p, name);
                    default -> {
                        extra = extra == null ? new LinkedHashMap<>() : extra;
                        extra.put(name, finiteValues(MAPPER.readValue(p, Object.class), name));
                    }
                }
            }
        }
        if (text == null) {
            throw new IllegalArgumentException("no '" + fields.text() + "' field");
        }
        if (id == null) {
            id = fallbackId != null ? fallbackId : Integer.toHexString(text.hashCode());
        }
        Document d = new Document(id, text).setLang(lang);
        if (meta != null) {
            d.meta().putAll(meta);
        }
        if (extra != null) {
            for (String key : extra.keySet()) {
                // both go to meta: one value would replace the other without a word
                if (meta != null && meta.containsKey(key)) {
                    throw new IllegalArgumentException("field '" + key + "' is also a key of 'meta', where unknown fields are kept;"
                            + " rename one of them");
                }
            }
            d.meta().putAll(extra);
        }
        d.setTokens(tokens).setSentences(sentences).setEntities(entities).setLabels(labels).setVectors(vectors);
        DocumentChecks.checkOffsets(d);
        LoneSurrogates.check(d);
        return d;
    }

    private static String scalarText(JsonParser p, String name) throws IOException {
        if (!p.currentToken().isScalarValue()) {
            throw new IllegalArgumentException("field '" + name + "' must be a string or number");
        }
        return text(p);
    }

    /** The current value as text, {@code null} for JSON's null (which Jackson's getText spells "null"): Python's None, pandas' NaN written out. */
    private static String text(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
    }

    /**
     * The labels so far with the field's added, created at the first one; {@code null} is no label
     * (pandas writes a missing one so), not "a classifier ran and found none".
     */
    private static Map<String, Double> readLabelField(JsonParser p, String name, Map<String, Double> so) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return so;
        }
        Map<String, Double> labels = so == null ? new LinkedHashMap<>() : so;
        switch (p.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_TRUE, VALUE_FALSE, VALUE_NUMBER_FLOAT -> labels.put(labelText(p, name), 1.0);
            case START_ARRAY -> {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (!p.currentToken().isScalarValue()) {
                        throw new IllegalArgumentException("field '" + name + "' must be a label, a list of labels or an object of scores");
                    }
                    String label = p.currentToken() == JsonToken.VALUE_NULL ? null : labelText(p, name);
                    if (label != null) {
                        labels.put(label, 1.0);
                    }
                }
            }
            case START_OBJECT -> {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String label = p.currentName();
                    JsonToken score = p.nextToken();
                    if (score != JsonToken.VALUE_NUMBER_INT && score != JsonToken.VALUE_NUMBER_FLOAT) {
                        throw new IllegalArgumentException("the score of label '" + label + "' in field '" + name
                                + "' must be a number, not " + (score.isScalarValue() ? "'" + p.getText() + "'" : "a " + (score == JsonToken.START_ARRAY ? "list" : "map")));
                    }
                    labels.put(label, finiteNumber(p, "the score of label '" + label + "' in field '" + name + "'"));
                }
            }
            default -> throw new IllegalArgumentException("field '" + name + "' must be a label, a list of labels or an object of scores");
        }
        return labels;
    }

    /**
     * A label as text: {@code 1.0}, as pandas writes a label column that holds a missing value, is the
     * label {@code 1}, as training read {@code 1}; a fraction is no label.
     */
    private static String labelText(JsonParser p, String name) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getText();
        }
        double d = p.getDoubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        throw new IllegalArgumentException("field '" + name + "' holds the number " + p.getText() + ", which is no label: write labels"
                + " as strings or whole numbers");
    }

    private static List<Token> readTokens(JsonParser p) throws IOException {
        if (!expect(p, JsonToken.START_ARRAY, "tokens")) {
            return null;
        }
        List<Token> out = new ArrayList<>();
        while (nextObject(p, "tokens", "{text, start, end}")) {
            String text = null;
            String pos = null;
            int start = -1;
            int end = -1;
            boolean stop = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "text" -> text = text(p);
                    case "start" -> start = offset(p, "a token's 'start'");
                    case "end" -> end = offset(p, "a token's 'end'");
                    case "pos" -> pos = text(p);
                    case "stop" -> stop = flag(p, "a token's 'stop'");
                    default -> p.skipChildren();
                }
            }
            if (text == null || start < 0 || end < 0) {
                throw new IllegalArgumentException("a token needs text, start and end");
            }
            out.add(new Token(text, start, end, pos, stop));
        }
        return out;
    }

    private static List<Span> readSpans(JsonParser p) throws IOException {
        if (!expect(p, JsonToken.START_ARRAY, "sentences")) {
            return null;
        }
        List<Span> out = new ArrayList<>();
        while (nextObject(p, "sentences", "{start, end}")) {
            int start = -1;
            int end = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "start" -> start = offset(p, "a sentence's 'start'");
                    case "end" -> end = offset(p, "a sentence's 'end'");
                    default -> p.skipChildren();
                }
            }
            if (start < 0 || end < 0) {
                throw new IllegalArgumentException("a sentence needs start and end");
            }
            out.add(new Span(start, end));
        }
        return out;
    }

    private static List<Entity> readEntities(JsonParser p) throws IOException {
        if (!expect(p, JsonToken.START_ARRAY, "entities")) {
            return null;
        }
        List<Entity> out = new ArrayList<>();
        while (nextObject(p, "entities", "{type, start, end}")) {
            String type = null;
            String text = null;
            int start = -1;
            int end = -1;
            double score = Double.NaN;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "type" -> type = text(p);
                    case "text" -> text = text(p);
                    case "start" -> start = offset(p, "an entity's 'start'");
                    case "end" -> end = offset(p, "an entity's 'end'");
                    case "score" -> score = p.currentToken() == JsonToken.VALUE_NULL ? Double.NaN : finiteNumber(p, "an entity's 'score'");
                    default -> p.skipChildren();
                }
            }
            if (type == null || start < 0 || end < 0) {
                throw new IllegalArgumentException("an entity needs type, start and end");
            }
            out.add(new Entity(type, start, end, text == null ? "" : text, score));
        }
        return out;
    }

    private static Map<String, DocVector> readVectors(JsonParser p) throws IOException {
        if (!expect(p, JsonToken.START_OBJECT, "vectors")) {
            return null;
        }
        Map<String, DocVector> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                float[] buf = new float[16];
                int n = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (n == buf.length) {
                        buf = java.util.Arrays.copyOf(buf, n * 2);
                    }
                    buf[n++] = floatNumber(p, "a value of vector '" + name + "'");
                }
                out.put(name, new DenseVector(java.util.Arrays.copyOf(buf, n)));
            } else if (t == JsonToken.START_OBJECT) {
                int[] indices = new int[0];
                double[] values = new double[0];
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    switch (f) {
                        case "indices" -> indices = readIndices(p, name);
                        case "values" -> values = readValues(p, name);
                        default -> p.skipChildren();
                    }
                }
                out.put(name, new SparseVector(indices, values));
            } else {
                throw new IllegalArgumentException("vector '" + name + "' must be an array or {indices, values}");
            }
        }
        return out;
    }

    /** A sparse vector's indices: whole numbers from 0, as offsets are read (1.7 is no index to round). */
    private static int[] readIndices(JsonParser p, String name) throws IOException {
        sparseArray(p, name, "indices");
        java.util.stream.IntStream.Builder out = java.util.stream.IntStream.builder();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(nonNegative(p, "an index of vector '" + name + "'", "a whole number from 0"));
        }
        return out.build().toArray();
    }

    /** A sparse vector's values: JSON numbers ("0.25", a string, is none). */
    private static double[] readValues(JsonParser p, String name) throws IOException {
        sparseArray(p, name, "values");
        java.util.stream.DoubleStream.Builder out = java.util.stream.DoubleStream.builder();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(finiteNumber(p, "a value of vector '" + name + "'"));
        }
        return out.build().toArray();
    }

    private static void sparseArray(JsonParser p, String name, String field) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("'" + field + "' of vector '" + name + "' must be an array");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMap(JsonParser p, String name) throws IOException {
        if (!expect(p, JsonToken.START_OBJECT, name)) {
            return null;
        }
        return (Map<String, Object>) finiteValues(MAPPER.readValue(p, LinkedHashMap.class), name);
    }

    /**
     * {@code v} when every number in it is finite: a JSON number beyond a double's range (1e400)
     * binds to infinity, which could not be written back as a number, so it is refused rather than
     * kept changed. Whole numbers of any size stay exact.
     */
    private static Object finiteValues(Object v, String path) {
        switch (v) {
            case Double d when !Double.isFinite(d) -> throw new IllegalArgumentException("'" + path
                    + "' holds a number beyond the range of a double (about 1.8e308): write it as a string to keep it");
            case Map<?, ?> m -> m.forEach((k, e) -> finiteValues(e, path + "." + k));
            case List<?> l -> l.forEach(e -> finiteValues(e, path));
            case null, default -> {
            }
        }
        return v;
    }

    /** A JSON number a double holds: 1e400 would read as infinity, which no writer can write back. */
    private static double finiteNumber(JsonParser p, String what) throws IOException {
        double d = number(p, what).getDoubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(what + " " + p.getText() + " is beyond the range of a double (about 1.8e308)");
        }
        return d;
    }

    /** A JSON number a float holds: a dense vector's 1e300 would read as infinity. */
    private static float floatNumber(JsonParser p, String what) throws IOException {
        float f = number(p, what).getFloatValue();
        if (!Float.isFinite(f)) {
            throw new IllegalArgumentException(what + " " + p.getText() + " is beyond the range of a float (about 3.4e38)");
        }
        return f;
    }

    /** {@code p} when it is at a JSON number: a string such as "0.25" is no number to convert. */
    private static JsonParser number(JsonParser p, String what) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new IllegalArgumentException(what + " must be a number, not "
                    + (t == JsonToken.VALUE_STRING ? "the string \"" + p.getText() + "\"" : t.isScalarValue() ? p.getText() : "a structure"));
        }
        return p;
    }

    /** Whether the field holds a value to read: {@code null} (Python's None, pandas' missing value) is an absent layer. */
    private static boolean expect(JsonParser p, JsonToken token, String field) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return false;
        }
        if (p.currentToken() != token) {
            throw new IllegalArgumentException("field '" + field + "' must be " + (token == JsonToken.START_ARRAY ? "an array" : "an object"));
        }
        return true;
    }

    /** Moves to the array's next element: {@code true} at an object, {@code false} at the array's end, an error at anything else. */
    private static boolean nextObject(JsonParser p, String field, String shape) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return false;
        }
        if (t != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("field '" + field + "' must be an array of " + shape + " objects, not of "
                    + (t == JsonToken.VALUE_STRING ? "strings" : t == JsonToken.START_ARRAY ? "arrays" : "values such as " + p.getText()));
        }
        return true;
    }

    /** A UTF-16 offset: a whole number ({@code 0.9} is no offset to round), {@code -1} when {@code null}. */
    private static int offset(JsonParser p, String what) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? -1 : nonNegative(p, what, "a whole number of UTF-16 code units");
    }

    /** A whole number from 0 that an int holds, written as an integer or, as Python writes one that passed through a float, 5.0. */
    private static int nonNegative(JsonParser p, String what, String shape) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            // 5.0, as Python writes an offset that passed through a float (numpy, pandas): whole, so an offset
            double d = p.getDoubleValue();
            if (d == Math.rint(d) && d >= 0 && d <= Integer.MAX_VALUE) {
                return (int) d;
            }
        } else if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT && p.getIntValue() >= 0) {
            return p.getIntValue();
        }
        throw new IllegalArgumentException(what + " must be " + shape + ", not "
                + (t == JsonToken.VALUE_STRING ? "the string \"" + p.getText() + "\"" : t.isScalarValue() ? p.getText() : "a structure"));
    }

    /** A true/false field; {@code null} is false. */
    private static boolean flag(JsonParser p, String what) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            default -> throw new IllegalArgumentException(what + " must be true or false, not " + p.getText());
        };
    }

    /** Writes one document followed by a newline. */
    public static void writeLine(Document doc, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(doc, g);
        }
        out.write('\n');
    }
}
