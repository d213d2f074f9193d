package dev.nlpipe.ner.data;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.tag.TagScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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

    /** The unit sequences of a document: one per sentence, or one per line of a text without sentences. */
    public List<UnitSequence> of(Document doc) {
        return UnitSequence.of(doc, tokens, wordPositions, stage);
    }

    /**
     * The entities of each document, in input order: the unit sequences of all documents are
     * tagged in one call (so a tagger can batch them across documents), and each sequence's spans
     * become entities of the document it came from.
     *
     * @param spansOf the tagged spans of units of each sequence, in order
     */
    public List<List<Entity>> entities(List<Document> docs, Function<List<UnitSequence>, List<List<TagScheme.TokenSpan>>> spansOf) {
        return scoredEntities(docs, seqs -> spansOf.apply(seqs).stream()
                .map(spans -> spans.stream().map(ScoredSpan::unscored).toList()).toList());
    }

    /**
     * As {@link #entities}, for a tagger that scores its spans: each entity carries its span's score.
     *
     * @param spansOf the scored spans of units of each sequence, in order
     */
    public List<List<Entity>> scoredEntities(List<Document> docs, Function<List<UnitSequence>, List<List<ScoredSpan>>> spansOf) {
        List<UnitSequence> seqs = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            for (UnitSequence s : of(docs.get(d))) {
                seqs.add(s);
                owner.add(d);
            }
        }
        List<List<ScoredSpan>> spans = spansOf.apply(seqs);
        List<List<Entity>> found = new ArrayList<>(docs.size());
        for (int d = 0; d < docs.size(); d++) {
            found.add(new ArrayList<>());
        }
        for (int i = 0; i < seqs.size(); i++) {
            found.get(owner.get(i)).addAll(seqs.get(i).scoredEntities(spans.get(i)));
        }
        return found;
    }
}
