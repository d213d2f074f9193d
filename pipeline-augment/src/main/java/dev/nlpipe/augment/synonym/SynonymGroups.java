package dev.nlpipe.augment.synonym;

import dev.nlpipe.core.io.Utf8Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Synonym groups, one group per line: every word of a group is a synonym of every other. A word in
 * several groups has the union of their words. Used for user files and for HanLP's CoreSynonym
 * dictionary (同义词词林 extended).
 */
public final class SynonymGroups implements SynonymSource {
    /** Words in a user file are separated by spaces, tabs, commas (also full-width), 、 or semicolons. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、;；]+");
    private final Map<String, List<String>> synonyms;

    private SynonymGroups(Map<String, List<String>> synonyms) {
        this.synonyms = synonyms;
    }

    /** Builds the lookup from groups (each a list of words). */
    public static SynonymGroups of(List<List<String>> groups) {
        Map<String, Set<String>> acc = new HashMap<>();
        for (List<String> group : groups) {
            for (String w : group) {
                Set<String> s = acc.computeIfAbsent(w, k -> new LinkedHashSet<>());
                for (String other : group) {
                    if (!other.equals(w)) {
                        s.add(other);
                    }
                }
            }
        }
        Map<String, List<String>> out = new HashMap<>(acc.size() * 2);
        acc.forEach((w, s) -> {
            if (!s.isEmpty()) {
                out.put(w, List.copyOf(s));
            }
        });
        return new SynonymGroups(out);
    }

    /**
     * Reads a user synonym file: UTF-8, one group per line, {@code #} starts a comment line.
     */
    public static SynonymGroups read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(readGroups(in, false));
        }
    }

    /**
     * Reads group lines.
     *
     * @param cilin whether lines are in the Cilin format ({@code Aa01A01= word word ...}): only
     *     {@code =} lines (true synonyms) are kept, not {@code #} (related words) or {@code @} (no synonyms)
     */
    static List<List<String>> readGroups(InputStream in, boolean cilin) throws IOException {
        List<List<String>> groups = new ArrayList<>();
        try (BufferedReader r = Utf8Text.open(in)) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || (!cilin && line.startsWith("#"))) {
                    continue;
                }
                if (cilin) {
                    int space = line.indexOf(' ');
                    if (space < 1 || line.charAt(space - 1) != '=') {
                        continue;
                    }
                    line = line.substring(space + 1);
                }
                List<String> words = new ArrayList<>();
                for (String w : SEPARATORS.split(line)) {
                    if (!w.isEmpty() && !words.contains(w)) {
                        words.add(w);
                    }
                }
                if (words.size() > 1) {
                    groups.add(words);
                }
            }
        }
        return groups;
    }

    @Override
    public List<String> synonyms(String word) {
        return synonyms.getOrDefault(word, List.of());
    }

    /** Number of words that have synonyms. */
    public int size() {
        return synonyms.size();
    }
}
