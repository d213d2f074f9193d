package dev.nlpipe.ner.flat;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.ner.bilstm.BiLstmCrfSpec;
import dev.nlpipe.ner.bilstm.PretrainedTable;
import dev.nlpipe.nn.Seeds;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pretrained character and bigram vectors that start FLAT's embedding tables, as the paper's
 * Gigaword vectors do: the {@code model:} options {@code embeddings}, {@code bigramEmbeddings},
 * {@code embeddingsFormat}, {@code freezeEmbeddings} and {@code embeddingsVocabulary}, read as
 * {@code ner.bilstm-crf} and {@code ner.lattice-lstm} read them. Only characters and bigrams of the
 * training data get a row, unless {@code embeddingsVocabulary: all} appends every other one of the
 * files (as the reference code's vocabularies hold the pretrained vectors of characters and bigrams
 * it never trains on), so a character or bigram unseen in training reads its vector, not the
 * unknown one.
 *
 * @param chars word2vec vectors of single characters, or {@code null}
 * @param bigrams word2vec vectors of character bigrams (the last character with {@code </s>}), or {@code null}
 * @param format {@code auto}, {@code text} or {@code binary}
 * @param freeze keep the pretrained tables fixed instead of fine-tuning them
 * @param all give every character and bigram of the files a row ({@code embeddingsVocabulary: all})
 */
record CharVectors(Path chars, Path bigrams, String format, boolean freeze, boolean all) {
    private static final List<String> NAMES = List.of("embeddings", "bigramEmbeddings", "embeddingsFormat", "freezeEmbeddings",
            "embeddingsVocabulary");

    /** The options, as {@code ner.bilstm-crf} declares them. */
    static List<OptionSpec> options() {
        return BiLstmCrfSpec.options().stream().filter(s -> NAMES.contains(s.name())).toList();
    }

    /** Reads and checks validated options. */
    static CharVectors from(Options o, FlatSpec spec) {
        Path chars = BiLstmCrfSpec.readablePath(o, "embeddings");
        Path bigrams = BiLstmCrfSpec.readablePath(o, "bigramEmbeddings");
        if (bigrams != null && spec.bigramDim() == 0) {
            throw o.error("bigramEmbeddings", "needs bigramDim set to the vectors' size (it is 0: no bigrams)");
        }
        BiLstmCrfSpec.requireVectorsForTheirOptions(o, chars, bigrams);
        return new CharVectors(chars, bigrams, o.getString("embeddingsFormat"), o.getBoolean("freezeEmbeddings"),
                o.getString("embeddingsVocabulary").equals("all"));
    }

    /**
     * The featurizer the model keeps (the training one, with the vector-only characters and bigrams
     * appended under {@code all}) and its initial tables.
     *
     * @param featurizer the featurizer {@code training} becomes
     * @param chars the {@code chars x charDim} table with the pretrained rows filled in, or {@code null} without character vectors
     * @param bigrams the {@code bigrams x bigramDim} table likewise, or {@code null} without bigram vectors
     * @param trainedChars the character rows training reads; those after them only the vectors file has
     * @param trainedBigrams the bigram rows training reads
     */
    record Tables(FlatFeaturizer featurizer, float[] chars, float[] bigrams, int trainedChars, int trainedBigrams) {
    }

    /** Reads the vectors files into {@link Tables} for {@code training}'s vocabularies. */
    Tables tables(FlatFeaturizer training, long seed, PrintStream log) throws IOException {
        PretrainedTable.Grown c = this.chars == null ? PretrainedTable.Grown.none(training.chars)
                : PretrainedTable.forVocabulary(training.chars, all, this.chars, format, training.spec.keys(), training.spec.charDim(),
                        "charDim", Seeds.random(seed, "pretrained"), "char", freeze, log);
        PretrainedTable.Grown b = this.bigrams == null ? PretrainedTable.Grown.none(training.bigrams)
                : PretrainedTable.forVocabulary(training.bigrams, all, this.bigrams, format, training.spec.keys(),
                        training.spec.bigramDim(), "bigramDim", Seeds.random(seed, "pretrained.bigram"), "bigram", freeze, log);
        FlatFeaturizer f = training.withVocabularies(c.vocabulary(), b.vocabulary());
        if (all) {
            PretrainedTable.logFixed(log, c.fixedRows(), "char", b.fixedRows());
        }
        return new Tables(f, c.table(), b.table(), c.trained(), b.trained());
    }

    /** The form stored in {@code model.json}: the files the tables started from. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("embeddings", chars == null ? null : chars.toString());
        m.put("bigramEmbeddings", bigrams == null ? null : bigrams.toString());
        m.put("embeddingsFormat", format);
        m.put("freezeEmbeddings", freeze);
        m.put("embeddingsVocabulary", all ? "all" : "training");
        return m;
    }
}
