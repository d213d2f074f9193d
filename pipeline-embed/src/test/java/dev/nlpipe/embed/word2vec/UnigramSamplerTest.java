package dev.nlpipe.embed.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnigramSamplerTest {

    @Test
    void probabilitiesFollowCountsToThePowerThreeQuarters() {
        long[] counts = {1000, 100, 10, 1, 1, 5000};
        UnigramSampler s = UnigramSampler.of(counts);
        double z = 0;
        for (long c : counts) {
            z += Math.pow(c, 0.75);
        }
        double sum = 0;
        for (int w = 0; w < counts.length; w++) {
            assertEquals(Math.pow(counts[w], 0.75) / z, s.probability(w), 1e-6, "word " + w);
            sum += s.probability(w);
        }
        assertEquals(1.0, sum, 1e-6);
    }

    @Test
    void drawsWithTheTrainingGeneratorMatchTheProbabilities() {
        long[] counts = {1000, 100, 10, 1, 5000};
        UnigramSampler s = UnigramSampler.of(counts);
        int[] hits = new int[counts.length];
        long x = 1;
        int n = 2_000_000;
        for (int i = 0; i < n; i++) {
            x = TrainingWorker.next(x);
            hits[s.sample(x)]++;
        }
        for (int w = 0; w < counts.length; w++) {
            assertEquals(s.probability(w), hits[w] / (double) n, 0.002, "word " + w);
        }
    }
}
