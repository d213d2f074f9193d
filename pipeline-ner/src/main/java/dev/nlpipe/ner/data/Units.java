package dev.nlpipe.ner.data;

import dev.nlpipe.core.doc.Document;
import java.util.List;

/**
 * What a sequence tagger labels, chosen by its architecture's options: characters (Chinese) or
 * tokens (English), and whether character units carry their position in the segmenter's words.
 *
 * @param tokens tag tokens (documents need a tokens layer) instead of characters
 * @param wordPositions give each character its position in its word (documents need a tokens layer)
 * @param stage the stage or task asking, named in missing-layer messages
 */
public record Units(boolean tokens, boolean wordPositions, String stage) {

    /** Whether documents must carry a tokens layer. */
    public boolean needTokens() {
        return tokens || wordPositions;
    }

    /** The unit sequences of a document: one per sentence, or one for the whole text. */
    public List<UnitSequence> of(Document doc) {
        return UnitSequence.of(doc, tokens, wordPositions, stage);
    }
}
