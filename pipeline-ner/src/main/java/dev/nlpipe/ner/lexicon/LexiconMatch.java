package dev.nlpipe.ner.lexicon;

/**
 * A lexicon word found in a sentence: it is spelled by the units {@code [start, end)}.
 *
 * @param start the index of its first unit
 * @param end one past the index of its last unit
 * @param word its lexicon id, at least 1
 */
public record LexiconMatch(int start, int end, int word) {

    /** Its length in units. */
    public int length() {
        return end - start;
    }
}
