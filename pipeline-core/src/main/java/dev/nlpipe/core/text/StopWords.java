package dev.nlpipe.core.text;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import dev.nlpipe.core.io.Utf8Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Stop-word lists: HanLP's Chinese list, Lucene's English list, and lists read from files. The
 * sets are copies (HanLP's own list is global and mutable; these are not).
 */
public final class StopWords {
    private static volatile Set<String> chinese;
    private static volatile Set<String> english;

    private StopWords() {
    }

    /** HanLP's built-in Chinese stop words (function words, pronouns, punctuation), read-only. */
    public static Set<String> chinese() {
        Set<String> s = chinese;
        if (s == null) {
            synchronized (StopWords.class) {
                s = chinese;
                if (s == null) {
                    s = Collections.unmodifiableSet(new LinkedHashSet<>(CoreStopWordDictionary.dictionary));
                    chinese = s;
                }
            }
        }
        return s;
    }

    /** Lucene's English stop words (the list {@code EnglishAnalyzer} uses), lowercase, read-only. */
    public static Set<String> english() {
        Set<String> s = english;
        if (s == null) {
            Set<String> out = new LinkedHashSet<>();
            for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
                out.add(w instanceof char[] chars ? new String(chars) : w.toString());
            }
            s = Collections.unmodifiableSet(out);
            english = s;
        }
        return s;
    }

    /**
     * The built-in list for a language code ({@code zh} or {@code en}).
     *
     * @throws IllegalArgumentException for any other language
     */
    public static Set<String> builtin(String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "zh" -> chinese();
            case "en" -> english();
            default -> throw new IllegalArgumentException("no built-in stop words for '" + language + "' (there are: zh, en)");
        };
    }

    /**
     * A stop-word file: UTF-8, one word per line; surrounding spaces (no-break and ideographic ones
     * too) and invisible characters (a byte-order mark where two files were joined, a zero-width
     * space) are dropped, blank lines and lines starting with {@code #} are skipped.
     */
    public static Set<String> read(Path file) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (BufferedReader in = Utf8Text.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                List<String> f = WordListLines.visibleFields(line);
                if (!f.isEmpty() && !f.get(0).startsWith("#")) {
                    out.add(String.join(" ", f));
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }
}
