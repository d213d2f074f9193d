package dev.nlpipe.ner;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.eval.Scores;
import dev.nlpipe.core.eval.SpanF1;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Scores a tagger against documents with gold entities: each document is copied without its
 * entities (text, tokens and sentences kept), tagged, and its predicted entities compared with the
 * gold ones by type and character offsets ({@link SpanF1}, conlleval's counting).
 */
public final class EntityEvaluation {
    /** Documents tagged per call of the tagger. */
    static final int CHUNK = 512;

    private EntityEvaluation() {
    }

    /**
     * Evaluates.
     *
     * @param gold documents with a gold entities layer (documents without one count as having none)
     * @param tagger the entities it finds in each document it is given, in order (the documents have no entities)
     * @param progress told the number of documents done after each chunk
     */
    public static Scores evaluate(Iterator<Document> gold, Function<List<Document>, List<List<Entity>>> tagger, LongConsumer progress) {
        SpanF1 f1 = new SpanF1();
        List<Document> golds = new ArrayList<>(CHUNK);
        long done = 0;
        while (gold.hasNext()) {
            golds.add(gold.next());
            if (golds.size() == CHUNK || !gold.hasNext()) {
                List<Document> copies = new ArrayList<>(golds.size());
                for (Document g : golds) {
                    // every layer a tagger may read, the normalized view of a model trained behind a normalizer included
                    copies.add(g.derive(g.id(), g.text()).setTokens(g.tokens()).setSentences(g.sentences()).setNormalized(g.normalized()));
                }
                List<List<Entity>> found = tagger.apply(copies);
                for (int i = 0; i < golds.size(); i++) {
                    f1.addEntities(golds.get(i).entities() == null ? List.of() : golds.get(i).entities(), found.get(i));
                }
                done += golds.size();
                progress.accept(done);
                golds.clear();
            }
        }
        return f1.scores();
    }
}
