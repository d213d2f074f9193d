package dev.nlpipe.ner.lexicon;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelFiles;
import dev.nlpipe.core.model.Provenance;
import dev.nlpipe.ner.data.RareIds;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.Seeds;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words a lattice NER model enriches sentences with, and where they occur in a sentence.
 * Words have ids {@code 1..size()} ({@link #NONE} is reserved for padding); matching runs HanLP's
 * Aho-Corasick double-array trie over the sentence, so all words at all positions are found in
 * one pass over its characters. Optional vectors (from word-list files or a word2vec file)
 * initialise a model's word embedding. In a model's lexicon the words training matched (or that have
 * a vector) come first, each with its own embedding row; any words after them share one
 * unknown-word row ({@link #row}).
 *
 * <p>A trained model keeps its lexicon ({@link #save}, {@link #load}): a word list with its
 * checksum, so the model matches the same words on any machine whatever HanLP version is installed.
 * The word vectors themselves live on, fine-tuned, in the model's weights.
 */
public final class Lexicon {
    /** The id of no word. */
    public static final int NONE = 0;
    /** The file of the word list in a model directory. */
    public static final String FILE = "lexicon.txt";
    private final LexiconSpec spec;
    private final List<String> words;
    private final int trained;
    private final BitSet rare;
    private final float[] vectors;
    private final BitSet withVector;
    private final int dim;
    private final AhoCorasickDoubleArrayTrie<Integer> automaton;

    /**
     * @param vectors {@code (words + 1) x dim} rows, or {@code null}
     * @param withVector the ids whose row is a real vector (empty without vectors)
     */
    Lexicon(LexiconSpec spec, List<String> words, float[] vectors, BitSet withVector, int dim) {
        this(spec, words, words.size(), new BitSet(), vectors, withVector, dim);
    }

    /**
     * @param trained how many words, the first ones, have their own embedding row
     * @param rare the ids read as the unknown word now and then in training ({@link RareIds}: matched once, or
     *     the fewest times when no word was matched once)
     */
    private Lexicon(LexiconSpec spec, List<String> words, int trained, BitSet rare, float[] vectors, BitSet withVector, int dim) {
        this.spec = spec;
        this.words = List.copyOf(words);
        this.trained = trained;
        this.rare = rare;
        this.vectors = vectors;
        this.withVector = withVector;
        this.dim = dim;
        TreeMap<String, Integer> ids = new TreeMap<>();
        for (int i = 0; i < words.size(); i++) {
            ids.putIfAbsent(words.get(i), i + 1);
        }
        this.automaton = new AhoCorasickDoubleArrayTrie<>();
        if (!ids.isEmpty()) {
            automaton.build(ids);
        }
    }

    /** Reads the configured sources (and vectors); {@code log} gets one line on what was read. */
    public static Lexicon build(LexiconSpec spec, PrintStream log) throws IOException {
        return LexiconSources.read(spec, log);
    }

    /**
     * This lexicon as a model trained on {@code sentences} uses it: first the words that match in
     * them (a model learns their vectors) and the words with a pretrained vector (which mean something
     * without training), each with its own embedding row; then, when the spec's
     * {@link LexiconSpec#unknownWords} is above 0, every other word, all sharing one unknown-word row
     * ({@link #row}), else none of them. Ids are renumbered in the original order within each part.
     */
    public Lexicon forTraining(List<String[]> sentences) {
        int[] count = new int[words.size() + 1];
        BitSet keep = new BitSet(words.size() + 1);
        for (String[] s : sentences) {
            for (LexiconMatch m : matches(s)) {
                count[m.word()]++;
                keep.set(m.word());
            }
        }
        keep.or(withVector);
        List<String> kept = new ArrayList<>(keep.cardinality());
        float[] keptVectors = vectors == null ? null : new float[(keep.cardinality() + 1) * dim];
        BitSet keptWithVector = new BitSet();
        int[] keptCount = new int[keep.cardinality() + 1];
        for (int id = keep.nextSetBit(1); id >= 0; id = keep.nextSetBit(id + 1)) {
            kept.add(words.get(id - 1));
            keptCount[kept.size()] = count[id];
            if (withVector.get(id)) {
                System.arraycopy(vectors, id * dim, keptVectors, kept.size() * dim, dim);
                keptWithVector.set(kept.size());
            }
        }
        BitSet rare = RareIds.of(keptCount);
        int trainedWords = kept.size();
        if (spec.unknownWords() > 0) {
            for (int id = keep.nextClearBit(1); id <= words.size(); id = keep.nextClearBit(id + 1)) {
                kept.add(words.get(id - 1));
            }
        }
        return new Lexicon(spec, kept, trainedWords, rare, keptVectors, keptWithVector, dim);
    }

    /**
     * Whether some word of a lexicon made by {@link #forTraining} was matched in the training
     * sentences: without one the word cells never learn to be read, and the unknown-word row stays
     * at its random start, whatever vectors the words have.
     */
    public boolean matchedInTraining() {
        return !rare.isEmpty();
    }

    /** How many words, ids {@code 1..trained()}, have their own embedding row; the others share {@link #unknownRow}. */
    public int trained() {
        return trained;
    }

    /**
     * The rows of a model's word embedding: padding, one per trained word and, when the spec's
     * {@link LexiconSpec#unknownWords} is above 0, the unknown-word row (even if no word shares it, so
     * the table's size follows from the options alone).
     */
    public int rows() {
        return trained + (spec.unknownWords() > 0 ? 2 : 1);
    }

    /** The unknown-word row that the words after {@link #trained} share. */
    public int unknownRow() {
        return trained + 1;
    }

    /** The embedding row of word {@code id}. */
    public int row(int id) {
        return Math.min(id, unknownRow());
    }

    /**
     * Each row's chance of being read as the unknown-word row in a training batch: the spec's
     * {@link LexiconSpec#unknownWords} for the words matched once in the training sentences (the fewest
     * times when none was matched once: {@link RareIds}), 0 for the
     * others; {@code null} when no word is ever replaced.
     */
    public float[] unknownChances() {
        if (spec.unknownWords() <= 0 || rare.isEmpty()) {
            return null;
        }
        float[] chance = new float[rows()];
        for (int id = rare.nextSetBit(1); id >= 0; id = rare.nextSetBit(id + 1)) {
            chance[id] = (float) spec.unknownWords();
        }
        return chance;
    }

    /** How many words have a pretrained vector. */
    public int vectorCount() {
        return withVector.cardinality();
    }

    /** How many words; ids run from 1 to this. */
    public int size() {
        return words.size();
    }

    /** The word with id {@code id} (1-based). */
    public String word(int id) {
        return words.get(id - 1);
    }

    /** What the lexicon was built from and which matches it keeps. */
    public LexiconSpec spec() {
        return spec;
    }

    /** The vector size; 0 without vectors. */
    public int dim() {
        return dim;
    }

    /**
     * The vectors, {@code (trained() + 1) x dim()} row-major, row {@code id} for word {@code id}; row 0
     * and the rows of words without a vector are zeros. {@code null} without vectors.
     */
    public float[] vectors() {
        return vectors;
    }

    /**
     * The word embedding a tagger starts from, {@code rows() x dim()}: each word's pretrained vector
     * where it has one, seeded random rows (stream {@code "lexicon"} of {@code seed}) for the others,
     * for row 0 and for the unknown-word row; {@code null} without vectors, where the tagger
     * initializes every row itself.
     */
    public float[] initialTable(long seed) {
        if (vectors == null) {
            return null;
        }
        int rows = rows();
        float[] table = new float[rows * dim];
        Init.embedding().fill(table, new long[] {rows, dim}, Seeds.random(seed, "lexicon"));
        for (int id = withVector.nextSetBit(1); id >= 0; id = withVector.nextSetBit(id + 1)) {
            System.arraycopy(vectors, id * dim, table, id * dim, dim);
        }
        return table;
    }

    /**
     * Every word spelled by consecutive units of the sentence whose length in units is within the
     * spec's bounds, at most {@code maxMatchesPerChar} (the longest) per first unit, sorted by start,
     * then end. A word must begin and end on unit boundaries.
     */
    public List<LexiconMatch> matches(String[] units) {
        if (words.isEmpty() || units.length == 0) {
            return List.of();
        }
        StringBuilder text = new StringBuilder();
        int[] unitAt = new int[totalLength(units) + 1];
        java.util.Arrays.fill(unitAt, -1);
        for (int u = 0; u < units.length; u++) {
            unitAt[text.length()] = u;
            text.append(units[u]);
        }
        unitAt[text.length()] = units.length;
        List<LexiconMatch> found = new ArrayList<>();
        char[] chars = text.toString().toCharArray();
        automaton.parseText(chars, (begin, end, id) -> {
            int s = unitAt[begin];
            int e = unitAt[end];
            if (s >= 0 && e >= 0 && e - s >= spec.minLength() && e - s <= spec.maxLength()) {
                found.add(new LexiconMatch(s, e, id));
            }
        });
        found.sort(Comparator.comparingInt(LexiconMatch::start).thenComparing(Comparator.comparingInt(LexiconMatch::end).reversed()));
        List<LexiconMatch> kept = new ArrayList<>(found.size());
        int cap = spec.maxMatchesPerChar();
        int run = 0;
        for (int i = 0; i < found.size(); i++) {
            run = i > 0 && found.get(i - 1).start() == found.get(i).start() ? run + 1 : 0;
            if (cap == 0 || run < cap) {
                kept.add(found.get(i));
            }
        }
        kept.sort(Comparator.comparingInt(LexiconMatch::start).thenComparingInt(LexiconMatch::end));
        return kept;
    }

    private static int totalLength(String[] units) {
        int n = 0;
        for (String u : units) {
            n += u.length();
        }
        return n;
    }

    /**
     * Writes the word list into a model directory being built and returns its description for
     * {@code model.json}: the spec, the file, its word count and SHA-256.
     */
    public Map<String, Object> save(Path modelDir) throws IOException {
        Files.createDirectories(modelDir);
        Path file = modelDir.resolve(FILE);
        Files.write(file, words, StandardCharsets.UTF_8);
        Map<String, Object> d = new LinkedHashMap<>(spec.toMap());
        d.put("file", FILE);
        d.put("words", words.size());
        d.put("trained", trained);
        d.put("sha256", Provenance.sha256(file));
        return d;
    }

    /**
     * Reads the lexicon a model directory keeps, as {@link #save} described it; a changed or
     * missing word list is a {@link ModelException}. The loaded lexicon has no vectors; a model saved
     * before {@code trained} was recorded trained every word it lists.
     */
    public static Lexicon load(Path modelDir, Map<String, Object> description) {
        // the name comes from model.json: it may only name a file inside the model (not /dev/zero, not ../../.ssh/id_rsa)
        Path file = ModelFiles.resolve(modelDir, String.valueOf(description.getOrDefault("file", FILE)), "lexicon.file");
        try {
            String sha = Provenance.sha256(file);
            if (!sha.equals(description.get("sha256"))) {
                throw new ModelException(modelDir, "has a changed " + file.getFileName() + " (SHA-256 " + sha + ", model.json records "
                        + description.get("sha256") + "); restore the file or retrain the model");
            }
            List<String> words = Files.readAllLines(file, StandardCharsets.UTF_8);
            Object expected = description.get("words");
            if (expected instanceof Number n && n.intValue() != words.size()) {
                throw new ModelException(modelDir, file.getFileName() + " holds " + words.size() + " words, model.json records " + n);
            }
            int trainedWords = description.get("trained") instanceof Number t ? t.intValue() : words.size();
            return new Lexicon(LexiconSpec.fromMap(description), words, trainedWords, new BitSet(), null, new BitSet(), 0);
        } catch (IOException e) {
            throw ModelException.cannotLoad(modelDir, e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Lexicon[%,d words%s]", words.size(), dim > 0 ? ", " + dim + "-d vectors" : "");
    }
}
