package dev.nlpipe.embed.word2vec;

import dev.nlpipe.core.io.Utf8Text;
import dev.nlpipe.embed.vectorize.VectorizerModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A weight per term for pooling word vectors into a document vector: 1 for a plain mean, the
 * term's inverse document frequency for a TF-IDF-weighted mean (each occurrence adds its idf, so a
 * term counts tf × idf). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TermWeights {

    /** The weight of one occurrence of {@code term}; 0 leaves it out. */
    double weight(String term);

    /** Every term weighs 1: the plain mean. */
    static TermWeights uniform() {
        return term -> 1.0;
    }

    /**
     * Weights from a file of {@code term<TAB>weight} lines (e.g. idf values exported from
     * scikit-learn's {@code TfidfVectorizer.idf_}); terms not listed weigh {@code missing}. A line
     * starting with {@code #} and holding no tab is a comment.
     */
    static TermWeights load(Path file, double missing) throws IOException {
        Map<String, Double> w = new HashMap<>();
        int lineNo = 0;
        try (BufferedReader r = Utf8Text.open(file)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                int tab = line.lastIndexOf('\t');
                if (line.isBlank() || line.startsWith("#") && tab < 0) {
                    // a comment has no tab: #nlp<TAB>5.0 is a hashtag's weight
                    continue;
                }
                try {
                    if (tab <= 0) {
                        throw new NumberFormatException();
                    }
                    w.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1).strip()));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + lineNo + ": expected 'term<TAB>weight' with a number as weight");
                }
            }
        }
        return term -> w.getOrDefault(term, missing);
    }

    /**
     * Weights from a fitted TF-IDF model ({@code nlpipe train} with {@code task: vectorize.tfidf}):
     * each term's idf, looked up the way the model analyses words (lowercased when it lowercases);
     * terms outside its vocabulary weigh {@code missing}.
     */
    static TermWeights idf(VectorizerModel model, double missing) {
        boolean lower = model.analyzerSpec().lowercase();
        return term -> {
            int column = model.column(lower ? term.toLowerCase(Locale.ROOT) : term);
            return column < 0 ? missing : model.idf(column);
        };
    }
}
