package dev.nlpipe.core.doc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One input unit (a line, a JSON record, a file, a sentence of a CoNLL corpus) and the typed
 * layers that stages add to it.
 *
 * <p>The text never changes once a document is made: every layer's offsets refer to it. A layer
 * that is {@code null} is absent (no stage produced it); an empty list means the stage ran and found
 * nothing. A document is handled by one thread at a time; it is not itself thread-safe.
 *
 * <p>The normalized view ({@link #normalized()}) is a working layer for later tokenizers; it is
 * not part of the JSON form and not compared by {@link #equals}. It stays on the document after a
 * pipeline returns it, so a second pipeline given the same object reads the normalized text, as a
 * tagger given the output of a preprocessing pipeline must; give a fresh document (or
 * {@code setNormalized(null)}) to read the original text again. Neither is
 * {@link #readFrom()}, the input file a run read the document from.
 */
public final class Document {
    private final String id;
    private final String text;
    private String lang;
    private final Map<String, Object> meta = new LinkedHashMap<>();
    private List<Token> tokens;
    private List<Span> sentences;
    private List<Entity> entities;
    private Map<String, Double> labels;
    private Map<String, DocVector> vectors;
    private NormalizedText normalized;
    private String readFrom;
    private String readSource;
    private long readLine;

    public Document(String id, String text) {
        this.id = Objects.requireNonNull(id, "id");
        this.text = Objects.requireNonNull(text, "text");
    }

    public String id() {
        return id;
    }

    public String text() {
        return text;
    }

    /** ISO 639-1 language code such as {@code zh} or {@code en}, or {@code null} when unknown. */
    public String lang() {
        return lang;
    }

    public Document setLang(String newLang) {
        this.lang = newLang;
        return this;
    }

    /**
     * The input file this document was read from in this run, relative to the input root (documents
     * derived from it keep it), or {@code null} when it was not read from a file. Directory outputs
     * mirror it; unlike {@code meta.source}, which the data may carry from earlier runs or for its
     * own purposes, it names the file that was actually read.
     */
    public String readFrom() {
        return readFrom;
    }

    public Document setReadFrom(String relativePath) {
        this.readFrom = relativePath;
        return this;
    }

    /**
     * The input this run read the document from, named as its bad records name it, or {@code null}
     * when it was not read from a file. Bad records of the document are located here and at
     * {@link #readLine()}: {@code meta.source} and {@code meta.line} may be the data's own fields
     * (a JSON line's {@code "source": "Reuters"}) or an earlier run's provenance.
     */
    public String readSource() {
        return readSource;
    }

    /** The line of {@link #readSource()} where the document starts (1-based; 0 for a whole file). */
    public long readLine() {
        return readLine;
    }

    /** Records where this run read the document (a reader's call). */
    public Document setReadAt(String source, long line) {
        this.readSource = source;
        this.readLine = line;
        return this;
    }

    /** Source metadata (file, line, ...) and free-form fields; mutable, insertion-ordered. */
    public Map<String, Object> meta() {
        return meta;
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** The tokens, or a {@link MissingLayerException} naming the stage that asked for them. */
    public List<Token> requireTokens(String stage) {
        if (tokens == null) {
            throw new MissingLayerException(Layer.TOKENS, stage);
        }
        return tokens;
    }

    public Document setTokens(List<Token> newTokens) {
        this.tokens = newTokens;
        return this;
    }

    public List<Span> sentences() {
        return sentences;
    }

    public List<Span> requireSentences(String stage) {
        if (sentences == null) {
            throw new MissingLayerException(Layer.SENTENCES, stage);
        }
        return sentences;
    }

    public Document setSentences(List<Span> newSentences) {
        this.sentences = newSentences;
        return this;
    }

    public List<Entity> entities() {
        return entities;
    }

    public List<Entity> requireEntities(String stage) {
        if (entities == null) {
            throw new MissingLayerException(Layer.ENTITIES, stage);
        }
        return entities;
    }

    public Document setEntities(List<Entity> newEntities) {
        this.entities = newEntities;
        return this;
    }

    /** Appends entities, creating the layer when absent. */
    public Document addEntities(List<Entity> more) {
        if (entities == null) {
            entities = new ArrayList<>(more);
        } else {
            List<Entity> all = new ArrayList<>(entities);
            all.addAll(more);
            entities = all;
        }
        return this;
    }

    /** Category to score; for gold labels the score is 1.0. */
    public Map<String, Double> labels() {
        return labels;
    }

    public Map<String, Double> requireLabels(String stage) {
        if (labels == null) {
            throw new MissingLayerException(Layer.LABELS, stage);
        }
        return labels;
    }

    public Document setLabels(Map<String, Double> newLabels) {
        this.labels = newLabels;
        return this;
    }

    /** Sets one label with score 1.0 (a gold label), keeping the others. */
    public Document addLabel(String label) {
        if (labels == null) {
            labels = new LinkedHashMap<>();
        }
        labels.put(label, 1.0);
        return this;
    }

    /** The label with the highest score, or {@code null} when there are no labels. */
    public String topLabel() {
        if (labels == null || labels.isEmpty()) {
            return null;
        }
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> e : labels.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return best;
    }

    public Map<String, DocVector> vectors() {
        return vectors;
    }

    /** The named vector, or a {@link MissingLayerException}. */
    public DocVector requireVector(String name, String stage) {
        DocVector v = vectors == null ? null : vectors.get(name);
        if (v == null && vectors != null && !vectors.isEmpty()) {
            // the layer is there under other names: the name asked for is the mistake, not a missing stage
            throw new MissingLayerException(Layer.VECTORS, stage, "needs the vector '" + name + "', which this document does not have;"
                    + " it has " + String.join(", ", new java.util.TreeSet<>(vectors.keySet())) + ": name one of these, or give the"
                    + " stage that adds the vector the name '" + name + "' (its option 'name')");
        }
        if (v == null) {
            throw new MissingLayerException(Layer.VECTORS, stage);
        }
        return v;
    }

    public Document putVector(String name, DocVector vector) {
        if (vectors == null) {
            vectors = new LinkedHashMap<>();
        }
        vectors.put(name, vector);
        return this;
    }

    public Document setVectors(Map<String, DocVector> newVectors) {
        this.vectors = newVectors;
        return this;
    }

    /** The normalized working view, or {@code null} when no normalizer ran. */
    public NormalizedText normalized() {
        return normalized;
    }

    public Document setNormalized(NormalizedText view) {
        this.normalized = view;
        return this;
    }

    /** The text tokenizers should read: the normalized view when present, else the text. */
    public String analysisText() {
        return normalized == null ? text : normalized.text();
    }

    /**
     * A token found at {@code [start, end)} of {@link #analysisText()}, with offsets mapped back to the
     * original text and its text taken from the analysis text.
     */
    public Token tokenAt(int start, int end) {
        if (normalized == null) {
            return new Token(text.substring(start, end), start, end);
        }
        String surface = normalized.text().substring(start, end);
        return new Token(surface, normalized.originalStart(start, text.length()), normalized.originalEnd(end, text.length()));
    }

    /** A copy with another id and text and no layers, keeping the language, a copy of the metadata and where it was read. */
    public Document derive(String newId, String newText) {
        Document d = new Document(newId, newText);
        d.lang = lang;
        d.meta.putAll(meta);
        d.readFrom = readFrom;
        d.readSource = readSource;
        d.readLine = readLine;
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Document d && id.equals(d.id) && text.equals(d.text) && Objects.equals(lang, d.lang)
                && meta.equals(d.meta) && Objects.equals(tokens, d.tokens) && Objects.equals(sentences, d.sentences)
                && Objects.equals(entities, d.entities) && Objects.equals(labels, d.labels)
                && Objects.equals(vectors, d.vectors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, text);
    }

    @Override
    public String toString() {
        return "Document[" + id + ": " + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "]";
    }
}
