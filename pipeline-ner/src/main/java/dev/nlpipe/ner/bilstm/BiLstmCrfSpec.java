package dev.nlpipe.ner.bilstm;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.data.UnitKeys;
import dev.nlpipe.ner.data.Units;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The architecture and input features of a BiLSTM-CRF tagger: the {@code model:} options of
 * {@code ner.bilstm-crf}, as validated and as stored in {@code model.json}.
 *
 * @param unit {@code char} (each character of the text is tagged; Chinese) or {@code token} (each
 *     token; English, needs a tokens layer)
 * @param scheme the tag scheme the CRF learns
 * @param charDim character embedding size: the units in {@code char} mode, the character-CNN input in {@code token} mode
 * @param bigramDim character-bigram embedding size ({@code char} mode; 0 = off)
 * @param wordDim word embedding size ({@code token} mode)
 * @param charFilters character-CNN output size ({@code token} mode; 0 = off)
 * @param charKernel character-CNN window
 * @param caseDim word-shape embedding size ({@code token} mode; 0 = off)
 * @param segDim word-position (BMES from the tokens layer) embedding size ({@code char} mode; 0 = off)
 * @param hidden LSTM units per direction
 * @param layers stacked BiLSTM layers
 * @param dropout dropout on the embeddings, between layers and before the output
 * @param minCount the least count of a unit (or bigram) to get its own embedding; the rarer read as unknown
 * @param lowercase lowercase words before the word embedding ({@code token} mode)
 * @param normalizeDigits map every digit to 0 before the embeddings
 * @param embeddings pretrained vectors for the units (word2vec text or binary), or {@code null}
 * @param embeddingsFormat {@code auto}, {@code text} or {@code binary}
 * @param freezeEmbeddings keep the pretrained vectors fixed
 * @param embeddingsVocabulary {@code training} (vectors only for units and bigrams of the training data) or {@code all}
 *     (every unit or bigram in the vectors files gets a row, so those unseen in training keep their vector)
 * @param bigramEmbeddings pretrained character-bigram vectors ({@code char} mode), or {@code null}
 * @param unkReplace while training, the chance that a unit (or bigram) seen once in the training data is read as unknown
 * @param wordDropout while training, the chance that any unit is read as unknown
 * @param bigramDropout while training, the chance that any character bigram is read as the unknown bigram
 */
