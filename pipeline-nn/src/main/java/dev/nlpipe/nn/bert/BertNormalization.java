package dev.nlpipe.nn.bert;

import dev.nlpipe.core.doc.DocumentJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The options of BERT's normalizer, as Hugging Face's {@code BertNormalizer} has them.
 *
 * @param cleanText drop control, format and private-use characters, NUL and U+FFFD (vertical tab, form feed and
 *     U+0085 among them, so the words beside them join), and turn every other whitespace character into a space
 * @param handleChineseChars put spaces around every CJK ideograph, so that each is a word of its own
 * @param stripAccents decompose (NFD) and drop non-spacing marks; {@code null} follows {@code lowercase}, as Hugging
 *     Face does
 * @param lowercase lowercase every character (without context: a final Σ becomes σ)
 */
public record BertNormalization(boolean cleanText, boolean handleChineseChars, Boolean stripAccents, boolean lowercase) {

    /** A cased model's normalizer (bert-base-chinese, bge-small-zh): clean text, Chinese characters, no lowercasing or accent stripping. */
    public static BertNormalization cased() {
        return new BertNormalization(true, true, null, false);
    }

    /** An uncased model's normalizer (bert-base-uncased, all-MiniLM-L6-v2): clean text, Chinese characters, lowercase, strip accents. */
    public static BertNormalization uncased() {
        return new BertNormalization(true, true, null, true);
    }

    /** {@link #cased()} or {@link #uncased()}, as a vocab.txt's {@code do_lower_case} says. */
    public static BertNormalization of(boolean lowercase) {
        return lowercase ? uncased() : cased();
    }

    /** Whether accents are stripped: {@code stripAccents}, or {@code lowercase} when that is {@code null}. */
    public boolean stripsAccents() {
        return stripAccents == null ? lowercase : stripAccents;
    }

    /**
     * The normalization a Hugging Face directory's {@code tokenizer_config.json} sets for its vocab.txt, with Hugging Face's
     * defaults where it is silent or absent: {@code do_lower_case} (true), {@code strip_accents}
     * (follows lowercasing), {@code tokenize_chinese_chars} (true).
     */
    public static BertNormalization ofTokenizerConfig(Path dir) throws IOException {
        Path f = dir.resolve("tokenizer_config.json");
        Map<?, ?> c = Files.isRegularFile(f) ? DocumentJson.mapper().readValue(f.toFile(), Map.class) : Map.of();
        if (String.valueOf(c.get("tokenizer_class")).startsWith("BertJapanese")) {
            // MeCab words or character subwords first: read as BERT's basic tokenization, most kana would be [UNK]
            throw new IOException(f + " names tokenizer_class " + c.get("tokenizer_class") + ", which splits words with MeCab before"
                    + " WordPiece; nlpipe runs BERT's own basic tokenization only, so nlpipe cannot tokenize for this model");
        }
        boolean lowercase = !(c.get("do_lower_case") instanceof Boolean b) || b;
        Boolean stripAccents = c.get("strip_accents") instanceof Boolean b ? b : null;
        boolean chinese = !(c.get("tokenize_chinese_chars") instanceof Boolean b) || b;
        return new BertNormalization(true, chinese, stripAccents, lowercase);
    }
}
