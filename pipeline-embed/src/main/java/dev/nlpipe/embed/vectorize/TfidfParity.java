package dev.nlpipe.embed.vectorize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.SparseVector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reproduces a scikit-learn TF-IDF reference file (settings, documents, vocabulary, idf and every
 * row value, as in {@code shared/parity/}) with nlpipe and measures the differences.
 */
public final class TfidfParity {
    private TfidfParity() {
    }

    /**
     * The comparison of one reference file.
     *
     * @param documents documents vectorized
     * @param vocabularyIdentical whether the terms and their column order are equal
     * @param missingTerms reference terms nlpipe does not have (up to 10)
     * @param extraTerms nlpipe terms the reference does not have (up to 10)
     * @param maxIdfDiff largest absolute idf difference over the shared terms
     * @param maxValueDiff largest absolute difference over every cell of the matrix
     * @param analyzer the analyzer used
     */
    public record Result(int documents, int referenceTerms, int nlpipeTerms, boolean vocabularyIdentical, List<String> missingTerms,
                         List<String> extraTerms, double maxIdfDiff, double maxValueDiff, String analyzer) {

        /** Whether nlpipe matches within {@code tolerance}. */
        public boolean matches(double tolerance) {
            return vocabularyIdentical && maxIdfDiff <= tolerance && maxValueDiff <= tolerance;
        }

        /** The result as a JSON-ready map. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("documents", documents);
            m.put("reference_terms", referenceTerms);
            m.put("nlpipe_terms", nlpipeTerms);
            m.put("vocabulary_identical", vocabularyIdentical);
            m.put("missing_terms", missingTerms);
            m.put("extra_terms", extraTerms);
            m.put("max_idf_diff", maxIdfDiff);
            m.put("max_value_diff", maxValueDiff);
            m.put("analyzer", analyzer);
            return m;
        }
    }

    /**
     * Checks one reference file. Its {@code settings.analyzer} decides the tokens: text starting
     * with {@code tokens = doc.split()} means whitespace-separated tokens, anything else
     * scikit-learn's analyzer, lowercasing and with the token pattern as the settings record them
     * ({@code lowercase}, {@code token_pattern}; scikit-learn's defaults when absent). {@code norm: null}
     * is no normalization, and a reference without {@code use_idf} has no idf to compare.
     */
    public static Result check(Path reference) throws IOException {
        JsonNode ref = DocumentJson.mapper().readTree(reference.toFile());
        JsonNode settings = ref.path("settings");
        boolean split = settings.path("analyzer").asText("").startsWith("tokens = doc.split()");
        // scikit-learn's own settings where the reference records them (lowercase, token_pattern), its defaults otherwise
        String pattern = split ? "\\S+" : settings.path("token_pattern").isTextual() ? settings.path("token_pattern").asText()
                : AnalyzerSpec.SKLEARN_TOKEN_PATTERN;
        AnalyzerSpec spec = new AnalyzerSpec(AnalyzerSpec.Kind.WORD, settings.path("ngram_range").get(0).asInt(),
                settings.path("ngram_range").get(1).asInt(), !split && settings.path("lowercase").asBoolean(true), pattern, Set.of(), true);
        JsonNode minDfNode = settings.path("min_df");
        Number minDf = minDfNode.isIntegralNumber() ? (Number) minDfNode.asLong() : (Number) minDfNode.asDouble();
        JsonNode maxDfNode = settings.path("max_df");
        Number maxDf = maxDfNode.isMissingNode() ? 1.0 : maxDfNode.isIntegralNumber() ? (Number) maxDfNode.asLong() : maxDfNode.asDouble();
        // norm=None is written as JSON null, which asText would read as the default
        String norm = settings.path("norm").isNull() ? "none" : settings.path("norm").asText("l2");
        Weighting w = new Weighting(settings.path("binary").asBoolean(false), settings.path("sublinear_tf").asBoolean(false),
                settings.path("use_idf").asBoolean(true), settings.path("smooth_idf").asBoolean(true), Weighting.Norm.of(norm));

        List<Document> docs = new ArrayList<>();
        for (JsonNode d : ref.path("docs")) {
            docs.add(new Document("d" + docs.size(), d.asText()));
        }
        Analyzer analyzer = new Analyzer(spec, "parity");
        Vocabulary v;
        try (VocabularyCounter counter = new VocabularyCounter(analyzer, null, 1, Long.MAX_VALUE)) {
            docs.forEach(counter::add);
            v = counter.finish(new Pruning(minDf, maxDf, null), false);
        }
        VectorizerModel model = new VectorizerModel(analyzer, w, v, null);
        int terms = ref.path("vocabulary").size();
        if (w.useIdf() && ref.path("idf").size() != terms) {
            // a reference whose idf is missing or cut would otherwise compare no idf at all and report a match
            throw new IOException(reference + ": 'idf' holds " + ref.path("idf").size() + " values for the " + terms
                    + " terms of 'vocabulary' (the settings have use_idf true): the reference file is incomplete");
        }
        return compare(ref, docs, model, spec.toString() + (split ? ", whitespace tokens" : ", token pattern " + spec.tokenPattern()));
    }

    private static Result compare(JsonNode ref, List<Document> docs, VectorizerModel model, String analyzer) {
        JsonNode vocab = ref.path("vocabulary");
        String[] refTerms = new String[vocab.size()];
        vocab.properties().forEach(e -> refTerms[e.getValue().asInt()] = e.getKey());
        boolean identical = refTerms.length == model.size();
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < refTerms.length; i++) {
            if (identical && !refTerms[i].equals(model.term(i))) {
                identical = false;
            }
            if (model.column(refTerms[i]) < 0 && missing.size() < 10) {
                missing.add(refTerms[i]);
            }
        }
        java.util.Set<String> refSet = java.util.Set.of(refTerms);
        for (int i = 0; i < model.size() && extra.size() < 10; i++) {
            if (!refSet.contains(model.term(i))) {
                extra.add(model.term(i));
            }
        }
        double idfDiff = 0;
        JsonNode idf = ref.path("idf");
        // without use_idf scikit-learn has no idf_ to record: the values alone are compared
        boolean withIdf = model.weighting().useIdf();
        for (int i = 0; i < refTerms.length && withIdf; i++) {
            int c = model.column(refTerms[i]);
            if (c >= 0) {
                idfDiff = Math.max(idfDiff, Math.abs(idf.get(i).asDouble() - model.idf(c)));
            }
        }
        double valueDiff = 0;
        JsonNode rows = ref.path("rows");
        for (int r = 0; r < docs.size(); r++) {
            SparseVector mine = model.transform(docs.get(r));
            Map<String, Double> expected = new LinkedHashMap<>();
            for (JsonNode cell : rows.get(r)) {
                expected.put(refTerms[cell.get(0).asInt()], cell.get(1).asDouble());
            }
            for (int k = 0; k < mine.size(); k++) {
                String term = model.term(mine.indices()[k]);
                Double e = expected.remove(term);
                valueDiff = Math.max(valueDiff, Math.abs((e == null ? 0 : e) - mine.values()[k]));
            }
            for (double e : expected.values()) {
                valueDiff = Math.max(valueDiff, Math.abs(e));
            }
        }
        return new Result(docs.size(), refTerms.length, model.size(), identical, missing, extra, idfDiff, valueDiff, analyzer);
    }
}
