package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointsTest {
    private static Map<String, Object> config(Object averageDecay, Object layerDims) {
        return Map.of("task", "ner.flat", "train", Map.of("averageDecay", averageDecay, "seed", 42),
                "model", Map.of("dims", layerDims));
    }

    @Test
    void aNumberWrittenAsAnIntegerFingerprintsAsTheSameValueWrittenWithADecimalPoint() {
        // --set train.averageDecay=0 reads as a Long, the option's default is the Double 0.0
        String asDefault = Checkpoints.fingerprint(config(0.0, List.of(50.0, 20)));
        assertEquals(asDefault, Checkpoints.fingerprint(config(0L, List.of(50L, 20L))));
        assertEquals(asDefault, Checkpoints.fingerprint(config(0, List.of(50, 20.0))));
    }

    @Test
    void anotherValueIsAnotherFingerprint() {
        String asDefault = Checkpoints.fingerprint(config(0.0, List.of(50, 20)));
        assertNotEquals(asDefault, Checkpoints.fingerprint(config(0.999, List.of(50, 20))));
        assertNotEquals(asDefault, Checkpoints.fingerprint(config(0.0, List.of(50, 21))));
        assertNotEquals(asDefault, Checkpoints.fingerprint(config("0", List.of(50, 20))), "a string is not a number");
    }
}
