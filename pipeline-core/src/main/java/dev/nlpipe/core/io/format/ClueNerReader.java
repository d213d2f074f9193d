package dev.nlpipe.core.io.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.LoneSurrogates;
import dev.nlpipe.core.io.CorpusReader;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CLUENER2020 JSON lines: {@code {"text": ..., "label": {TYPE: {MENTION: [[start, end], ...]}}}},
 * where {@code end} is inclusive and both count characters (code points) of {@code text}. Each line
 * becomes a document with its gold entities (offsets converted to the usual UTF-16, end exclusive);
 * a line without {@code label} (the unlabelled test split) has no entities. A span that does not
 * match its mention text makes the line a bad record. Overlapping entities are kept as the file has
 * them (CLUENER's training split nests two companies inside a book title), as the {@code jsonl}
 * reader keeps them: training a tagger keeps the first of overlapping entities and counts the others
 * in its log ({@code GoldSpans}), and the {@code bmes} and {@code conll} writers write the first.
 */
public final class ClueNerReader implements ReaderProvider {

    @Override
    public String name() {
        return "cluener";
    }

    @Override
    public String description() {
        return "CLUENER2020 JSON lines: text plus label {type: {mention: [[start, end]]}}, end inclusive";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.string("idField", "id", "field holding the document id (default: file:line)"));
    }

    @Override
    public Set<Layer> provides(Options options) {
        return Set.of(Layer.ENTITIES);
    }

    @Override
    public CorpusReader open(InputSource source, Options options, ReadSettings settings) throws IOException {
        String idField = options.getString("idField");
        return new LineRecordReader(source, settings) {
            @Override
            protected Document readNext() throws IOException {
                return nextRecord((line, n) -> parse(line, idField, idAt(n)));
            }
        };
    }

    /** One CLUENER record as a document, its entities in text order. */
    static Document parse(String line, String idField, String fallbackId) throws IOException {
        JsonNode root = DocumentJson.readTreeStrict(line);
        if (root == null || !root.isObject() || !root.path("text").isTextual()) {
            throw new IllegalArgumentException("expected a JSON object with a \"text\" string");
        }
        String text = root.get("text").asText();
        String id = root.path(idField).isValueNode() ? root.get(idField).asText() : fallbackId;
        List<Entity> entities = new ArrayList<>();
        JsonNode label = root.get("label");
        if (label != null && !label.isNull()) {
            if (!label.isObject()) {
                throw new IllegalArgumentException("\"label\" must be an object {type: {mention: [[start, end]]}}");
            }
            int codePoints = text.codePointCount(0, text.length());
            for (Iterator<Map.Entry<String, JsonNode>> types = label.properties().iterator(); types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                if (!type.getValue().isObject()) {
                    throw new IllegalArgumentException("\"label\".\"" + type.getKey() + "\" must be an object {mention: [[start, end]]},"
                            + " not " + type.getValue());
                }
                for (Iterator<Map.Entry<String, JsonNode>> mentions = type.getValue().properties().iterator(); mentions.hasNext(); ) {
                    Map.Entry<String, JsonNode> mention = mentions.next();
                    if (!mention.getValue().isArray()) {
                        throw new IllegalArgumentException("spans of '" + mention.getKey() + "' must be a list [[start, end], ...], not "
                                + mention.getValue());
                    }
                    for (JsonNode span : mention.getValue()) {
                        if (!span.isArray() || span.size() != 2 || !span.get(0).canConvertToInt() || !span.get(1).canConvertToInt()) {
                            throw new IllegalArgumentException("span of '" + mention.getKey() + "' must be [start, end], not " + span);
                        }
                        int s = span.get(0).asInt();
                        int e = span.get(1).asInt();
                        if (s < 0 || e < s || e >= codePoints) {
                            throw new IllegalArgumentException("span [" + s + ", " + e + "] of '" + mention.getKey()
                                    + "' is outside the text (" + codePoints + " characters)");
                        }
                        int start = text.offsetByCodePoints(0, s);
                        int end = text.offsetByCodePoints(0, e + 1);
                        if (!text.substring(start, end).equals(mention.getKey())) {
                            throw new IllegalArgumentException("span [" + s + ", " + e + "] reads '" + text.substring(start, end)
                                    + "', not '" + mention.getKey() + "'");
                        }
                        entities.add(Entity.of(text, type.getKey(), start, end));
                    }
                }
            }
        }
        entities.sort(Comparator.comparingInt(Entity::start).thenComparingInt(Entity::end));
        Document d = new Document(id, text).setEntities(new ArrayList<>(new LinkedHashSet<>(entities)));
        LoneSurrogates.check(d);
        return d;
    }
}
