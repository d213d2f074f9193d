package dev.nlpipe.embed.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SigmoidTableTest {

    @Test
    void indexStaysInsideTheTableAtTheEdges() {
        for (float f : new float[] {-6f, Math.nextUp(-6f), -1e-7f, 0f, Math.nextDown(6f), 6f}) {
            int i = TrainingWorker.sigmoidIndex(f);
            assertTrue(i >= 0 && i <= 1000, f + " -> " + i);
            assertEquals(1 / (1 + Math.exp(-f)), TrainingWorker.sigmoid(f), 0.01, "sigmoid(" + f + ")");
        }
        assertEquals(0.5, TrainingWorker.sigmoid(0f), 1e-6);
    }

    @Test
    void saturatedPredictionsTrainWithoutError() throws Exception {
        // A huge learning rate drives dot products far past ±6, through the table's edges.
        Word2VecParams p = Corpus.params().withAlpha(2.0, 1.0).withObjective(5, true);
        Word2Vec.Result r = Word2Vec.train(Corpus.topics("ab", 3, 300, 6, 4).iterator(), p);
        assertEquals(6, r.model().vocabulary().size());
    }
}
