package dev.nlpipe.ner.lattice;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.ner.bilstm.BiLstmCrfSpec;
import dev.nlpipe.ner.lexicon.LexiconSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture of a Lattice LSTM tagger: the {@code model:} options of {@code ner.lattice-lstm},
 * as validated and as stored in {@code model.json}. The character side (embeddings, bigrams,
 * pretrained vectors, hidden size, dropout, tag scheme) takes the BiLSTM-CRF's options of the same
 * names with the paper's sizes as defaults; the word side adds {@code wordDim} and the lexicon's
 * options.
 *
 * @param chars the character side, always {@code unit: char} with one layer
 * @param wordDim the lexicon word embedding size
 * @param lexicon where the lexicon comes from and which matches it keeps
 * @param orthogonalInit whether the lattice's weights start as the reference code's (orthogonal input weights, identity
 *     recurrent weights, zero biases; {@code init: orthogonal}) instead of uniform in ±1/√hidden as PyTorch's LSTM
 */
public record LatticeSpec(BiLstmCrfSpec chars, int wordDim, LexiconSpec lexicon, boolean orthogonalInit) {
    /** The BiLSTM-CRF options a lattice model takes, with the paper's defaults where they differ. */
    private static final Map<String, Object> CHAR_OPTIONS = charOptions();

    private static Map<String, Object> charOptions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", "bmes");
        m.put("charDim", 50);
        m.put("bigramDim", 50);
        m.put("hidden", 200);
        m.put("dropout", 0.5);
        for (String same : List.of("minCount", "unkReplace", "normalizeDigits", "embeddings", "bigramEmbeddings", "embeddingsFormat",
                "freezeEmbeddings", "embeddingsVocabulary")) {
            m.put(same, null);
        }
        return m;
    }

    /** The {@code model:} options of {@code ner.lattice-lstm}. */
    public static List<OptionSpec> options() {
        List<OptionSpec> out = new ArrayList<>();
        for (OptionSpec s : BiLstmCrfSpec.options()) {
            if (CHAR_OPTIONS.containsKey(s.name())) {
                Object d = CHAR_OPTIONS.get(s.name());
                out.add(d == null ? s : s.withDefault(d));
            }
        }
        out.add(OptionSpec.integer("wordDim", 50, "lexicon word embedding size; must equal the size of lexiconVectors when given"));
        out.add(OptionSpec.choice("init", "orthogonal", "how the lattice LSTM's weights start: orthogonal (as Zhang and Yang's"
                + " code: orthogonal input weights, identity recurrent weights, zero biases; 0.3 F1 above uniform on Resume, level"
                + " on CLUENER2020) or uniform (in ±1/sqrt(hidden), as PyTorch's LSTM)", "orthogonal", "uniform")
                .addedWithDefault("uniform"));
        out.addAll(LexiconSpec.options());
        return out;
    }

    /** Reads and checks validated options. */
    public static LatticeSpec from(Options o) {
        if (o.getInt("wordDim") < 1) {
            throw o.error("wordDim", "must be at least 1");
        }
        if (o.getInt("lexiconMinLength") < 2) {
            // a word cell runs from its first character to its last, so a one-character word has no cell (the paper's as well)
            throw o.error("lexiconMinLength", "must be at least 2 for ner.lattice-lstm: a one-character word has no word cell");
        }
        Map<String, Object> chars = new LinkedHashMap<>();
        chars.put("unit", "char");
        for (String name : CHAR_OPTIONS.keySet()) {
            Object v = o.get(name);
            if (v != null) {
                chars.put(name, v instanceof Path p ? p.toString() : v);
            }
        }
        BiLstmCrfSpec charSpec;
        try {
            charSpec = BiLstmCrfSpec.from(Options.of(o.owner(), chars, BiLstmCrfSpec.options()));
        } catch (ConfigException e) {
            throw located(o, e);
        }
        return new LatticeSpec(charSpec, o.getInt("wordDim"), LexiconSpec.from(o), "orthogonal".equals(o.getString("init")));
    }

    /**
     * An error of the character options, which are checked on a copy without their places in the
     * file: put back at the option's place, and worded for this task, which has no {@code unit}.
     */
    private static ConfigException located(Options o, ConfigException e) {
        Matcher m = OPTION_ERROR.matcher(e.problem());
        if (!m.matches() || !CHAR_OPTIONS.containsKey(m.group(1))) {
            return e;
        }
        return o.error(m.group(1), m.group(2).replace("unit: char and ", ""));
    }

    private static final Pattern OPTION_ERROR = Pattern.compile("option '([^']+)' of [^:]+: (.*)", Pattern.DOTALL);

    /** The form stored in {@code model.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chars", chars.toMap());
        m.put("wordDim", wordDim);
        m.put("lexicon", lexicon.toMap());
        m.put("init", orthogonalInit ? "orthogonal" : "uniform");
        return m;
    }

    /** Reads the form stored by {@link #toMap}. */
    @SuppressWarnings("unchecked")
    public static LatticeSpec fromMap(Map<String, Object> m) {
        if (!(m.get("wordDim") instanceof Number wordDim) || !(m.get("chars") instanceof Map<?, ?> chars)
                || !(m.get("lexicon") instanceof Map<?, ?> lexicon)) {
            throw new IllegalArgumentException("the network description lacks 'chars', 'wordDim' or 'lexicon'");
        }
        // models saved before the option started uniform
        return new LatticeSpec(BiLstmCrfSpec.fromMap((Map<String, Object>) chars), wordDim.intValue(),
                LexiconSpec.fromMap((Map<String, Object>) lexicon), "orthogonal".equals(m.get("init")));
    }
}
