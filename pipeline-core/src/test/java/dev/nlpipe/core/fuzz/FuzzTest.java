package dev.nlpipe.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small run of the fuzz harness over the core stages, readers and writers (raise it with -Dnlpipe.fuzz.docs=N). */
class FuzzTest {
    @TempDir
    Path dir;

    @Test
    void everyCoreStageSurvivesRandomTextWithConsistentOffsets() {
        StageFuzz.Report r = StageFuzz.run(Fuzz.documents(150), 7, true);
        assertTrue(r.results().size() >= 5, "stages fuzzed: " + r.results());
        assertEquals(List.of(), r.results().stream().filter(s -> s.exceptions() + s.offsetErrors() > 0).toList());
    }

    @Test
    void everyRecordIsWrittenOrABadRecordAndTextsComeBackUnchanged() throws IOException {
        List<IoFuzz.Result> results = IoFuzz.run(dir, Fuzz.documents(150), 11);
        results.forEach(System.out::println);
        assertEquals(List.of(), results.stream().filter(r -> !r.ok()).toList());
    }
}
