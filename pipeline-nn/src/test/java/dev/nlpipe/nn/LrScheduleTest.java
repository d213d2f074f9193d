package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LrScheduleTest {
    private static final double EPS = 1e-12;

    @Test
    void warmUpRisesLinearlyThenHolds() {
        LrSchedule s = new LrSchedule(0.1, LrSchedule.Kind.CONSTANT, 4, 10, 3, 1, 0.5);
        assertEquals(0.025, s.at(0), EPS);
        assertEquals(0.05, s.at(1), EPS);
        assertEquals(0.1, s.at(3), EPS);
        assertEquals(0.1, s.at(29), EPS);
    }

    @Test
    void linearDecayReachesZeroOneStepAfterTheLast() {
        LrSchedule s = new LrSchedule(1.0, LrSchedule.Kind.LINEAR, 0, 10, 2, 1, 0.5);
        assertEquals(1.0, s.at(0), EPS);
        assertEquals(0.5, s.at(10), EPS);
        assertEquals(0.05, s.at(19), EPS);
        LrSchedule warm = new LrSchedule(1.0, LrSchedule.Kind.LINEAR, 10, 10, 2, 1, 0.5);
        assertEquals(0.5, warm.at(4), EPS);
        assertEquals(1.0, warm.at(10), EPS);
        assertEquals(0.5, warm.at(15), EPS);
    }

    @Test
    void stepAndInverseDecayByEpoch() {
        LrSchedule step = new LrSchedule(1.0, LrSchedule.Kind.STEP, 0, 10, 10, 2, 0.5);
        assertEquals(1.0, step.at(19), EPS);
        assertEquals(0.5, step.at(20), EPS);
        assertEquals(0.25, step.at(45), EPS);
        LrSchedule inv = new LrSchedule(0.015, LrSchedule.Kind.INVERSE, 0, 10, 10, 1, 0.05);
        assertEquals(0.015, inv.at(9), EPS);
        assertEquals(0.015 / 1.1, inv.at(20), EPS);
    }

    @Test
    void warmupLinearIsHuggingFacesScheduleStepForStep() {
        // transformers.get_linear_schedule_with_warmup(opt, num_warmup_steps=4, num_training_steps=20)
        LrSchedule s = new LrSchedule(2.0, LrSchedule.Kind.WARMUP_LINEAR, 4, 10, 2, 1, 0.5);
        assertEquals(0.0, s.at(0), EPS);
        assertEquals(0.5, s.at(1), EPS);
        assertEquals(1.5, s.at(3), EPS);
        assertEquals(2.0, s.at(4), EPS);
        assertEquals(2.0 * 6 / 16, s.at(14), EPS);
        assertEquals(2.0 / 16, s.at(19), EPS);
        assertEquals(0.0, s.at(25), EPS);
    }

    @Test
    void warmupLinearParsesFromItsOptionName() {
        assertEquals(LrSchedule.Kind.WARMUP_LINEAR, LrSchedule.kind("warmup-linear"));
        assertEquals(LrSchedule.Kind.LINEAR, LrSchedule.kind("linear"));
    }
}
