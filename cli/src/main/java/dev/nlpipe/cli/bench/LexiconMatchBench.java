package dev.nlpipe.cli.bench;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import dev.nlpipe.ner.lexicon.Lexicon;
import dev.nlpipe.ner.lexicon.LexiconSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark behind {@code bench/lexicon-matching.sh}: finds every word of HanLP's core dictionary
 * (2 to 10 characters) in each sentence of a {@code char<TAB>tag}/{@code char tag} file (blank
 * lines between sentences, as Resume and MSRA), with nlpipe's {@link Lexicon} (HanLP's
 * Aho-Corasick double-array trie, one pass per sentence) and with HanLP's core-dictionary trie
 * searched for common prefixes at every position ({@code commonPrefixSearchWithValue}, the lookup
 * HanLP's own segmenters do). Prints characters per second (best of the repeats) and the matches
 * each found, which must agree.
 *
 * <p>Usage: {@code java -cp nlpipe.jar dev.nlpipe.cli.bench.LexiconMatchBench FILE [REPEATS]}
 */
public final class LexiconMatchBench {
    private LexiconMatchBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> sentences = sentences(Path.of(args[0]));
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long chars = sentences.stream().mapToLong(String::length).sum();
        List<String[]> units = sentences.stream().map(s -> s.codePoints().mapToObj(Character::toString).toArray(String[]::new)).toList();
        long t0 = System.nanoTime();
        Lexicon lexicon = Lexicon.build(new LexiconSpec(List.of(LexiconSpec.HANLP), null, "auto", 2, 10, 0, 0),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        long acMatches = 0;
        long prefixMatches = 0;
        double acBest = Double.MAX_VALUE;
        double prefixBest = Double.MAX_VALUE;
        for (int r = 0; r < repeats + 1; r++) {
            long t = System.nanoTime();
            long n = 0;
            for (String[] s : units) {
                n += lexicon.matches(s).size();
            }
            double secs = (System.nanoTime() - t) / 1e9;
            acMatches = n;
            t = System.nanoTime();
            n = 0;
            for (String s : sentences) {
                char[] c = s.toCharArray();
                for (int i = 0; i < c.length; i++) {
                    for (var e : CoreDictionary.trie.commonPrefixSearchWithValue(c, i)) {
                        int len = e.getKey().length();
                        if (len >= 2 && len <= 10) {
                            n++;
                        }
                    }
                }
            }
            double prefixSecs = (System.nanoTime() - t) / 1e9;
            prefixMatches = n;
            if (r > 0) { // the first round warms up the JIT
                acBest = Math.min(acBest, secs);
                prefixBest = Math.min(prefixBest, prefixSecs);
            }
        }
        System.out.printf(Locale.ROOT, "sentences %d%ncharacters %d%nlexicon_words %d%nlexicon_build_seconds %.2f%n", sentences.size(), chars,
                lexicon.size(), buildSeconds);
        System.out.printf(Locale.ROOT, "nlpipe_matches %d%nnlpipe_chars_per_second %.0f%n", acMatches, chars / acBest);
        System.out.printf(Locale.ROOT, "prefix_search_matches %d%nprefix_search_chars_per_second %.0f%n", prefixMatches, chars / prefixBest);
    }

    private static List<String> sentences(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        StringBuilder s = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty()) {
                if (!s.isEmpty()) {
                    out.add(s.toString());
                    s.setLength(0);
                }
                continue;
            }
            s.append(t.split("\\s+")[0]);
        }
        if (!s.isEmpty()) {
            out.add(s.toString());
        }
        return out;
    }
}
