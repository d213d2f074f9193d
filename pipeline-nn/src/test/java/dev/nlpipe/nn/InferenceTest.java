package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The process-wide threads setting: a later model that changes it is said to. */
class InferenceTest {
    @Test
    void aModelThatChangesTheThreadsOfTheOneBeforeItSaysSo() {
        assertNull(Inference.threadsReplaced(-1, 4), "the first model sets them");
        assertNull(Inference.threadsReplaced(4, 4), "the same value changes nothing");
        String w = Inference.threadsReplaced(4, 1);
        assertTrue(w != null && w.contains("replaces the 4") && w.contains("every neural stage now runs with 1"), w);
    }
}
