package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.fuzz.Fuzz;
import dev.nlpipe.core.fuzz.StageFuzz;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzz harness over every model-free stage of every module (raise the count with -Dnlpipe.fuzz.docs=N). */
class FuzzAllStagesTest {

    @Test
    void everyModelFreeStageSurvivesRandomTextWithConsistentOffsets() {
        StageFuzz.Report r = StageFuzz.run(Fuzz.documents(100), 13, true);
        Fuzz.print(r, System.out);
        assertTrue(r.results().size() >= 15, "stages fuzzed: " + r.results() + "; skipped: " + r.skipped());
        assertEquals(List.of(), r.results().stream().filter(s -> s.exceptions() + s.offsetErrors() > 0).toList());
    }
}
