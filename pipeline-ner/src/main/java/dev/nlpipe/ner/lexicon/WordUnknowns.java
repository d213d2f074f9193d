package dev.nlpipe.ner.lexicon;

/**
 * How a training batch reads lexicon words as the shared unknown word, so that row is trained for
 * the words test text brings that training never matched.
 *
 * @param chance each embedding row's chance of being read as {@code row}, or {@code null} for none
 * @param row the unknown-word row
 */
public record WordUnknowns(float[] chance, int row) {
    /** Reads no word as unknown: inference, or a lexicon without the unknown-word row. */
    public static final WordUnknowns NONE = new WordUnknowns(null, 0);

    /** The lexicon's ({@link Lexicon#unknownChances}), {@link #NONE} when it reads no word as unknown. */
    public static WordUnknowns of(Lexicon lexicon) {
        float[] chance = lexicon.unknownChances();
        return chance == null ? NONE : new WordUnknowns(chance, lexicon.unknownRow());
    }
}
