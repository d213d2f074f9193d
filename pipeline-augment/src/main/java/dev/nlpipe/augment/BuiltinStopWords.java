package dev.nlpipe.augment;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** TEMPORARY until the core stop-word lists land: HanLP's Chinese list and a short English list. */
final class BuiltinStopWords {
    private BuiltinStopWords() {
    }

    static Set<String> of(String lang) {
        return switch (lang.toLowerCase(Locale.ROOT)) {
            case "zh" -> new LinkedHashSet<>(CoreStopWordDictionary.dictionary);
            case "en" -> Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
                    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this",
                    "to", "was", "will", "with");
            default -> throw new IllegalArgumentException("no built-in stop words for '" + lang + "' (there are: zh, en)");
        };
    }

    static Set<String> read(Path file) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String w = line.replace("\uFEFF", "").strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
