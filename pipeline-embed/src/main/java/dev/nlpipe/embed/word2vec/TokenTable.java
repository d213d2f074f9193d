package dev.nlpipe.embed.word2vec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every distinct token seen in a corpus, numbered in order of first appearance, with its count.
 * These provisional ids are what the on-disk {@link CorpusCache} holds; the final vocabulary
 * (min count, size limit, frequency order) is chosen afterwards from the counts.
 */
public final class TokenTable {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private long[] counts = new long[1024];

    /** Counts one occurrence of {@code token} and returns its id. */
    public int add(String token) {
        Integer id = ids.get(token);
        if (id == null) {
            id = words.size();
            ids.put(token, id);
            words.add(token);
            if (id == counts.length) {
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
        }
        counts[id]++;
        return id;
    }

    /** Counts {@code times} occurrences of {@code token} at once (a count made elsewhere) and returns its id. */
    int add(String token, long times) {
        int id = intern(token);
        counts[id] += times;
        return id;
    }

    /** The id of a token, adding it with count 0 when new. */
    int intern(String token) {
        int id = add(token);
        counts[id]--;
        return id;
    }

    /** The id of a token, or -1 when it was never seen. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    /** Number of distinct tokens. */
    public int size() {
        return words.size();
    }

    public String word(int id) {
        return words.get(id);
    }

    public long count(int id) {
        return counts[id];
    }

    /** Total number of tokens counted. */
    public long total() {
        long t = 0;
        for (int i = 0; i < words.size(); i++) {
            t += counts[i];
        }
        return t;
    }

    /** Forgets all counts, keeping the tokens and their ids (before recounting a rewritten corpus). */
    void clearCounts() {
        Arrays.fill(counts, 0);
    }

    /** Counts one more occurrence of an existing id. */
    void increment(int id) {
        counts[id]++;
    }
}
