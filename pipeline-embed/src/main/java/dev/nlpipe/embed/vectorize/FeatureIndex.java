package dev.nlpipe.embed.vectorize;

/**
 * Feature strings and their ids, looked up straight from a document's analysis. Ids are dense
 * (0..size-1) in insertion order. An index may hold ids that are not features themselves (the
 * prefixes of word n-grams); those are never counted.
 */
interface FeatureIndex {

    /** Number of ids. */
    int size();

    /** The feature string of an id. */
    String text(int id);

    /** The id of a string, added when new. */
    int add(String term);

    /** The id of a string, or -1. */
    int find(String term);

    /** Drops every entry. */
    void clear();
}
