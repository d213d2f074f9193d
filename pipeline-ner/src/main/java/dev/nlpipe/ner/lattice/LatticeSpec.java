package dev.nlpipe.ner.lattice;

import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Node;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.PlainNodes;
import dev.nlpipe.ner.bilstm.BiLstmCrfSpec;
import dev.nlpipe.ner.lexicon.LexiconSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        // the character options checked as ner.bilstm-crf checks them, each at its own place in the file
        Location owner = o.location("unit");
        Node.MapNode chars = new Node.MapNode(owner);
        chars.put("unit", owner, new Node.ScalarNode(owner, "char"));
        for (String name : CHAR_OPTIONS.keySet()) {
            Object v = o.get(name);
            // what the user set, and the lattice's own defaults; an option left at ner.bilstm-crf's default stays unset, so the
            // checks of options that need another (freezeEmbeddings needs vectors) see what the user gave
            if (v != null && (o.isSet(name) || CHAR_OPTIONS.get(name) != null)) {
                chars.put(name, o.location(name), PlainNodes.toNode(v instanceof Path p ? p.toString() : v, o.location(name)));
            }
        }
        BiLstmCrfSpec charSpec = BiLstmCrfSpec.from(Options.validate(o.owner(), chars, owner, BiLstmCrfSpec.options()));
        return new LatticeSpec(charSpec, o.getInt("wordDim"), LexiconSpec.from(o), "orthogonal".equals(o.getString("init")));
    }

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
