package dev.nlpipe.nn.bert;

/**
 * The options of BERT's normalizer, as Hugging Face's {@code BertNormalizer} has them.
 *
 * @param cleanText drop control, format and private-use characters, NUL and U+FFFD, and turn every whitespace
 *     character into a space
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
}
