package dev.nlpipe.ner.flat;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.bilstm.BiLstmCrfSpec;
import dev.nlpipe.ner.data.UnitKeys;
import dev.nlpipe.ner.data.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The architecture of a FLAT tagger (Li et al. 2020): the {@code model:} options of
 * {@code ner.flat} other than the lexicon's, as validated and as stored in {@code model.json}. The
 * defaults are those of the paper and its reference code for Resume: one layer of 8 heads of 20
 * features (model width 160), a feed-forward layer 3 times as wide, dropout 0.5 on the character
 * and word embeddings, 0.15 in the feed-forward layer, 0.3 before the output layer and none on the
 * attention, training sentences clipped to 200 characters.
 *
 * @param scheme the tag scheme the CRF learns
 * @param charDim character embedding size
 * @param bigramDim character-bigram embedding size (0 = no bigrams)
 * @param wordDim lexicon-word embedding size (the lexicon vectors' size when it has vectors)
 * @param heads attention heads
 * @param headDim features per head; the model width is {@code heads × headDim}
 * @param feedForward the feed-forward layer's width as a multiple of the model width
 * @param layers stacked FLAT layers
 * @param embedDropout dropout on the character input (character, bigram and encoder features)
 * @param lexiconDropout dropout on the lexicon-word embeddings
 * @param ffDropout dropout inside and after the feed-forward layer and after the attention
 * @param outputDropout dropout before the output layer
 * @param attentionDropout dropout on the attention probabilities
 * @param maxLength training sentences are clipped to this many characters, longer texts tagged in windows of
 *     this many (0 = neither)
 * @param minCount the least training count of a character or bigram to get its own embedding
 * @param normalizeDigits map every digit to 0 for the character and bigram embeddings
 * @param encoder a BERT encoder directory whose character features join the character input, or {@code null}
 * @param encoderMaxLength the most word pieces the encoder reads at once, [CLS] and [SEP] included
 * @param variant the layer's form: the paper's formulas in a standard Transformer layer, or the reference code's
 */
public record FlatSpec(TagScheme scheme, int charDim, int bigramDim, int wordDim, int heads, int headDim, int feedForward,
                       int layers, double embedDropout, double lexiconDropout, double ffDropout, double outputDropout,
                       double attentionDropout, int maxLength, int minCount, boolean normalizeDigits, Path encoder,
                       int encoderMaxLength, FlatVariant variant) {

    /** The {@code model:} options of {@code ner.flat} that are not the lexicon's. */
    public static List<OptionSpec> options() {
        List<OptionSpec> out = new ArrayList<>(List.of(
                OptionSpec.choice("scheme", "bioes", "tag scheme the CRF learns (output is always entity spans)", "bioes", "bio",
                        "bmes"),
                OptionSpec.integer("charDim", 50, "character embedding size"),
                OptionSpec.integer("bigramDim", 50, "character-bigram embedding size, concatenated to the characters'; 0 = no bigrams"),
                OptionSpec.integer("wordDim", 50, "lexicon-word embedding size (must equal the size of lexiconVectors when given)"),
                OptionSpec.integer("heads", 8, "attention heads"),
                OptionSpec.integer("headDim", 20, "features per head; the model width is heads x headDim (paper: 8 x 20 = 160)"),
                OptionSpec.integer("feedForward", 3, "feed-forward width as a multiple of the model width (paper: 3, so 480)"),
                OptionSpec.integer("layers", 1, "stacked FLAT layers"),
                OptionSpec.number("embedDropout", 0.5, "dropout on the character input (characters, bigrams, encoder features)"),
                OptionSpec.number("lexiconDropout", 0.5, "dropout on the lexicon-word embeddings"),
                OptionSpec.number("ffDropout", 0.15, "dropout in and after the feed-forward layer and after the attention"),
                OptionSpec.number("outputDropout", 0.3, "dropout before the output layer"),
                OptionSpec.number("attentionDropout", 0.0, "dropout on the attention probabilities"),
                OptionSpec.integer("maxLength", 200, "clip training sentences to this many characters (the paper's 200; the"
                        + " attention's memory grows with the square of the lattice), and tag longer texts in windows of this many"
                        + " characters; 0 = neither"),
                OptionSpec.integer("minCount", 1, "least training count for a character or bigram to get its own vector"),
                OptionSpec.number("unkReplace", BiLstmCrfSpec.DEFAULT_UNK_REPLACE, "while training, read a character or bigram seen"
                        + " once as unknown with this chance, so the unknown vectors that unseen text reads are trained"),
                OptionSpec.bool("normalizeDigits", true, "map every digit to 0 for the character and bigram embeddings"),
                OptionSpec.path("encoder", "FLAT + BERT: a BERT encoder directory (nlpipe model import, encoder.bert) whose"
                        + " hidden state at each character's first word piece joins the character input; fine-tuned"),
                OptionSpec.integer("encoderMaxLength", 256, "with encoder: the most word pieces it reads at once, [CLS] and [SEP]"
                        + " included; longer sentences are read in overlapping windows"),
                OptionSpec.choice("variant", "standard", "the layer's form: standard (the paper's formulas in a post-LN Transformer"
                        + " layer) or reference (as FLAT's reference code computes it: no residual connections, unprojected keys,"
                        + " unscaled scores, no attention output projection, head-head and tail-tail distances only)", "standard",
                        "reference")));
        return out;
    }

    /** Reads and checks validated options. */
    public static FlatSpec from(Options o) {
        for (String n : List.of("charDim", "wordDim", "heads", "headDim", "feedForward", "layers", "minCount")) {
            if (o.getInt(n) < 1) {
                throw o.error(n, "must be at least 1");
            }
        }
        if (o.getInt("bigramDim") < 0) {
            throw o.error("bigramDim", "must not be negative (0 turns bigrams off)");
        }
        if (o.getInt("maxLength") < 0) {
            throw o.error("maxLength", "must not be negative (0 turns clipping off)");
        }
        int width = o.getInt("heads") * o.getInt("headDim");
        if (width % 2 != 0 || width < 4) {
            throw o.error("headDim", "heads x headDim is " + width + ", but the sinusoidal distance tables need an even model width of"
                    + " at least 4");
        }
        for (String n : List.of("embedDropout", "lexiconDropout", "ffDropout", "outputDropout", "attentionDropout", "unkReplace")) {
            double d = o.getDouble(n);
            if (d < 0 || d >= 1) {
                throw o.error(n, "must be at least 0 and below 1");
            }
        }
        Path encoder = o.getPath("encoder");
        if (encoder != null && !java.nio.file.Files.isDirectory(encoder)) {
            throw o.error("encoder", "is not a directory: " + encoder + "; give a BERT model directory written by `nlpipe model import`");
        }
        if (o.getInt("encoderMaxLength") < 3) {
            throw o.error("encoderMaxLength", "must be at least 3 ([CLS], a piece and [SEP])");
        }
        if (encoder == null && o.isSet("encoderMaxLength")) {
            throw o.error("encoderMaxLength", "sets how much a BERT encoder reads, and this FLAT has none (model.encoder): remove it,"
                    + " or give model.encoder");
        }
        return new FlatSpec(TagScheme.parse(o.getString("scheme")), o.getInt("charDim"), o.getInt("bigramDim"), o.getInt("wordDim"),
                o.getInt("heads"), o.getInt("headDim"), o.getInt("feedForward"), o.getInt("layers"), o.getDouble("embedDropout"),
                o.getDouble("lexiconDropout"), o.getDouble("ffDropout"), o.getDouble("outputDropout"), o.getDouble("attentionDropout"),
                o.getInt("maxLength"), o.getInt("minCount"), o.getBoolean("normalizeDigits"), encoder, o.getInt("encoderMaxLength"),
                FlatVariant.parse(o.getString("variant")));
    }

    /** The model width, {@code heads × headDim}. */
    public int hidden() {
        return heads * headDim;
    }

    /**
     * The longest window a text is tagged in: {@code maxLength}, or with {@code maxLength: 0} (no
     * clipping in training) the recurrent taggers' limit, since the attention's memory grows with the
     * square of the length (100,000 characters in one pass would ask for about 100 GB).
     */
    public int taggingWindow() {
        return maxLength > 0 ? maxLength : dev.nlpipe.ner.data.SequenceWindows.RECURRENT_LIMIT;
    }

    /** Whether BERT character features join the input. */
    public boolean hasEncoder() {
        return encoder != null;
    }

    /** Characters of each sentence, or of the whole text without a sentences layer. */
    public static Units units(String stage) {
        return new Units(false, false, stage);
    }

    /** How characters become embedding keys. */
    public UnitKeys keys() {
        return new UnitKeys(normalizeDigits, false);
    }

    /** This architecture as a loaded model records it: the encoder's path is not kept (its weights are in the model). */
    public FlatSpec withEncoder(Path dir) {
        return new FlatSpec(scheme, charDim, bigramDim, wordDim, heads, headDim, feedForward, layers, embedDropout, lexiconDropout,
                ffDropout, outputDropout, attentionDropout, maxLength, minCount, normalizeDigits, dir, encoderMaxLength, variant);
    }

    /** The form stored in {@code model.json} ({@code encoder} as a flag: the encoder's weights are in the model). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", scheme.name().toLowerCase(Locale.ROOT));
        m.put("charDim", charDim);
        m.put("bigramDim", bigramDim);
        m.put("wordDim", wordDim);
        m.put("heads", heads);
        m.put("headDim", headDim);
        m.put("feedForward", feedForward);
        m.put("layers", layers);
        m.put("embedDropout", embedDropout);
        m.put("lexiconDropout", lexiconDropout);
        m.put("ffDropout", ffDropout);
        m.put("outputDropout", outputDropout);
        m.put("attentionDropout", attentionDropout);
        m.put("maxLength", maxLength);
        m.put("minCount", minCount);
        m.put("normalizeDigits", normalizeDigits);
        m.put("encoder", encoder != null);
        m.put("encoderMaxLength", encoderMaxLength);
        m.put("variant", variant.id());
        return m;
    }

    /**
     * Reads the form stored in {@code model.json}.
     *
     * @param modelDir the model directory, which holds the encoder's files when {@code encoder} is true
     */
    public static FlatSpec fromMap(Map<String, Object> m, Path modelDir) {
        return new FlatSpec(TagScheme.parse(text(m, "scheme")), num(m, "charDim"), num(m, "bigramDim"), num(m, "wordDim"),
                num(m, "heads"), num(m, "headDim"), num(m, "feedForward"), num(m, "layers"), real(m, "embedDropout"),
                real(m, "lexiconDropout"), real(m, "ffDropout"), real(m, "outputDropout"), real(m, "attentionDropout"),
                num(m, "maxLength"), num(m, "minCount"), Boolean.TRUE.equals(m.get("normalizeDigits")),
                Boolean.TRUE.equals(m.get("encoder")) ? modelDir : null, num(m, "encoderMaxLength"),
                // models written before the option existed are standard
                m.get("variant") instanceof String v ? FlatVariant.parse(v) : FlatVariant.STANDARD);
    }

    private static String text(Map<String, Object> m, String k) {
        if (!(m.get(k) instanceof String s)) {
            throw new IllegalArgumentException("'" + k + "' is missing from the network description");
        }
        return s;
    }

    private static int num(Map<String, Object> m, String k) {
        if (!(m.get(k) instanceof Number n)) {
            throw new IllegalArgumentException("'" + k + "' is missing from the network description");
        }
        return n.intValue();
    }

    private static double real(Map<String, Object> m, String k) {
        if (!(m.get(k) instanceof Number n)) {
            throw new IllegalArgumentException("'" + k + "' is missing from the network description");
        }
        return n.doubleValue();
    }
}
