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
 * {@code embeddingsFormat} and {@code freezeEmbeddings}, read as {@code ner.bilstm-crf} and
 * {@code ner.lattice-lstm} read them. Only characters and bigrams of the training data get a row.
 *
 * @param chars word2vec vectors of single characters, or {@code null}
 * @param bigrams word2vec vectors of character bigrams (the last character with {@code </s>}), or {@code null}
 * @param format {@code auto}, {@code text} or {@code binary}
 * @param freeze keep the pretrained tables fixed instead of fine-tuning them
 */
record CharVectors(Path chars, Path bigrams, String format, boolean freeze) {
    private static final List<String> NAMES = List.of("embeddings", "bigramEmbeddings", "embeddingsFormat", "freezeEmbeddings");

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
        return new CharVectors(chars, bigrams, o.getString("embeddingsFormat"), o.getBoolean("freezeEmbeddings"));
    }

    /** The character table ({@code chars x charDim}) with the pretrained rows filled in, or {@code null} without vectors. */
    float[] charTable(FlatFeaturizer f, long seed, PrintStream log) throws IOException {
        return chars == null ? null : PretrainedTable.forVocabulary(f.chars, chars, format, f.spec.keys(), f.spec.charDim(), "charDim",
                Seeds.random(seed, "pretrained"), "char", freeze, log);
    }

    /** The bigram table ({@code bigrams x bigramDim}) with the pretrained rows filled in, or {@code null} without vectors. */
    float[] bigramTable(FlatFeaturizer f, long seed, PrintStream log) throws IOException {
        return bigrams == null ? null : PretrainedTable.forVocabulary(f.bigrams, bigrams, format, f.spec.keys(), f.spec.bigramDim(),
                "bigramDim", Seeds.random(seed, "pretrained.bigram"), "bigram", freeze, log);
    }

    /** The form stored in {@code model.json}: the files the tables started from. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("embeddings", chars == null ? null : chars.toString());
        m.put("bigramEmbeddings", bigrams == null ? null : bigrams.toString());
        m.put("embeddingsFormat", format);
        m.put("freezeEmbeddings", freeze);
        return m;
    }
}
