package dev.nlpipe.augment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The results of a per-word look-up (synonyms, nearest neighbours), computed once per word and
 * shared by threads, up to a number of words: past it new words are looked up each time rather than
 * kept. A stage lives as long as its pipeline (days in a scheduler or a Spark executor, and WordNet's
 * dictionary for the whole process), and web text brings new tokens without end, while the words
 * worth keeping are the frequent ones, which come early.
 */
public final class LookupCache {
    /** Words kept: a million short lists, some hundreds of megabytes at most. */
    public static final int DEFAULT_CAPACITY = 1 << 20;

    private final Map<String, List<String>> results = new ConcurrentHashMap<>();
    private final int capacity;

    /** A cache of {@link #DEFAULT_CAPACITY} words. */
    public LookupCache() {
        this(DEFAULT_CAPACITY);
    }

    /** A cache of at most {@code capacity} words. */
    public LookupCache(int capacity) {
        this.capacity = capacity;
    }

    /** The result for {@code word}, computed by {@code lookup} unless kept. */
    public List<String> get(String word, Function<String, List<String>> lookup) {
        List<String> hit = results.get(word);
        if (hit == null) {
            hit = lookup.apply(word);
            if (results.size() < capacity) {
                results.putIfAbsent(word, hit);
            }
        }
        return hit;
    }

    /** The number of words kept. */
    public int size() {
        return results.size();
    }
}
