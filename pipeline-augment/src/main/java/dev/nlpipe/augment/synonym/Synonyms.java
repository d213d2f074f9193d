package dev.nlpipe.augment.synonym;

import dev.nlpipe.augment.LookupCache;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The synonyms EDA uses: the user's groups first, then the built-in dictionary for the word's
 * script — HanLP's CoreSynonym for words with Chinese characters, WordNet for Latin-script words —
 * so a Chinese sentence with English words gets both. Thread-safe; results are cached.
 */
public final class Synonyms implements SynonymSource {
    private final List<SynonymSource> user;
    private final SynonymSource chinese;
    private final SynonymSource english;
    private final LookupCache cache = new LookupCache();

    /**
     * @param user user groups, consulted first
     * @param chinese the dictionary for words with Han characters, or {@code null} for none
     * @param english the dictionary for Latin-script words, or {@code null} for none
     */
    public Synonyms(List<SynonymSource> user, SynonymSource chinese, SynonymSource english) {
        this.user = List.copyOf(user);
        this.chinese = chinese;
        this.english = english;
    }

    @Override
    public List<String> synonyms(String word) {
        return cache.get(word, this::lookup);
    }

    private List<String> lookup(String word) {
        Set<String> out = new LinkedHashSet<>();
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        for (SynonymSource s : user) {
            out.addAll(s.synonyms(word));
            if (!lower.equals(word)) {
                out.addAll(s.synonyms(lower));
            }
        }
        SynonymSource builtin = hasHan(word) ? chinese : hasLatin(word) ? english : null;
        if (builtin != null) {
            out.addAll(builtin.synonyms(word));
        }
        out.remove(word);
        out.remove(lower);
        return out.isEmpty() ? List.of() : List.copyOf(new ArrayList<>(out));
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    static boolean hasLatin(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }
}
