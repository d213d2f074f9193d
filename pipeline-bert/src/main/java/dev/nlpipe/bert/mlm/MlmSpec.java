package dev.nlpipe.bert.mlm;

import dev.nlpipe.bert.FineTuning;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code model:} options of {@code pretrain.mlm}, validated. Either {@code encoder} (continued
 * pre-training of an {@code encoder.bert} directory) or {@code vocabulary} with the sizes of a new
 * encoder (pre-training from scratch).
 *
 * @param encoder the encoder to continue from, or {@code null}
 * @param vocabulary a directory with the tokenizer of a new encoder, or {@code null}
 * @param layers encoder layers of a new encoder
 * @param hidden width of a new encoder
 * @param heads attention heads of a new encoder
 * @param intermediate feed-forward width of a new encoder (0: 4 × hidden)
 * @param maxPositions the longest input a new encoder takes
 * @param maxLength the most positions of a training sequence, [CLS] and [SEP] included
 * @param maskProbability the share of pieces to predict
 * @param wholeWord whether all pieces of a word are masked together
 */
public record MlmSpec(Path encoder, Path vocabulary, int layers, int hidden, int heads, int intermediate, int maxPositions,
                      int maxLength, double maskProbability, boolean wholeWord) {

    /** The sizes of a new encoder, refused beside an encoder whose own sizes apply (maxPositions is ignored there instead). */
    private static final List<String> ARCHITECTURE = List.of("layers", "hidden", "heads", "intermediate");

    /** The options. */
    public static List<OptionSpec> options() {
        return List.of(
                OptionSpec.path("encoder", "continue pre-training this encoder: a model directory of kind encoder.bert (`nlpipe model"
                        + " import`, or an earlier pretrain.mlm run)"),
                OptionSpec.path("vocabulary", "pre-train a new encoder from scratch with the tokenizer of this directory (tokenizer.json"
                        + " or vocab.txt: an imported encoder, a tokenize.wordpiece model)"),
                OptionSpec.integer("layers", 4, "from scratch: encoder layers"),
                OptionSpec.integer("hidden", 256, "from scratch: hidden size"),
                OptionSpec.integer("heads", 4, "from scratch: attention heads (hidden must be a multiple)"),
                OptionSpec.integer("intermediate", 0, "from scratch: feed-forward size (0: 4 x hidden)"),
                // 512 until 2026-12-07: a checkpoint left at that default continues with --set model.maxPositions=512
                OptionSpec.integer("maxPositions", 0, "from scratch: the longest input the encoder will take (0: maxLength; the"
                        + " position vectors past the training sequences' length would stay as initialized, random); ignored"
                        + " beside encoder, whose own positions apply").addedWithDefault(512),
                OptionSpec.integer("maxLength", 128, "the most word pieces per training sequence, [CLS] and [SEP] included; longer"
                        + " documents are cut into several sequences"),
                OptionSpec.number("maskProbability", 0.15, "share of the pieces of a sequence the model predicts (80 % become [MASK],"
                        + " 10 % a random piece, 10 % stay)"),
                OptionSpec.bool("wholeWord", false, "mask all pieces of a word together: words are the tokens of a segmenter under"
                        + " stages: (segment.hanlp for Chinese), else ##-continued piece groups"));
    }

    /** Reads and checks validated options. */
    public static MlmSpec from(Options o) {
        Path encoder = o.getPath("encoder");
        Path vocabulary = o.getPath("vocabulary");
        if ((encoder == null) == (vocabulary == null)) {
            throw o.error(encoder == null ? "encoder" : "vocabulary", "give either encoder: DIR (continue pre-training an encoder) or"
                    + " vocabulary: DIR with the sizes of a new encoder (pre-train from scratch), not both and not neither");
        }
        if (encoder != null) {
            FineTuning.encoder(o);
            for (String a : ARCHITECTURE) {
                if (o.isSet(a)) {
                    throw o.error(a, "sets the size of a new encoder; a pre-trained encoder's sizes come from its config.json");
                }
            }
        } else if (!Files.exists(vocabulary)) {
            throw o.error("vocabulary", "not found: " + vocabulary + " (a directory written by task tokenize.wordpiece, or one holding a"
                    + " BERT vocab.txt or tokenizer.json)");
        } else if (Files.isRegularFile(vocabulary)) {
            throw o.error("vocabulary", vocabulary + " is a file: give the directory that holds it (vocabulary: "
                    + vocabulary.toAbsolutePath().getParent() + "), whose model.json or tokenizer_config.json says how its tokenizer normalizes");
        } else if (!Files.isRegularFile(vocabulary.resolve("tokenizer.json")) && !Files.isRegularFile(vocabulary.resolve("vocab.txt"))) {
            throw o.error("vocabulary", vocabulary + " holds neither tokenizer.json nor vocab.txt");
        }
        for (String a : List.of("layers", "hidden", "heads")) {
            if (o.getInt(a) < 1) {
                throw o.error(a, "must be at least 1");
            }
        }
        if (o.getInt("maxPositions") < 0) {
            throw o.error("maxPositions", "must not be negative (0: maxLength)");
        }
        if (o.getInt("hidden") % o.getInt("heads") != 0) {
            throw o.error("heads", "must divide hidden (" + o.getInt("hidden") + ")");
        }
        if (o.getInt("intermediate") < 0) {
            throw o.error("intermediate", "must not be negative (0: 4 x hidden)");
        }
        int maxLength = o.getInt("maxLength");
        if (maxLength < 3) {
            throw o.error("maxLength", "must be at least 3 ([CLS], one piece, [SEP])");
        }
        double p = o.getDouble("maskProbability");
        if (!(p > 0) || p >= 1) {
            throw o.error("maskProbability", "must be above 0 and below 1 (BERT: 0.15)");
        }
        int intermediate = o.getInt("intermediate") == 0 ? 4 * o.getInt("hidden") : o.getInt("intermediate");
        int maxPositions = o.getInt("maxPositions") == 0 ? maxLength : o.getInt("maxPositions");
        return new MlmSpec(encoder, vocabulary, o.getInt("layers"), o.getInt("hidden"), o.getInt("heads"), intermediate,
                maxPositions, maxLength, p, o.getBoolean("wholeWord"));
    }

    /** The masking settings as {@code model.json} records them. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxLength", maxLength);
        m.put("maskProbability", maskProbability);
        Map<String, Object> replacement = new LinkedHashMap<>();
        replacement.put("mask", Masking.MASK_TOKEN);
        replacement.put("random", Masking.RANDOM_TOKEN);
        replacement.put("keep", Math.round((1 - Masking.MASK_TOKEN - Masking.RANDOM_TOKEN) * 100) / 100.0);
        m.put("replacement", replacement);
        m.put("wholeWord", wholeWord);
        m.put("dynamic", true);
        return m;
    }
}
