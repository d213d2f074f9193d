package dev.nlpipe.augment.synonym;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Chinese synonyms from HanLP's CoreSynonym dictionary (同义词词林 extended), read from the HanLP
 * portable jar. Only true synonym groups ({@code =}) are used, not groups of related words
 * ({@code #}). Loaded once per process.
 */
public final class CilinSynonyms {
    /** Where the HanLP portable jar keeps the dictionary. */
    static final String RESOURCE = "data/dictionary/synonym/CoreSynonym.txt";
    private static volatile SynonymGroups instance;

    private CilinSynonyms() {
    }

    /** The dictionary (loaded on first use, about a hundred milliseconds). */
    public static SynonymGroups get() {
        SynonymGroups g = instance;
        if (g == null) {
            synchronized (CilinSynonyms.class) {
                g = instance;
                if (g == null) {
                    g = load();
                    instance = g;
                }
            }
        }
        return g;
    }

    private static SynonymGroups load() {
        InputStream in = CilinSynonyms.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the class path; it ships in com.hankcs:hanlp:portable-1.8.6");
        }
        try (in) {
            return SynonymGroups.of(SynonymGroups.readGroups(in, true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HanLP's " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
