package dev.nlpipe.augment.synonym;

import java.util.List;

/** Where synonyms come from. Implementations are thread-safe. */
@FunctionalInterface
public interface SynonymSource {

    /**
     * The synonyms of a word, without the word itself, in a fixed order (so random picks are
     * reproducible); empty when it has none.
     */
    List<String> synonyms(String word);
}
