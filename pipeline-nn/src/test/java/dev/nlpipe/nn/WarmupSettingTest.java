package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which warm-up a training gets when a task defaults to one kind (a ratio, as the BERT tasks) and the user gives another. */
class WarmupSettingTest {
    /** A task whose default warm-up is 10 % of the steps, as classify.bert's. */
    private static TrainSettings bertLike(Map<String, Object> given) {
        return TrainSettings.from(Options.of("train", given, TrainSettings.options(Map.of("warmupRatio", 0.1, "epochs", 3))));
    }

    @Test
    void warmupStepsTheUserGivesWinOverADefaultRatio() {
        assertEquals(500, bertLike(Map.of("warmupSteps", 500)).lrSchedule(1000).warmupSteps());
        assertEquals(300, bertLike(Map.of()).lrSchedule(1000).warmupSteps(), "the default ratio: 10 % of 3,000 steps");
        assertEquals(600, bertLike(Map.of("warmupRatio", 0.2)).lrSchedule(1000).warmupSteps());
    }

    @Test
    void bothGivenAreRefusedRatherThanOneIgnored() {
        ConfigException e = assertThrows(ConfigException.class, () -> bertLike(Map.of("warmupSteps", 500, "warmupRatio", 0.1)));
        assertTrue(e.getMessage().contains("warmupSteps") && e.getMessage().contains("give one"), e.getMessage());
        assertEquals(500, bertLike(Map.of("warmupSteps", 500, "warmupRatio", 0.0)).lrSchedule(1000).warmupSteps());
    }

    @Test
    void theResolvedOptionsRecordTheRatioTheRunUses() {
        // model.json and the checkpoint fingerprint come from these: a run with --set train.warmupSteps=0 warms up
        // not at all, and must not be recorded (and resumed) as the default's 10 %
        var specs = TrainSettings.options(Map.of("warmupRatio", 0.1));
        assertEquals(0.0, ((Number) Options.of("train", Map.of("warmupSteps", 0), specs).asMap().get("warmupRatio")).doubleValue());
        assertEquals(0.1, ((Number) Options.of("train", Map.of(), specs).asMap().get("warmupRatio")).doubleValue());
        assertEquals(0.2, ((Number) Options.of("train", Map.of("warmupSteps", 0, "warmupRatio", 0.2), specs).asMap()
                .get("warmupRatio")).doubleValue());
    }
}
