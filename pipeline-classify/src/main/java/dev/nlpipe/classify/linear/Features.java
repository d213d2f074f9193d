package dev.nlpipe.classify.linear;

import dev.nlpipe.core.doc.DenseVector;
import dev.nlpipe.core.doc.DocVector;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelFiles;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.embed.vectorize.Analyzer;
import dev.nlpipe.embed.vectorize.AnalyzerSpec;
import dev.nlpipe.embed.vectorize.HashingStage;
import dev.nlpipe.embed.vectorize.Pruning;
import dev.nlpipe.embed.vectorize.VectorizerModel;
import dev.nlpipe.embed.vectorize.VectorizerModelDir;
import dev.nlpipe.embed.vectorize.Weighting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a classifier turns a document into its feature vector: a fitted vectorizer (kept in the
 * model's {@code features/} directory), the hashing vectorizer, or a vector an earlier stage
 * added. Thread-safe.
 */
sealed interface Features permits Features.Vectorizer, Features.Hashing, Features.FromLayer {
    /** The subdirectory of a classifier model that holds its vectorizer. */
    String DIR = "features";

    /** The document's features. */
    SparseVector apply(Document doc);

    /** The number of feature columns. */
    int dimension();

    /** The layers {@link #apply} reads. */
    Set<Layer> requires();

    /** Describes the features in {@code model.json} and writes any files they need into the model directory. */
    Map<String, Object> save(Path modelDir, ModelMeta vectorizerMeta) throws IOException;

    /** A fitted count or TF-IDF vectorizer. */
    record Vectorizer(VectorizerModel model, String kind, Pruning pruning) implements Features {
        @Override
        public SparseVector apply(Document doc) {
            return model.transform(doc);
        }

        @Override
        public int dimension() {
            return model.size();
        }

        @Override
        public Set<Layer> requires() {
            return model.analyzerSpec().usesTokens() ? Set.of(Layer.TOKENS) : Set.of();
        }

        @Override
        public Map<String, Object> save(Path modelDir, ModelMeta vectorizerMeta) throws IOException {
            Path dir = Files.createDirectories(modelDir.resolve(DIR));
            VectorizerModelDir.write(dir, vectorizerMeta, model, pruning);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", kind.substring(kind.indexOf('.') + 1));
            m.put("model", DIR);
            m.put("dimension", dimension());
            return m;
        }
    }

    /** scikit-learn's HashingVectorizer. */
    record Hashing(HashingStage.Hasher hasher, AnalyzerSpec spec, int nFeatures, boolean alternateSign, Weighting weighting)
            implements Features {
        @Override
        public SparseVector apply(Document doc) {
            return hasher.transform(doc);
        }

        @Override
        public int dimension() {
            return nFeatures;
        }

        @Override
        public Set<Layer> requires() {
            return spec.usesTokens() ? Set.of(Layer.TOKENS) : Set.of();
        }

        @Override
        public Map<String, Object> save(Path modelDir, ModelMeta vectorizerMeta) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "hashing");
            m.putAll(spec.toMap());
            m.put("nFeatures", nFeatures);
            m.put("alternateSign", alternateSign);
            m.put("binary", weighting.binary());
            m.put("norm", weighting.norm().key());
            m.put("dimension", nFeatures);
            return m;
        }
    }

    /**
     * A vector an earlier stage added.
     *
     * @param dimension columns seen in training (larger indices are ignored when predicting)
     */
    record FromLayer(String name, int dimension) implements Features {
        @Override
        public SparseVector apply(Document doc) {
            DocVector v = doc.requireVector(name, "classify");
            if (v instanceof SparseVector s) {
                return s;
            }
            float[] dense = ((DenseVector) v).values();
            if (dimension > 0 && dense.length != dimension) {
                // a vector of another size is another model's (an encoder of another width under the same name): its
                // values would be read against weights that mean something else, and scored without a word
                throw new IllegalArgumentException("the vector '" + name + "' has " + dense.length + " values, but the classifier was"
                        + " trained on vectors of " + dimension + ": made by another model under the same name? Give the stage that"
                        + " makes it the model the classifier was trained behind, or another name");
            }
            int[] idx = new int[dense.length];
            double[] val = new double[dense.length];
            for (int i = 0; i < dense.length; i++) {
                idx[i] = i;
                val[i] = dense[i];
            }
            return new SparseVector(idx, val);
        }

        @Override
        public Set<Layer> requires() {
            return Set.of(Layer.VECTORS);
        }

        @Override
        public Map<String, Object> save(Path modelDir, ModelMeta vectorizerMeta) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "vector");
            m.put("vector", name);
            m.put("dimension", dimension);
            return m;
        }
    }

    /** Loads the features a classifier model describes. */
    static Features load(Path modelDir, Map<String, Object> m) {
        String type = String.valueOf(m.get("type"));
        int dim = m.get("dimension") instanceof Number n ? n.intValue() : 0;
        switch (type) {
            case "tfidf", "count" -> {
                String kind = "vectorize." + type;
                VectorizerModel v = VectorizerModelDir.read(
                        ModelFiles.resolve(modelDir, String.valueOf(m.getOrDefault("model", DIR)), "features.model"), "classify", kind);
                return new Vectorizer(v, kind, Pruning.NONE);
            }
            case "hashing" -> {
                AnalyzerSpec spec = AnalyzerSpec.fromMap(m);
                boolean alternate = !Boolean.FALSE.equals(m.get("alternateSign"));
                Weighting w = new Weighting(Boolean.TRUE.equals(m.get("binary")), false, false, true,
                        Weighting.Norm.of(String.valueOf(m.getOrDefault("norm", "l2"))));
                return new Hashing(new HashingStage.Hasher(new Analyzer(spec, "classify"), dim, alternate, w), spec, dim, alternate, w);
            }
            case "vector" -> {
                return new FromLayer(String.valueOf(m.get("vector")), dim);
            }
            default -> throw new ModelException(modelDir, "has unknown features type '" + type + "' in model.json");
        }
    }
}
