package dev.nlpipe.augment.noise;

import dev.nlpipe.core.io.Utf8Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chinese homophones from HanLP's pinyin dictionary ({@code data/dictionary/pinyin/pinyin.txt} in
 * the portable jar): characters with the same reading, with or without the tone — the mistakes a
 * pinyin input method makes. A character's reading is taken from the word it is in when the
 * dictionary lists that word (行 in 银行 is hang2), else its first reading. Replacements are common
 * characters only (found in at least {@value #MIN_COUNT} entries of HanLP's pinyin and synonym
 * dictionaries), drawn in proportion to that count, so 是 becomes 事 or 市 more often than 噬.
 */
final class Homophones {
    static final String PINYIN = "data/dictionary/pinyin/pinyin.txt";
    static final String SYNONYMS = "data/dictionary/synonym/CoreSynonym.txt";
    static final int MIN_COUNT = 5;
    private static volatile Homophones instance;
    private final Map<String, String[]> readings;
    private final Map<Integer, Integer> counts;
    private final Map<String, List<Integer>> byReading;
    private final Map<String, List<Integer>> byToneless;

    private Homophones(Map<String, String[]> readings, Map<Integer, Integer> counts) {
        this.readings = readings;
        this.counts = counts;
        this.byReading = new HashMap<>();
        this.byToneless = new HashMap<>();
        readings.forEach((w, r) -> {
            if (w.codePointCount(0, w.length()) == 1 && counts.getOrDefault(w.codePointAt(0), 0) >= MIN_COUNT) {
                byReading.computeIfAbsent(r[0], k -> new ArrayList<>()).add(w.codePointAt(0));
                byToneless.computeIfAbsent(toneless(r[0]), k -> new ArrayList<>()).add(w.codePointAt(0));
            }
        });
        byReading.values().forEach(l -> l.sort(null));
        byToneless.values().forEach(l -> l.sort(null));
    }

    /** The dictionary, loaded once (about half a second). */
    static Homophones get() {
        Homophones h = instance;
        if (h == null) {
            synchronized (Homophones.class) {
                h = instance;
                if (h == null) {
                    h = load();
                    instance = h;
                }
            }
        }
        return h;
    }

    private static Homophones load() {
        Map<String, String[]> readings = new HashMap<>(60_000);
        Map<Integer, Integer> counts = new HashMap<>(20_000);
        try (BufferedReader r = open(PINYIN)) {
            String line;
            while ((line = r.readLine()) != null) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String word = line.substring(0, eq);
                readings.put(word, line.substring(eq + 1).strip().split(","));
                word.codePoints().distinct().forEach(c -> counts.merge(c, 1, Integer::sum));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HanLP's " + PINYIN + ": " + e.getMessage(), e);
        }
        try (BufferedReader r = open(SYNONYMS)) {
            String line;
            while ((line = r.readLine()) != null) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    for (String w : line.substring(space + 1).strip().split(" ")) {
                        w.codePoints().distinct().forEach(c -> counts.merge(c, 1, Integer::sum));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HanLP's " + SYNONYMS + ": " + e.getMessage(), e);
        }
        return new Homophones(readings, counts);
    }

    private static BufferedReader open(String resource) throws IOException {
        InputStream in = Homophones.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the class path; it ships in com.hankcs:hanlp:portable-1.8.6");
        }
        return Utf8Text.open(in);
    }

    /**
     * The reading of the character at {@code index} (in code points) of {@code word}: from the
     * word's own entry when it has one reading per character, else the character's first reading;
     * {@code null} for characters without a reading.
     */
    String reading(String word, int index) {
        String[] w = readings.get(word);
        if (w != null && w.length == word.codePointCount(0, word.length())) {
            return w[index];
        }
        int cp = word.codePointAt(word.offsetByCodePoints(0, index));
        String[] c = readings.get(new String(Character.toChars(cp)));
        return c == null ? null : c[0];
    }

    /** A common character read {@code reading} (ignoring tones if asked), other than {@code cp}; -1 when none. */
    int pick(int cp, String reading, boolean ignoreTone, SplittableRandom rng) {
        List<Integer> all = ignoreTone ? byToneless.get(toneless(reading)) : byReading.get(reading);
        if (all == null) {
            return -1;
        }
        long total = 0;
        for (int c : all) {
            if (c != cp) {
                total += counts.get(c);
            }
        }
        if (total == 0) {
            return -1;
        }
        long x = rng.nextLong(total);
        for (int c : all) {
            if (c != cp) {
                x -= counts.get(c);
                if (x < 0) {
                    return c;
                }
            }
        }
        return -1;
    }

    static String toneless(String reading) {
        int end = reading.length();
        while (end > 0 && Character.isDigit(reading.charAt(end - 1))) {
            end--;
        }
        return reading.substring(0, end);
    }
}
