package dev.nlpipe.embed.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        // A large learning rate drives dot products past ±6, through the table's edges; 2.0 goes on to NaN vectors, which the
        // training refuses as divergence rather than writing them.
        Word2VecParams p = Corpus.params().withAlpha(0.5, 0.25).withObjective(5, true);
        Word2Vec.Result r = Word2Vec.train(Corpus.topics("ab", 3, 300, 6, 4).iterator(), p);
        assertEquals(6, r.model().vocabulary().size());
        Word2VecParams diverging = Corpus.params().withAlpha(2.0, 1.0).withObjective(5, true);
        Word2VecParams.InvalidParameterException e = assertThrows(Word2VecParams.InvalidParameterException.class,
                () -> Word2Vec.train(Corpus.topics("ab", 3, 300, 6, 4).iterator(), diverging));
        assertTrue(e.getMessage().contains("the training diverged"), e.getMessage());
    }
}