public record BiLstmCrfSpec(String unit, TagScheme scheme, int charDim, int bigramDim, int wordDim, int charFilters, int charKernel,
                      int caseDim, int segDim, int hidden, int layers, double dropout, int minCount, boolean lowercase,
                      boolean normalizeDigits, Path embeddings, String embeddingsFormat, boolean freezeEmbeddings,
                      String embeddingsVocabulary, Path bigramEmbeddings, double unkReplace, double wordDropout,
                      double bigramDropout) {

    /**
     * The default {@code unkReplace} of new trainings (model directories store the value they were
     * trained with; those written before the option existed read 0). It was 0 until the unknown-vector
     * trap was found: with every training character and bigram in the vocabulary and none read as
     * unknown, the unknown row is never updated, and on text unlike the training data the many unseen
     * bigrams all read that random vector and precision falls. 0.5 trains it from the units and bigrams
     * seen once while they keep vectors of their own (Resume dev F1 94.06 against 93.33 with
     * {@code minCount: 2}, the other way to train it, in one run each).
     */
    public static final double DEFAULT_UNK_REPLACE = 0.5;

    /** The {@code model:} options of {@code ner.bilstm-crf}. */
    public static List<OptionSpec> options() {
        return List.of(
                OptionSpec.choice("unit", "char", "what is tagged: char (each character; Chinese) or token (each token; English)",
                        "char", "token"),
                OptionSpec.choice("scheme", "bioes", "tag scheme the CRF learns (output is always entity spans)", "bioes", "bio",
                        "bmes"),
                OptionSpec.integer("charDim", 50, "character embedding size (char mode: the units; token mode: the character CNN)"),
                OptionSpec.integer("bigramDim", 0, "character-bigram embedding size, char mode; 0 = no bigrams"),
                OptionSpec.integer("wordDim", 100, "word embedding size, token mode"),
                OptionSpec.integer("charFilters", 50, "character-CNN features per word, token mode; 0 = no character features"),
                OptionSpec.integer("charKernel", 3, "character-CNN window, token mode"),
                OptionSpec.integer("caseDim", 0, "word-shape (capitalization, digits) embedding size, token mode; 0 = off"),
                OptionSpec.integer("segDim", 0, "char mode: embedding size of each character's position (B/M/E/S) in its word from "
                        + "the tokens layer of a segmentation stage (e.g. segment.hanlp); 0 = off"),
                OptionSpec.integer("hidden", 100, "LSTM units per direction"),
                OptionSpec.integer("layers", 1, "stacked BiLSTM layers"),
                OptionSpec.number("dropout", 0.5, "dropout rate on embeddings, between layers and before the output layer"),
                OptionSpec.integer("minCount", 1, "least training count for a character, bigram or word to get its own vector;"
                        + " those seen less often read as unknown"),
                OptionSpec.bool("lowercase", true, "token mode: lowercase words for the word embedding (the character CNN sees case)"),
                OptionSpec.bool("normalizeDigits", true, "map every digit to 0 for the embeddings"),
                OptionSpec.path("embeddings", "pretrained vectors for characters (char mode) or words (token mode), word2vec text or binary"),
                OptionSpec.path("bigramEmbeddings", "char mode, with bigramDim: pretrained character-bigram vectors (each word two"
                        + " characters), word2vec text or binary"),
                OptionSpec.choice("embeddingsFormat", "auto", "format of the pretrained vectors", "auto", "text", "binary"),
                OptionSpec.bool("freezeEmbeddings", false, "keep pretrained vectors (units and bigrams) fixed instead of fine-tuning them"),
                OptionSpec.choice("embeddingsVocabulary", "training", "which units and bigrams of the pretrained vectors get a row:"
                        + " training (those in the training data) or all (every vector, so those unseen in training keep theirs; a"
                        + " larger model)", "training", "all"),
                OptionSpec.number("unkReplace", DEFAULT_UNK_REPLACE, "while training, read a unit or bigram seen once as unknown"
                        + " with this chance, so the unknown vectors, which every unit or bigram unseen in training reads at test time,"
                        + " learn what unseen ones look like (0 with minCount 1 leaves them untrained)"),
                OptionSpec.number("wordDropout", 0.0, "while training, read any unit as unknown with this chance, so the tagger"
                        + " leans on character and shape features that unseen words still have"),
                OptionSpec.number("bigramDropout", 0.0, "char mode, with bigramDim: while training, read any character bigram as"
                        + " the unknown bigram with this chance, so the tagger copes with the bigrams that test text brings and"
                        + " training never showed"));
    }

    /** Reads and checks validated options. */
    public static BiLstmCrfSpec from(Options o) {
        for (String n : List.of("charDim", "hidden", "layers", "wordDim", "charKernel", "minCount")) {
            if (o.getInt(n) < 1) {
                throw o.error(n, "must be at least 1");
            }
        }
        for (String n : List.of("bigramDim", "charFilters", "caseDim", "segDim")) {
            if (o.getInt(n) < 0) {
                throw o.error(n, "must not be negative (0 turns the feature off)");
            }
        }
        double dropout = o.getDouble("dropout");
        if (dropout < 0 || dropout >= 1) {
            throw o.error("dropout", "must be at least 0 and below 1");
        }
        double unkReplace = o.getDouble("unkReplace");
        if (unkReplace < 0 || unkReplace > 1) {
            throw o.error("unkReplace", "must be between 0 and 1");
        }
        double wordDropout = o.getDouble("wordDropout");
        if (wordDropout < 0 || wordDropout >= 1) {
            throw o.error("wordDropout", "must be at least 0 and below 1");
        }
        double bigramDropout = o.getDouble("bigramDropout");
        if (bigramDropout < 0 || bigramDropout >= 1) {
            throw o.error("bigramDropout", "must be at least 0 and below 1");
        }
        String unit = o.getString("unit");
        if (unit.equals("token") && (o.isSet("bigramDim") && o.getInt("bigramDim") > 0 || o.isSet("segDim") && o.getInt("segDim") > 0)) {
            throw o.error(o.isSet("bigramDim") ? "bigramDim" : "segDim", "applies to unit: char only");
        }
        if (unit.equals("char")) {
            // the network of characters has no word table, character CNN or word shapes: these would be ignored unseen
            for (String n : List.of("wordDim", "charFilters", "charKernel", "caseDim", "lowercase")) {
                if (o.isSet(n)) {
                    throw o.error(n, "applies to unit: token only (each token tagged, English); with unit: char each character is"
                            + " tagged through charDim and bigramDim");
                }
            }
        }
        Path emb = readablePath(o, "embeddings");
        Path bigramEmb = readablePath(o, "bigramEmbeddings");
        boolean bigrams = unit.equals("char") && o.getInt("bigramDim") > 0;
        requireVectorsForTheirOptions(o, emb, bigramEmb);
        if (bigramEmb != null && !bigrams) {
            throw o.error("bigramEmbeddings", "needs " + (unit.equals("char") ? "" : "unit: char and ") + "bigramDim set to the vectors' size");
        }
        if (bigramDropout > 0 && !bigrams) {
            throw o.error("bigramDropout", "needs " + (unit.equals("char") ? "" : "unit: char and ")
                    + "bigramDim above 0 (there are no bigrams to drop)");
        }
        return new BiLstmCrfSpec(unit, TagScheme.parse(o.getString("scheme")), o.getInt("charDim"), o.getInt("bigramDim"),
                o.getInt("wordDim"), o.getInt("charFilters"), o.getInt("charKernel"), o.getInt("caseDim"), o.getInt("segDim"),
                o.getInt("hidden"), o.getInt("layers"), dropout, o.getInt("minCount"), o.getBoolean("lowercase"),
                o.getBoolean("normalizeDigits"), emb, o.getString("embeddingsFormat"), o.getBoolean("freezeEmbeddings"),
                o.getString("embeddingsVocabulary"), bigramEmb, unkReplace, wordDropout, bigramDropout);
    }

    /**
     * Refuses the options about pretrained vectors ({@code freezeEmbeddings}, {@code embeddingsVocabulary},
     * {@code embeddingsFormat}) when no vectors are given: they would be accepted and do nothing.
     */
    public static void requireVectorsForTheirOptions(Options o, Path embeddings, Path bigramEmbeddings) {
        for (String option : List.of("freezeEmbeddings", "embeddingsVocabulary", "embeddingsFormat")) {
            if (embeddings == null && bigramEmbeddings == null && o.isSet(option)) {
                throw o.error(option, "applies to the vectors of model.embeddings or model.bigramEmbeddings, and neither is given:"
                        + " remove it, or give the vectors");
            }
        }
    }

    /** The path option {@code name}, or {@code null} when not set; an error names the option when the file cannot be read. */
    public static Path readablePath(Options o, String name) {
        Path p = o.getPath(name);
        if (p != null && !java.nio.file.Files.isReadable(p)) {
            throw o.error(name, "not found or not readable: " + p);
        }
        return p;
    }

    /** Whether every unit of the pretrained vectors gets a row (not only those of the training data). */
    public boolean allPretrainedUnits() {
        return embeddings != null && embeddingsVocabulary.equals("all");
    }

    /** Whether every bigram of the pretrained bigram vectors gets a row (not only those of the training data). */
    public boolean allPretrainedBigrams() {
        return bigramEmbeddings != null && embeddingsVocabulary.equals("all");
    }

    /** Whether units are tokens (else characters). */
    public boolean tokenUnits() {
        return unit.equals("token");
    }

    /** Whether documents must carry tokens (token units, or word-position features). */
    public boolean needsTokens() {
        return tokenUnits() || segDim > 0;
    }

    /** What the tagger labels; {@code stage} is named in missing-layer messages. */
    public Units units(String stage) {
        return new Units(tokenUnits(), segDim > 0, stage);
    }

    /** How unit texts become embedding keys. */
    public UnitKeys keys() {
        return new UnitKeys(normalizeDigits, tokenUnits() && lowercase);
    }

    /** The size of the unit embedding. */
    public int unitDim() {
        return tokenUnits() ? wordDim : charDim;
    }

    /** The form stored in {@code model.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", unit);
        m.put("scheme", scheme.name().toLowerCase(java.util.Locale.ROOT));
        m.put("charDim", charDim);
        m.put("bigramDim", bigramDim);
        m.put("wordDim", wordDim);
        m.put("charFilters", charFilters);
        m.put("charKernel", charKernel);
        m.put("caseDim", caseDim);
        m.put("segDim", segDim);
        m.put("hidden", hidden);
        m.put("layers", layers);
        m.put("dropout", dropout);
        m.put("minCount", minCount);
        m.put("lowercase", lowercase);
        m.put("normalizeDigits", normalizeDigits);
        m.put("embeddings", embeddings == null ? null : embeddings.toString());
        m.put("embeddingsFormat", embeddingsFormat);
        m.put("freezeEmbeddings", freezeEmbeddings);
        m.put("embeddingsVocabulary", embeddingsVocabulary);
        m.put("bigramEmbeddings", bigramEmbeddings == null ? null : bigramEmbeddings.toString());
        m.put("unkReplace", unkReplace);
        m.put("wordDropout", wordDropout);
        m.put("bigramDropout", bigramDropout);
        return m;
    }

    /** Reads the form stored in {@code model.json}. */
    public static BiLstmCrfSpec fromMap(Map<String, Object> m) {
        return new BiLstmCrfSpec((String) m.get("unit"), TagScheme.parse((String) m.get("scheme")), num(m, "charDim"), num(m, "bigramDim"),
                num(m, "wordDim"), num(m, "charFilters"), num(m, "charKernel"), num(m, "caseDim"), num(m, "segDim"), num(m, "hidden"),
                num(m, "layers"), ((Number) m.get("dropout")).doubleValue(), num(m, "minCount"), (Boolean) m.get("lowercase"),
                (Boolean) m.get("normalizeDigits"), m.get("embeddings") == null ? null : Path.of((String) m.get("embeddings")),
                (String) m.get("embeddingsFormat"), (Boolean) m.get("freezeEmbeddings"),
                m.get("embeddingsVocabulary") instanceof String v ? v : "training",
                m.get("bigramEmbeddings") instanceof String b ? Path.of(b) : null,
                m.get("unkReplace") instanceof Number n ? n.doubleValue() : 0.0,
                m.get("wordDropout") instanceof Number n ? n.doubleValue() : 0.0,
                m.get("bigramDropout") instanceof Number n ? n.doubleValue() : 0.0);
    }

    private static int num(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("'" + k + "' is missing from the network description");
        }
        return n.intValue();
    }
}
