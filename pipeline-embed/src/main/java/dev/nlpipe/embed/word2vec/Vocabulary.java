package dev.nlpipe.embed.word2vec;

import dev.nlpipe.core.model.ModelException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained words, most frequent first (ties keep the order of first appearance), with their
 * counts. Word {@code i} owns row {@code i} of every weight matrix.
 */
public final class Vocabulary {
    private final String[] words;
    private final long[] counts;
    private final Map<String, Integer> index;

    /** A vocabulary of these words and counts, in this order. */
    public Vocabulary(String[] words, long[] counts) {
        if (words.length != counts.length) {
            throw new IllegalArgumentException(words.length + " words but " + counts.length + " counts");
        }
        this.words = words;
        this.counts = counts;
        this.index = new HashMap<>(words.length * 2);
        for (int i = 0; i < words.length; i++) {
            if (index.putIfAbsent(words[i], i) != null) {
                throw new IllegalArgumentException("word '" + words[i] + "' appears twice in the vocabulary");
            }
        }
    }

    /**
     * Chooses the vocabulary from counted tokens: those seen at least {@code minCount} times, most
     * frequent first, at most {@code maxVocab} of them (0 = all).
     */
    public static Vocabulary select(TokenTable table, int minCount, int maxVocab) {
        return merge(null, table, minCount, maxVocab);
    }

    /**
     * Extends an existing vocabulary with a new corpus' tokens: every old word stays (its count
     * grows by its new occurrences) and new words seen at least {@code minCount} times are added,
     * at most up to {@code maxVocab} words in all (0 = no limit). The result is again ordered by count.
     *
     * @param old the vocabulary to keep, or {@code null}
     */
    public static Vocabulary merge(Vocabulary old, TokenTable table, int minCount, int maxVocab) {
        List<Integer> fresh = new ArrayList<>();
        for (int id = 0; id < table.size(); id++) {
            if (table.count(id) >= minCount && (old == null || old.indexOf(table.word(id)) < 0)) {
                fresh.add(id);
            }
        }
        fresh.sort((a, b) -> Long.compare(table.count(b), table.count(a)));
        int oldSize = old == null ? 0 : old.size();
        int room = maxVocab > 0 ? Math.max(0, maxVocab - oldSize) : fresh.size();
        int n = oldSize + Math.min(room, fresh.size());
        String[] w = new String[n];
        long[] c = new long[n];
        for (int i = 0; i < oldSize; i++) {
            w[i] = old.word(i);
            int id = table.id(w[i]);
            c[i] = old.count(i) + (id >= 0 ? table.count(id) : 0);
        }
        for (int i = oldSize; i < n; i++) {
            int id = fresh.get(i - oldSize);
            w[i] = table.word(id);
            c[i] = table.count(id);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(c[b], c[a]));
        String[] sw = new String[n];
        long[] sc = new long[n];
        for (int i = 0; i < n; i++) {
            sw[i] = w[order[i]];
            sc[i] = c[order[i]];
        }
        return new Vocabulary(sw, sc);
    }

    /** For each token id of {@code table}, its row in this vocabulary, or -1 when it is not in it. */
    public int[] mapping(TokenTable table) {
        int[] map = new int[table.size()];
        for (int id = 0; id < map.length; id++) {
            map[id] = indexOf(table.word(id));
        }
        return map;
    }

    public int size() {
        return words.length;
    }

    public String word(int i) {
        return words[i];
    }

    public long count(int i) {
        return counts[i];
    }

    /** The row of a word, or -1. */
    public int indexOf(String word) {
        Integer i = index.get(word);
        return i == null ? -1 : i;
    }

    /** The words in row order (a copy). */
    public String[] words() {
        return words.clone();
    }

    /** The counts in row order (a copy). */
    public long[] counts() {
        return counts.clone();
    }

    /** Writes {@code word<TAB>count} lines in row order: a model's {@code vocab.tsv}, the C tool's {@code -save-vocab} with a tab. */
    public void writeTsv(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < words.length; i++) {
                w.write(words[i]);
                w.write('\t');
                w.write(Long.toString(counts[i]));
                w.write('\n');
            }
        }
    }

    /**
     * Reads a file written by {@link #writeTsv}.
     *
     * @param dir the model directory holding it, named in errors
     * @param name the file's name in {@code dir}
     * @throws ModelException when a line is not {@code word<TAB>count}
     */
    public static Vocabulary readTsv(Path dir, String name) throws IOException {
        List<String> words = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.lastIndexOf('\t');
                Long count = tab <= 0 ? null : parseCount(line.substring(tab + 1).trim());
                if (count == null) {
                    throw new ModelException(dir, name + " line " + (words.size() + 1) + " is not 'word<TAB>count'");
                }
                words.add(line.substring(0, tab));
                counts.add(count);
            }
        }
        try {
            return new Vocabulary(words.toArray(new String[0]), counts.stream().mapToLong(Long::longValue).toArray());
        } catch (IllegalArgumentException e) {
            throw new ModelException(dir, name + ": " + e.getMessage());
        }
    }

    private static Long parseCount(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
