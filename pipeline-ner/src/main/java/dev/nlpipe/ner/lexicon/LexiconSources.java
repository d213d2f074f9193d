package dev.nlpipe.ner.lexicon;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.io.Utf8Text;
import dev.nlpipe.core.text.WordListLines;
import dev.nlpipe.embed.word2vec.VectorFormat;
import dev.nlpipe.ner.data.UnitSequence;
import dev.nlpipe.embed.word2vec.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@link LexiconSpec}'s sources into a {@link Lexicon}: HanLP's dictionaries and word
 * lists in order (a word listed again keeps its first place and first vector), then the vectors
 * file for the words still without one.
 */
final class LexiconSources {
    /** A whole number: a frequency after a word, or a part of a word2vec header. */
    private static final Pattern COUNT = Pattern.compile("[0-9]+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private LexiconSources() {
    }

    static Lexicon read(LexiconSpec spec, PrintStream log) throws IOException {
        Map<String, float[]> words = new LinkedHashMap<>();
        List<String> counts = new ArrayList<>();
        int dim = 0;
        for (String source : spec.sources()) {
            int before = words.size();
            switch (source) {
                case LexiconSpec.HANLP -> HanlpDictionaryWords.core().forEach(w -> words.putIfAbsent(w, null));
                case LexiconSpec.HANLP_CUSTOM -> HanlpDictionaryWords.custom().forEach(w -> words.putIfAbsent(w, null));
                default -> dim = readWordList(Path.of(source), words, dim);
            }
            counts.add(String.format(Locale.ROOT, "%s %,d", source, words.size() - before));
        }
        Path vectorsFile = spec.vectors();
        long inFile = 0;
        if (vectorsFile != null) {
            // every lexicon word it holds is read, so a file whose words all have vectors from the word lists is not taken for one
            // of no lexicon word; the word lists' vectors win
            VectorFormat.Selection sel = VectorFormat.read(vectorsFile, spec.vectorsFormat(), w -> w, words::containsKey);
            WordVectors v = sel.vectors();
            inFile = sel.read();
            if (dim != 0 && v.size() > 0 && v.dim() != dim) {
                throw new IllegalArgumentException("lexiconVectors " + vectorsFile + " has " + v.dim() + " dimensions, but the word lists'"
                        + " vectors have " + dim);
            }
            if (v.size() == 0) {
                // every word would start random while the log and the user took the vectors for used
                throw new IllegalArgumentException("lexiconVectors " + vectorsFile + ": none of its " + inFile + " vectors is a word of"
                        + " the lexicon (" + words.size() + " words from " + String.join(", ", spec.sources()) + "); are its words in"
                        + " another form (traditional characters, 'word/pos' keys) or from another corpus?");
            }
            dim = v.dim();
            int added = 0;
            for (int row = 0; row < v.size(); row++) {
                if (words.get(v.word(row)) == null) {
                    words.put(v.word(row), java.util.Arrays.copyOfRange(v.matrix(), row * v.dim(), (row + 1) * v.dim()));
                    added++;
                }
            }
            if (added == 0) {
                log.printf(Locale.ROOT, "warning: lexiconVectors %s adds no vector: each of the %,d lexicon words it holds has one from"
                        + " the word lists already%n", vectorsFile, v.size());
            }
        }
        List<String> list = new ArrayList<>(words.keySet());
        float[] table = dim == 0 ? null : new float[(list.size() + 1) * dim];
        BitSet withVector = new BitSet();
        for (int i = 0; i < list.size(); i++) {
            float[] v = words.get(list.get(i));
            if (v != null) {
                System.arraycopy(v, 0, table, (i + 1) * dim, dim);
                withVector.set(i + 1);
            }
        }
        log.printf(Locale.ROOT, "lexicon: %,d words (%s)%s%n", list.size(), String.join(", ", counts), dim == 0 ? ", no vectors"
                : String.format(Locale.ROOT, ", %,d with %d-d vectors%s", withVector.cardinality(), dim,
                        vectorsFile == null ? "" : String.format(Locale.ROOT, " (%s: %,d vectors read)", vectorsFile, inFile)));
        return new Lexicon(spec, list, table, withVector, dim);
    }

    /** Adds a word list's words (and vectors) in file order; returns the vector size seen so far (0 = none yet). */
    private static int readWordList(Path file, Map<String, float[]> words, int dim) throws IOException {
        try (BufferedReader in = Utf8Text.open(file)) {
            String line;
            int lineNo = 0;
            String[] header = null;
            while ((line = in.readLine()) != null) {
                lineNo++;
                // no-break and ideographic spaces separate as other spaces do: the tagger never sees them inside a word
                String[] parts = WordListLines.fields(line);
                // read as text units read: a byte-order mark inside a file (two lists joined by cat), a zero-width space or a
                // variation selector in a word left it matching nothing
                parts[0] = UnitSequence.unitText(parts[0]);
                if (parts[0].isEmpty()) {
                    continue;
                }
                if (lineNo == 1 && parts.length == 2 && COUNT.matcher(parts[0]).matches() && COUNT.matcher(parts[1]).matches()) {
                    header = parts;
                    continue; // a word2vec text file's 'WORDS DIMENSION' header, if the next line has that many numbers
                }
                if (header != null) {
                    if (!String.valueOf(parts.length - 1).equals(header[1]) || parts.length < 3) {
                        words.putIfAbsent(header[0], null); // a numeric word with its frequency ('12306 85'), not a header
                    }
                    header = null;
                }
                float[] v = null;
                // one number after a word is its frequency or weight (jieba's and HanLP's word lists, jieba's idf.txt), not a
                // vector of one dimension
                if (parts.length > 2 || parts.length == 2 && !NUMBER.matcher(parts[1]).matches()) {
                    if (dim != 0 && parts.length - 1 != dim) {
                        throw new ConfigException(new Location(file.toString(), lineNo, 1), "'" + parts[0] + "' has " + (parts.length - 1)
                                + " numbers after it, earlier vectors have " + dim + "; give every word the same vector size or none");
                    }
                    dim = parts.length - 1;
                    v = new float[dim];
                    for (int i = 0; i < dim; i++) {
                        try {
                            v[i] = Float.parseFloat(parts[i + 1]);
                        } catch (NumberFormatException e) {
                            throw new ConfigException(new Location(file.toString(), lineNo, 1), "'" + parts[i + 1] + "' is not a number; a"
                                    + " word-list line is a word, optionally followed by its vector (a jieba or HanLP dictionary"
                                    + " line such as '词 nz 100' is not: keep its first column, e.g. cut -d' ' -f1)");
                        }
                        if (!Float.isFinite(v[i])) {
                            // NaN and Infinity parse; a NaN vector made every sentence holding the word lose its entities
                            throw new ConfigException(new Location(file.toString(), lineNo, 1), "value " + (i + 1) + " of '" + parts[0] + "' is "
                                    + parts[i + 1] + "; a vector must hold finite numbers");
                        }
                    }
                }
                if (!words.containsKey(parts[0]) || words.get(parts[0]) == null && v != null) {
                    words.put(parts[0], v);
                }
            }
            if (header != null) {
                words.putIfAbsent(header[0], null); // a one-line list of a numeric word and its frequency
            }
        }
        return dim;
    }
}
