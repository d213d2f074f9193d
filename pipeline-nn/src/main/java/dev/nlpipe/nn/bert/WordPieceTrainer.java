package dev.nlpipe.nn.bert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Learns a WordPiece vocabulary from raw text with Hugging Face's {@code WordPieceTrainer} algorithm: BPE merges on
 * the words of the BERT normalizer and pre-tokenizer, continuation symbols carrying the {@code ##} prefix.
 *
 * <ol>
 *   <li>Words are counted after normalization and pre-tokenization (so every CJK ideograph is a word of its own, as
 *       in Chinese BERT).</li>
 *   <li>The vocabulary starts with the special tokens (ids 0, 1, ...), then the alphabet — every character, or the
 *       {@code limitAlphabet} most frequent — in code point order, then {@code ##c} for every character seen inside a
 *       word, and for every CJK ideograph of the alphabet when {@code chineseContinuations} is on (Chinese BERT has
 *       them, for text segmented into words before it is tokenized).</li>
 *   <li>Each word is a sequence of symbols: its first character, then {@code ##} characters. The most frequent
 *       adjacent pair (ties: the pair of smaller ids) is merged into a new piece ({@code ##ab} from {@code ##a} and
 *       {@code ##b}, {@code ab} from {@code a} and {@code ##b}), in every word, until the vocabulary has
 *       {@code vocabSize} pieces or no pair occurs {@code minFrequency} times.</li>
 * </ol>
 *
 * <p>Unlike Hugging Face, the result does not depend on hash order ({@code ##} pieces are added in code point order)
 * and a word with a character outside a limited alphabet is left out of the merges (Hugging Face drops the character
 * and merges what is left; such a word is one unknown token either way). Not thread-safe: feed it from one thread.
 */
public final class WordPieceTrainer {
    private final Settings settings;
    private final TextNormalizer normalizer;
    private final NormalizedText scratch = new NormalizedText();
    private final Map<String, long[]> counts = new HashMap<>();
    private long words;

    /**
     * What to learn.
     *
     * @param vocabSize the number of pieces to reach (the special tokens and the alphabet are always in, even past it)
     * @param minFrequency a pair occurring fewer times (weighted by word counts) is not merged
     * @param limitAlphabet keep only this many characters, the most frequent (0: all)
     * @param specialTokens tokens put first, in this order; must hold {@code [UNK]}
     * @param normalization the normalizer applied to the text, and written into the tokenizer
     * @param chineseContinuations add {@code ##c} for every CJK ideograph of the alphabet
     */
    public record Settings(int vocabSize, int minFrequency, int limitAlphabet, List<String> specialTokens,
                           BertNormalization normalization, boolean chineseContinuations) {
        /** BERT's special tokens in the order they get ids 0 to 4. */
        public static final List<String> BERT_SPECIAL_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

        public Settings {
            if (vocabSize < 1) {
                throw new IllegalArgumentException("vocabSize must be at least 1, not " + vocabSize);
            }
            if (minFrequency < 0 || limitAlphabet < 0) {
                throw new IllegalArgumentException("minFrequency and limitAlphabet must not be negative");
            }
            specialTokens = List.copyOf(specialTokens);
            if (!specialTokens.contains(WordPieceVocabulary.UNKNOWN)) {
                throw new IllegalArgumentException("specialTokens must include " + WordPieceVocabulary.UNKNOWN + ", the unknown token");
            }
            if (specialTokens.stream().anyMatch(String::isBlank)) {
                // found only after the whole corpus was read, as "an added token needs a content"
                throw new IllegalArgumentException("specialTokens has an empty or blank token: " + specialTokens);
            }
            if (new HashSet<>(specialTokens).size() != specialTokens.size()) {
                throw new IllegalArgumentException("specialTokens has a token twice: " + specialTokens);
            }
        }

        /** 30,000 pieces, pairs seen twice or more, every character, BERT's special tokens, ## forms of CJK characters. */
        public static Settings defaults(BertNormalization normalization) {
            return new Settings(30_000, 2, 0, BERT_SPECIAL_TOKENS, normalization, true);
        }
    }

    /**
     * What was learned.
     *
     * @param vocabulary the pieces, special tokens first
     * @param words words counted (with repeats)
     * @param distinctWords distinct words
     * @param alphabet characters kept
     * @param merges merges made
     * @param skippedWords distinct words left out because a character is outside the alphabet
     */
    public record Result(WordPieceVocabulary vocabulary, long words, int distinctWords, int alphabet, int merges, int skippedWords) {
    }

    public WordPieceTrainer(Settings settings) {
        this.settings = settings;
        this.normalizer = new TextNormalizer(settings.normalization());
    }

    /** Counts the words of a text. */
    public void add(String text) {
        normalizer.normalize(text, 0, text.length(), scratch);
        char[] chars = scratch.chars;
        PreTokenizer.split(chars, 0, scratch.length, (from, to) -> {
            counts.computeIfAbsent(new String(chars, from, to - from), k -> new long[1])[0]++;
            words++;
        });
    }

    /** The words counted so far. */
    public long words() {
        return words;
    }

    /** Learns the vocabulary from the words counted. */
    public Result train() {
        List<String> wordList = new ArrayList<>(counts.keySet());
        Collections.sort(wordList);
        Set<Integer> alphabet = alphabet(wordList);
        List<String> tokens = new ArrayList<>(settings.specialTokens());
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
        for (int c : alphabet) {
            addToken(new String(Character.toChars(c)), tokens, ids);
        }
        List<int[]> symbols = new ArrayList<>();
        List<Long> wordCounts = new ArrayList<>();
        TreeSet<Integer> continued = new TreeSet<>();
        int skipped = 0;
        for (String w : wordList) {
            int[] cps = w.codePoints().toArray();
            boolean ok = true;
            for (int c : cps) {
                ok &= alphabet.contains(c);
            }
            if (!ok) {
                skipped++;
                continue;
            }
            for (int i = 1; i < cps.length; i++) {
                continued.add(cps[i]);
            }
            symbols.add(cps);
            wordCounts.add(counts.get(w)[0]);
        }
        if (settings.chineseContinuations()) {
            for (int c : alphabet) {
                if (CharClasses.is(c, CharClasses.CHINESE)) {
                    continued.add(c);
                }
            }
        }
        String prefix = WordPieceVocabulary.CONTINUATION;
        for (int c : continued) {
            addToken(prefix + new String(Character.toChars(c)), tokens, ids);
        }
        for (int[] cps : symbols) {
            for (int i = 0; i < cps.length; i++) {
                String s = new String(Character.toChars(cps[i]));
                cps[i] = ids.get(i == 0 ? s : prefix + s);
            }
        }
        long[] weights = wordCounts.stream().mapToLong(Long::longValue).toArray();
        int merges = new Merges(symbols.toArray(new int[0][]), weights, tokens, ids, prefix).run(settings.vocabSize(),
                Math.max(1, settings.minFrequency()));
        return new Result(WordPieceVocabulary.of(tokens), words, counts.size(), alphabet.size(), merges, skipped);
    }

    private static void addToken(String token, List<String> tokens, Map<String, Integer> ids) {
        if (!ids.containsKey(token)) {
            ids.put(token, tokens.size());
            tokens.add(token);
        }
    }

    /** Every character of the words (weighted by word counts), or the {@code limitAlphabet} most frequent; in code point order. */
    private Set<Integer> alphabet(List<String> wordList) {
        Map<Integer, long[]> chars = new HashMap<>();
        for (String w : wordList) {
            long n = counts.get(w)[0];
            w.codePoints().forEach(c -> chars.computeIfAbsent(c, k -> new long[1])[0] += n);
        }
        List<Integer> all = new ArrayList<>(chars.keySet());
        if (settings.limitAlphabet() > 0 && all.size() > settings.limitAlphabet()) {
            all.sort((a, b) -> {
                int byCount = Long.compare(chars.get(b)[0], chars.get(a)[0]);
                return byCount != 0 ? byCount : Integer.compare(a, b);
            });
            all = all.subList(0, settings.limitAlphabet());
        }
        return new TreeSet<>(all);
    }

    /** The merge loop over words as symbol-id arrays. */
    private static final class Merges {
        private final int[][] words;
        private final int[] lengths;
        private final long[] weights;
        private final List<String> tokens;
        private final Map<String, Integer> ids;
        private final String prefix;
        private final PairTable pairs = new PairTable();
        private final PriorityQueue<Candidate> queue = new PriorityQueue<>();
        private final int[] wordStamp;
        private int[] pairStamp = new int[1024];
        private final List<Integer> touched = new ArrayList<>();
        private int stamp;

        /** A pair and its count when it was queued; stale entries are re-queued with the current count. */
        private record Candidate(long count, long key) implements Comparable<Candidate> {
            @Override
            public int compareTo(Candidate o) {
                return count != o.count ? Long.compare(o.count, count) : Long.compare(key, o.key);
            }
        }

        Merges(int[][] words, long[] weights, List<String> tokens, Map<String, Integer> ids, String prefix) {
            this.words = words;
            this.weights = weights;
            this.tokens = tokens;
            this.ids = ids;
            this.prefix = prefix;
            this.lengths = new int[words.length];
            this.wordStamp = new int[words.length];
            for (int w = 0; w < words.length; w++) {
                int[] s = words[w];
                lengths[w] = s.length;
                for (int i = 0; i + 1 < s.length; i++) {
                    pairs.add(PairTable.key(s[i], s[i + 1]), weights[w], w);
                }
            }
            for (int p = 0; p < pairs.size; p++) {
                queue.add(new Candidate(pairs.counts[p], pairs.pairKeys[p]));
            }
        }

        /** Merges until the vocabulary has {@code vocabSize} pieces or the best pair is rarer than {@code minFrequency}. */
        int run(int vocabSize, int minFrequency) {
            int merges = 0;
            while (tokens.size() < vocabSize && !queue.isEmpty()) {
                Candidate top = queue.poll();
                int p = pairs.find(top.key());
                long current = pairs.counts[p];
                if (current != top.count()) {
                    if (current > 0) {
                        queue.add(new Candidate(current, top.key()));
                    }
                    continue;
                }
                if (current < minFrequency) {
                    break;
                }
                int a = PairTable.first(top.key());
                int b = PairTable.second(top.key());
                String right = tokens.get(b);
                String merged = tokens.get(a) + (right.startsWith(prefix) ? right.substring(prefix.length()) : right);
                Integer id = ids.get(merged);
                if (id == null) {
                    id = tokens.size();
                    tokens.add(merged);
                    ids.put(merged, id);
                }
                merges++;
                mergeEverywhere(p, a, b, id);
            }
            return merges;
        }

        private void mergeEverywhere(int p, int a, int b, int merged) {
            stamp++;
            touched.clear();
            int[] list = pairs.words[p];
            int n = pairs.wordCounts[p];
            pairs.clearWords(p);
            for (int k = 0; k < n; k++) {
                int w = list[k];
                if (wordStamp[w] != stamp) {
                    wordStamp[w] = stamp;
                    mergeWord(w, a, b, merged);
                }
            }
            pairs.counts[p] = 0;
            for (int q : touched) {
                if (pairs.counts[q] > 0) {
                    queue.add(new Candidate(pairs.counts[q], pairs.pairKeys[q]));
                }
            }
        }

        /** Replaces every (a, b) of a word, left to right, by {@code merged}, updating the pairs around each. */
        private void mergeWord(int w, int a, int b, int merged) {
            int[] s = words[w];
            int n = lengths[w];
            long c = weights[w];
            int out = 0;
            int i = 0;
            while (i < n) {
                if (s[i] == a && i + 1 < n && s[i + 1] == b) {
                    if (out > 0) {
                        change(s[out - 1], a, -c, -1);
                        change(s[out - 1], merged, c, w);
                    }
                    s[out++] = merged;
                    i += 2;
                    if (i < n) {
                        change(b, s[i], -c, -1);
                        change(merged, s[i], c, w);
                    }
                } else {
                    s[out++] = s[i++];
                }
            }
            lengths[w] = out;
        }

        private void change(int x, int y, long delta, int word) {
            int q = pairs.add(PairTable.key(x, y), delta, word);
            if (delta > 0) {
                if (q >= pairStamp.length) {
                    pairStamp = Arrays.copyOf(pairStamp, Math.max(q + 1, pairStamp.length * 2));
                }
                if (pairStamp[q] != stamp) {
                    pairStamp[q] = stamp;
                    touched.add(q);
                }
            }
        }
    }
}
