package dev.nlpipe.augment.embedding;

import dev.nlpipe.augment.Augmenter;
import dev.nlpipe.augment.LookupCache;
import dev.nlpipe.augment.Piece;
import dev.nlpipe.augment.Sentence;
import dev.nlpipe.augment.Variant;
import dev.nlpipe.augment.WordReplacement;
import dev.nlpipe.embed.word2vec.WordVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Word replacement by embedding neighbours: up to {@code n = max(1, ⌊α·l⌋)} distinct non-stop
 * words, in random order among those that have neighbours, are replaced (every occurrence) by one
 * of their {@code k} nearest words whose cosine similarity reaches the threshold. Neighbour lists
 * are computed once per word and cached.
 */
final class NeighbourReplacement implements Augmenter.Operation {
    static final String OP = "embedding";
    private final WordVectors vectors;
    private final int k;
    private final double minSimilarity;
    private final double alpha;
    private final int limit;
    private final LookupCache cache = new LookupCache();

    /**
     * @param limit neighbours are sought among the first {@code limit} rows (the most frequent words)
     */
    NeighbourReplacement(WordVectors vectors, int k, double minSimilarity, double alpha, int limit) {
        this.vectors = vectors;
        this.k = k;
        this.minSimilarity = minSimilarity;
        this.alpha = alpha;
        this.limit = limit;
    }

    @Override
    public Variant apply(Sentence s, SplittableRandom rng) {
        List<Piece> out = WordReplacement.replace(s.pieces(), Math.max(1, (int) (alpha * s.wordCount())), this::neighbours, rng);
        return out == null ? null : new Variant(out, List.of(OP));
    }

    /** The word's usable neighbours, most similar first; empty when it has no vector. */
    List<String> neighbours(String word) {
        return cache.get(word, this::search);
    }

    private List<String> search(String word) {
        int row = vectors.lookup(word, vectors.size());
        if (row < 0) {
            return List.of();
        }
        String self = word.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(k);
        // a few spare candidates: case variants of the word itself and punctuation are skipped
        for (WordVectors.Neighbor nb : vectors.nearest(vectors.vector(vectors.word(row)), k + 5, limit, row)) {
            if (out.size() == k || nb.score() < minSimilarity) {
                break;
            }
            String w = nb.word();
            if (!w.toLowerCase(Locale.ROOT).equals(self) && w.codePoints().anyMatch(Character::isLetterOrDigit)) {
                out.add(w);
            }
        }
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }
}
