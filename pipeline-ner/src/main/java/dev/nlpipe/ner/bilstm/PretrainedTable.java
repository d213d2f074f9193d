package dev.nlpipe.ner.bilstm;

import dev.nlpipe.embed.word2vec.VectorFormat;
import dev.nlpipe.embed.word2vec.WordVectors;
import dev.nlpipe.ner.data.UnitKeys;
import dev.nlpipe.ner.data.Vocabulary;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.Seeds;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import dev.nlpipe.nn.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The initial embedding tables with the rows of pretrained vectors filled in: the units'
 * ({@code embeddings}) and the character bigrams' ({@code bigramEmbeddings}).
 *
 * @param featurizer the training featurizer, with the vector-only units and bigrams appended when
 *     {@code embeddingsVocabulary: all}
 * @param unitTable the {@code units x unitDim} table, or {@code null} without unit vectors
 * @param bigramTable the {@code bigrams x bigramDim} table, or {@code null} without bigram vectors
 * @param trainedUnits the unit rows training reads, which are trained (the training vocabulary's, and
 *     under {@code embeddingsVocabulary: all} those it has below {@code minCount} that the file holds);
 *     the vector-only rows after them stay fixed ({@link Params#createTable})
 * @param trainedBigrams the bigram rows training reads
 */
public record PretrainedTable(Featurizer featurizer, float[] unitTable, float[] bigramTable, int trainedUnits, int trainedBigrams) {

    /** Reads the configured vectors files and builds the tables for {@code training}'s vocabularies. */
    public static PretrainedTable load(BiLstmCrfSpec spec, Featurizer training, long seed, PrintStream log) throws IOException {
        Grown units = spec.embeddings() == null ? Grown.none(training.units)
                : forVocabulary(training.units, spec.allPretrainedUnits(), spec.embeddings(), spec.embeddingsFormat(), spec.keys(),
                        spec.unitDim(), spec.tokenUnits() ? "wordDim" : "charDim", Seeds.random(seed, "pretrained"), spec.unit(),
                        spec.freezeEmbeddings(), log);
        Grown bigrams = spec.bigramEmbeddings() == null ? Grown.none(training.bigrams)
                : forVocabulary(training.bigrams, spec.allPretrainedBigrams(), spec.bigramEmbeddings(), spec.embeddingsFormat(),
                        spec.keys(), spec.bigramDim(), "bigramDim", Seeds.random(seed, "pretrained.bigram"), "bigram",
                        spec.freezeEmbeddings(), log);
        Featurizer f = training.withVocabularies(units.vocabulary(), bigrams.vocabulary());
        if (f != training) {
            logFixed(log, units.fixedRows(), spec.unit(), bigrams.fixedRows());
        }
        return new PretrainedTable(f, units.table(), bigrams.table(), units.trained(), bigrams.trained());
    }

    /**
     * A training vocabulary (units, characters or bigrams) and its
     * {@code vocab x dim} table: seeded random rows, those whose key has a vector in {@code file}
     * overwritten by it. With {@code all} ({@code embeddingsVocabulary: all}) every key of the file
     * the vocabulary lacks is appended to it first, so it keeps its vector: first those the training
     * data has fewer than {@code minCount} times ({@link Vocabulary#belowMinCount}), which training
     * reads and so trains, then those only the file has.
     *
     * @param format {@code auto}, {@code text} or {@code binary}
     * @param dimOption the option that sets {@code dim}, named in the error when the file's size differs
     * @param what the units' name in the log line ({@code char}, {@code bigram})
     * @param frozen whether the table will stay fixed, for the log line
     */
    public static Grown forVocabulary(Vocabulary vocab, boolean all, Path file, String format, UnitKeys keys, int dim,
                                      String dimOption, Random rng, String what, boolean frozen, PrintStream log) throws IOException {
        VectorFormat.Selection vectors = read(file, format, keys, dim, dimOption, all ? w -> true : vocab::contains);
        if (!all) {
            return new Grown(vocab, build(vocab, vectors, rng, what, frozen, file, log), vocab.size());
        }
        List<String> words = Arrays.asList(vectors.vectors().words());
        Set<String> rare = vocab.belowMinCount();
        Vocabulary trained = vocab.withAppended(words.stream().filter(rare::contains).toList());
        Vocabulary grown = trained.withAppended(words);
        return new Grown(grown, build(grown, vectors, rng, what, frozen, file, log), trained.size());
    }

    /**
     * A vocabulary and its initial table.
     *
     * @param vocabulary the vocabulary given, with the keys of the vectors file appended when asked
     * @param table its {@code vocabulary.size() x dim} rows, or {@code null} without a vectors file (random rows)
     * @param trained the rows training reads, which are trained; the rows after them only the
     *     vectors file has, and they stay fixed ({@link Params#createTable})
     */
    public record Grown(Vocabulary vocabulary, float[] table, int trained) {
        /** A vocabulary without a vectors file: no table, every row trained. */
        public static Grown none(Vocabulary vocabulary) {
            return new Grown(vocabulary, null, vocabulary.size());
        }

        /** The rows only the vectors file has, kept fixed. */
        public int fixedRows() {
            return vocabulary.size() - trained;
        }
    }

    /** The log line of {@code embeddingsVocabulary: all}: how many rows only the vectors files hold, kept fixed. */
    public static void logFixed(PrintStream log, int units, String what, int bigrams) {
        log.printf(Locale.ROOT, "embeddingsVocabulary all: %,d %s and %,d bigram vectors that only the vectors files hold are kept"
                + ", fixed (no training sentence reads them)%n", units, what, bigrams);
    }

    /**
     * Prepares the embedding tables of a network being trained: with {@code freeze}, the tables that
     * got pretrained vectors ({@code emb.unit}, {@code emb.bigram}) stay fixed; with {@code byRows}
     * ({@code train.sparseEmbeddings}), each trainable table of {@code tables} that exists is updated
     * only in the rows a batch reads.
     */
    public void configure(Params params, boolean freeze, boolean byRows, List<String> tables, PrintStream log) {
        if (freeze && unitTable != null) {
            params.freeze("emb.unit");
        }
        if (freeze && bigramTable != null) {
            params.freeze("emb.bigram");
        }
        if (byRows) {
            updateByRows(params, tables, log);
        }
    }

    /**
     * {@code train.sparseEmbeddings}: each trainable table of {@code tables} that exists is updated
     * only in the rows a batch reads; the log names them.
     */
    public static void updateByRows(Params params, List<String> tables, PrintStream log) {
        List<String> updated = new ArrayList<>();
        for (String table : tables) {
            if (params.has(table) && params.isTrainable(table)) {
                params.updateByRows(table);
                updated.add(table);
            }
        }
        log.println("sparseEmbeddings: updating only the rows each batch reads of " + updated);
    }

    private static VectorFormat.Selection read(Path file, String format, UnitKeys keys, int dim, String dimOption,
                                               Predicate<String> keep) throws IOException {
        VectorFormat.Selection vectors = VectorFormat.read(file, format, keys::key, keep);
        int found = vectors.vectors().dim();
        if (found != dim) {
            throw new IllegalArgumentException("the pretrained vectors in " + file + " have " + found
                    + " dimensions, but " + dimOption + " is " + dim + "; set model." + dimOption + ": " + found);
        }
        return vectors;
    }

    /** The {@code vocab x dim} table: seeded random rows, overwritten by the pretrained vectors found. */
    private static float[] build(Vocabulary vocab, VectorFormat.Selection selection, Random rng, String what, boolean frozen,
                                 Path file, PrintStream log) {
        WordVectors vectors = selection.vectors();
        int dim = vectors.dim();
        float[] table = new float[vocab.size() * dim];
        Init.embedding().fill(table, new long[] {vocab.size(), dim}, rng);
        int found = 0;
        for (int id = 2; id < vocab.size(); id++) {
            int row = vectors.indexOf(vocab.get(id));
            if (row >= 0) {
                System.arraycopy(vectors.matrix(), row * dim, table, id * dim, dim);
                found++;
            }
        }
        if (found == 0 && vocab.size() > 2 && selection.read() > 0) {
            // training would go on from random rows, as if no file were given: the files swapped, or vectors of other units
            throw new IllegalArgumentException("none of the " + selection.read() + " vectors in " + file + " is one of the training data's "
                    + (vocab.size() - 2) + " " + what + "s: are the character and bigram vectors files swapped, or are these word vectors"
                    + " (they belong in model.lexiconVectors)?");
        }
        log.printf(Locale.ROOT, "pretrained vectors: %,d of %,d %ss found in %s (%,d vectors, %d dimensions)%s%n", found,
                vocab.size() - 2, what, file, selection.read(), dim, frozen ? ", frozen" : ", fine-tuned");
        return table;
    }
}
