package dev.nlpipe.augment;

/**
 * One editable unit of a sentence being augmented: a token, or the part of a token that lies
 * inside or outside an entity (tokens are cut at entity boundaries so that no edit can cut through
 * an entity).
 *
 * @param surface the text written into the variant (may hold spaces: a multi-word synonym)
 * @param key the form used for dictionary lookups (the token's normalized text for original pieces)
 * @param slot the piece's position in the original sentence, kept by in-place replacements so the
 *     original spacing survives; {@code -1} for inserted pieces
 * @param entity the entity group the piece belongs to, {@code -1} for free pieces; locked pieces are
 *     never edited, moved apart or deleted
 * @param type the entity type of a group that replaced an original one (mention replacement), else
 *     {@code null}
 * @param pos the part-of-speech tag, kept only while the piece is unchanged
 * @param stop whether the piece is never chosen for editing: its token was marked as a stop word, or is on the
 *     stage's stop-word list (the tokens of a variant carry only the former: {@link Sentence#tokenStop})
 * @param gapBefore the text to put before this piece when it follows the previous piece of the same
 *     inserted group (inside a replacement mention), else {@code null}
 */
public record Piece(String surface, String key, int slot, int entity, String type, String pos, boolean stop, String gapBefore) {

    /** The pieces' texts: two variants reading the same are one variant, whichever slots their pieces came from. */
    public static java.util.List<String> surfaces(java.util.List<Piece> pieces) {
        java.util.List<String> out = new java.util.ArrayList<>(pieces.size());
        for (Piece p : pieces) {
            out.add(p.surface());
        }
        return out;
    }

    /** Whether the piece belongs to an entity and must stay as it is. */
    public boolean locked() {
        return entity >= 0;
    }

    /** Whether the piece holds a letter or digit (punctuation pieces are never chosen for edits). */
    public boolean isWord() {
        for (int i = 0; i < surface.length(); ) {
            int cp = surface.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Whether the piece is a free word: the only kind that operations edit, move or delete. */
    public boolean editable() {
        return !locked() && isWord();
    }

    /** This slot holding another word (a replacement keeps the original spacing around it). */
    public Piece replacedBy(String word) {
        return new Piece(word, word, slot, entity, type, null, false, null);
    }

    /** A new free word inserted between pieces. */
    public static Piece inserted(String word) {
        return new Piece(word, word, -1, -1, null, null, false, null);
    }
}
