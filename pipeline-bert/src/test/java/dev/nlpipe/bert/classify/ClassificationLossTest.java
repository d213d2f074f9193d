package dev.nlpipe.bert.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.nn.NeuralEngine;
import org.junit.jupiter.api.Test;

class ClassificationLossTest {

    @Test
    void crossEntropyIsTheMeanNegativeLogProbabilityOfTheGold() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            float ce = ClassificationLoss.crossEntropy(m.create(new float[] {2, 0, 0, 1}, new Shape(2, 2)), m.create(new long[] {0, 0}))
                    .getFloat();
            double expected = (-Math.log(Math.exp(2) / (Math.exp(2) + 1)) - Math.log(1 / (1 + Math.E))) / 2;
            assertEquals(expected, ce, 1e-6);
        }
    }

    @Test
    void classWeightsAverageTheLossAsPyTorchsWeightedCrossEntropy() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            // torch.nn.CrossEntropyLoss(weight=torch.tensor([1., 3.])): (1 * nll_0 + 3 * nll_1) / (1 + 3)
            float ce = ClassificationLoss.crossEntropy(m.create(new float[] {2, 0, 0, 1}, new Shape(2, 2)), m.create(new long[] {0, 1}),
                    m.create(new float[] {1, 3})).getFloat();
            double nll0 = -Math.log(Math.exp(2) / (Math.exp(2) + 1));
            double nll1 = -Math.log(Math.E / (1 + Math.E));
            assertEquals((nll0 + 3 * nll1) / 4, ce, 1e-6);
        }
    }

    @Test
    void equalClassWeightsChangeNothing() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            var logits = m.create(new float[] {0.5f, -1, 2, 0, 1, 1}, new Shape(3, 2));
            var gold = m.create(new long[] {1, 0, 1});
            assertEquals(ClassificationLoss.crossEntropy(logits, gold).getFloat(),
                    ClassificationLoss.crossEntropy(logits, gold, m.create(new float[] {2.5f, 2.5f})).getFloat(), 1e-6);
        }
    }

    @Test
    void theSymmetricKlOfTwoPredictionsMatchesItsDefinition() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            float kl = ClassificationLoss.symmetricKl(m.create(new float[] {1, 0}, new Shape(1, 2)), m.create(new float[] {0, 1},
                    new Shape(1, 2))).getFloat();
            double p = Math.E / (Math.E + 1);
            double q = 1 - p;
            double oneWay = p * Math.log(p / q) + q * Math.log(q / p);
            assertEquals(oneWay, kl, 1e-6, "both directions are equal here, and their mean is one of them");
        }
    }

    @Test
    void identicalPredictionsHaveNoDivergence() {
        try (NDManager m = NeuralEngine.get().newBaseManager()) {
            float kl = ClassificationLoss.symmetricKl(m.create(new float[] {0.3f, -2, 1}, new Shape(1, 3)),
                    m.create(new float[] {0.3f, -2, 1}, new Shape(1, 3))).getFloat();
            assertEquals(0, kl, 1e-7);
        }
    }
}
