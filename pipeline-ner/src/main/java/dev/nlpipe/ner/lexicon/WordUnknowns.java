package dev.nlpipe.ner.lexicon;

/**
 * How a training batch reads lexicon words as the shared unknown word, so that row is trained for
 * the words test text brings that training never matched.
 *
 * @param chance each embedding row's chance of being read as {@code row}
 * @param row the unknown-word row
 */
public record WordUnknowns(float[] chance, int row) {
    /** The lexicon's ({@link Lexicon#unknownChances}), or {@code null} when it reads no word as unknown. */
    public static WordUnknowns of(Lexicon lexicon) {
        float[] chance = lexicon.unknownChances();
        return chance == null ? null : new WordUnknowns(chance, lexicon.unknownRow());
    }
}
