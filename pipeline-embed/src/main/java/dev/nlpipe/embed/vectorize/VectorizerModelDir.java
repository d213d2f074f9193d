package dev.nlpipe.embed.vectorize;

import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelFiles;
import dev.nlpipe.core.model.ModelMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A vectorizer model directory: {@code model.json} (kind {@code vectorize.tfidf} or
 * {@code vectorize.count}, the analyzer, pruning and weighting settings, corpus figures and
 * provenance) and {@code vocabulary.tsv} (terms in column order with df, cf and idf).
 */
public final class VectorizerModelDir {
    /** Model kind of a fitted TF-IDF vectorizer. */
    public static final String TFIDF = VectorizerKind.TFIDF.registeredName();
    /** Model kind of a fitted count vectorizer. */
    public static final String COUNT = VectorizerKind.COUNT.registeredName();
    /** The newest format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private VectorizerModelDir() {
    }

    /**
     * Writes a fitted vectorizer into {@code dir}.
     *
     * @param meta a record of the right kind, with provenance (from the training job)
     */
    public static void write(Path dir, ModelMeta meta, VectorizerModel model, Pruning pruning) throws IOException {
        Vocabulary v = model.vocabulary();
        Map<String, Object> settings = new LinkedHashMap<>(model.analyzerSpec().toMap());
        settings.putAll(model.weighting().toMap());
        settings.putAll(pruning.toMap());
        settings.put("fixedVocabulary", v.fixed());
        meta.put("vectorizer", settings);
        meta.put("documents", v.documents());
        meta.put("vocabularySize", v.size());
        meta.put("distinctTerms", v.distinct());
        meta.put("prunedTerms", v.pruned());
        meta.put("vocabularyFile", VocabularyFile.NAME);
        double[] idf = null;
        if (model.weighting().useIdf()) {
            idf = new double[v.size()];
            for (int i = 0; i < idf.length; i++) {
                idf[i] = model.idf(i);
            }
        }
        VocabularyFile.write(dir.resolve(VocabularyFile.NAME), v, idf);
        ModelDir.writeMeta(dir, meta);
    }

    /**
     * Whether a model's analyzer reads the tokens layer, or {@code null} when the directory cannot
     * be read (loading it reports why).
     */
    public static Boolean usesTokens(Path dir, String... kinds) {
        try {
            return AnalyzerSpec.fromMap(ModelDir.read(dir, FORMAT_VERSION, kinds).getMap("vectorizer")).usesTokens();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Loads a vectorizer model directory.
     *
     * @param stage the stage that loads it (named in missing-layer errors)
     * @param kinds the kinds accepted
     * @throws ModelException saying what is wrong with the directory
     */
    public static VectorizerModel read(Path dir, String stage, String... kinds) {
        ModelMeta meta = ModelDir.read(dir, FORMAT_VERSION, kinds);
        Map<String, Object> settings = meta.getMap("vectorizer");
        if (settings.isEmpty()) {
            throw new ModelException(dir, "model.json has no 'vectorizer' settings");
        }
        AnalyzerSpec spec;
        Weighting weighting;
        Analyzer analyzer;
        try {
            spec = AnalyzerSpec.fromMap(settings);
            weighting = Weighting.fromMap(settings);
            analyzer = new Analyzer(spec, stage);
        } catch (RuntimeException e) {
            throw new ModelException(dir, "has unreadable vectorizer settings in model.json: " + e.getMessage());
        }
        Path vocab = meta.get("vocabularyFile") == null ? dir.resolve(VocabularyFile.NAME)
                : ModelFiles.resolve(dir, meta.getString("vocabularyFile"), "vocabularyFile");
        if (!Files.isRegularFile(vocab)) {
            throw new ModelException(dir, "has no " + vocab.getFileName() + "; the model directory is incomplete");
        }
        try {
            long docs = ((Number) meta.get("documents")).longValue();
            long distinct = meta.get("distinctTerms") instanceof Number n ? n.longValue() : 0;
            VocabularyFile.Content c = VocabularyFile.read(vocab, docs, distinct, Boolean.TRUE.equals(settings.get("fixedVocabulary")));
            if (weighting.useIdf() && c.idf() == null) {
                throw new ModelException(dir, "uses idf but " + vocab.getFileName() + " has no idf column");
            }
            return new VectorizerModel(analyzer, weighting, c.vocabulary(), c.idf());
        } catch (IOException e) {
            throw new ModelException(dir, "cannot read " + vocab.getFileName() + ": " + IoErrors.describe(e));
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            throw new ModelException(dir, "has a malformed vocabulary: " + e.getMessage());
        }
    }
}
