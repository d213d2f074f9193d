package dev.nlpipe.embed.word2vec;

import dev.nlpipe.embed.vectorize.PyText;
import dev.nlpipe.embed.vectorize.RunFiles;
import dev.nlpipe.embed.vectorize.TermRun;
import dev.nlpipe.embed.vectorize.TermRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Word2vec's vocabulary counted in parts — one per Spark task — and merged into exactly the
 * vocabulary that training chooses when it counts the whole corpus itself. A part counts each
 * word's occurrences and its first position, and writes them to sorted {@link TermRun} files
 * when they outgrow memory; {@link #merge} sums the counts of all parts and keeps each word's
 * earliest position, which orders words of equal count as local training does (by first appearance).
 *
 * <p>A first position is the part's index in the corpus (its files and their ranges, in reading
 * order) in the high bits and the token's position within the part in the low 40
 * bits, so up to 8 million parts of up to 10<sup>12</sup> tokens each.
 */
public final class WordCounter implements AutoCloseable {
    static final int PART_SHIFT = 40;
    private static final long MAX_PARTS = 1L << (63 - PART_SHIFT);

    private final long base;
    private final long maxWordsInMemory;
    /** Per word: {count, first position}. */
    private final Map<String, long[]> counts = new HashMap<>();
    private final List<Path> runs = new ArrayList<>();
    private long tokens;
    private final RunFiles runFiles = new RunFiles("nlpipe-w2v-vocab-");

    /**
     * @param part this part's index in corpus order (0 for the first)
     * @param maxWordsInMemory distinct words held before a sorted run is written to disk
     */
    public WordCounter(int part, long maxWordsInMemory) {
        if (part < 0 || part >= MAX_PARTS) {
            throw new IllegalArgumentException("part " + part + " is outside 0.." + (MAX_PARTS - 1));
        }
        this.base = (long) part << PART_SHIFT;
        this.maxWordsInMemory = Math.max(1, maxWordsInMemory);
    }

    /** Counts one sentence's tokens as training reads them ({@link Word2Vec#word}). */
    public void add(List<String> sentence) {
        for (String token : sentence) {
            String w = Word2Vec.word(token);
            if (w == null) {
                continue;
            }
            if (tokens == 1L << PART_SHIFT) {
                throw new IllegalStateException("a part of the corpus holds more than 2^" + PART_SHIFT + " tokens; split it into more parts");
            }
            long[] c = counts.computeIfAbsent(w, k -> new long[] {0, base + tokens});
            c[0]++;
            tokens++;
            if (counts.size() > maxWordsInMemory) {
                spill();
            }
        }
    }

    /** Tokens counted so far. */
    public long tokens() {
        return tokens;
    }

    /**
     * Writes what is still in memory and merges this part's spills into one run, for {@link #merge}
     * with the runs of the other parts: one run of distinct words is what a part hands over, not
     * every spill (which repeat the frequent words each time).
     *
     * @return the run file, in this counter's temporary directory (deleted by {@link #close});
     *     empty when nothing was counted
     */
    public Optional<Path> finishRun() {
        if (!counts.isEmpty()) {
            spill();
        }
        return TermRuns.single(runs, Long::sum, Math::min, runFiles);
    }

    private void spill() {
        String[] words = counts.keySet().toArray(new String[0]);
        PyText.sort(words);
        try {
            Path file = runFiles.next();
            try (TermRun.Writer out = new TermRun.Writer(file)) {
                for (String w : words) {
                    long[] c = counts.get(w);
                    out.add(w, c[0], c[1]);
                }
            }
            runs.add(file);
            counts.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a vocabulary run file: " + e.getMessage(), e);
        }
    }

    /**
     * What the merge of all parts found.
     *
     * @param vocabulary the chosen words, most frequent first, ties in order of first appearance
     * @param tokens tokens in the whole corpus
     * @param distinct distinct words in the whole corpus
     */
    public record Counted(Vocabulary vocabulary, long tokens, long distinct) {
    }

    /**
     * Sums the runs of all parts and chooses the vocabulary with {@link Vocabulary#select}'s rules.
     *
     * @param runs every part's run files, in any order
     * @param minCount drop words seen fewer times
     * @param maxVocab keep at most this many words (0 = no limit)
     */
    public static Counted merge(List<Path> runs, int minCount, int maxVocab) {
        List<Kept> kept = new ArrayList<>();
        long[] totals = new long[2];
        TermRuns.merge(runs, Long::sum, Math::min, (word, count, first) -> {
            totals[0] += count;
            totals[1]++;
            if (count >= minCount) {
                kept.add(new Kept(word, count, first));
            }
        });
        // Entered in order of first appearance, the table numbers the words as local counting does,
        // so Vocabulary.select breaks ties of count exactly as training does.
        kept.sort(java.util.Comparator.comparingLong(Kept::first));
        TokenTable table = new TokenTable();
        for (Kept k : kept) {
            table.add(k.word(), k.count());
        }
        return new Counted(Vocabulary.select(table, minCount, maxVocab), totals[0], totals[1]);
    }

    /** A word the merge keeps, with its total count and earliest position. */
    private record Kept(String word, long count, long first) {
    }

    /** Deletes this part's run files. */
    @Override
    public void close() {
        runFiles.close();
    }
}
