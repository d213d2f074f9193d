package dev.nlpipe.bert.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Options;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The R-Drop option of {@code classify.bert}, read before any encoder is loaded. */
class BertClassifierSpecTest {
    @TempDir
    Path encoder;

    private BertClassifierSpec spec(Object alpha) {
        return BertClassifierSpec.from(Options.of("model", Map.of("encoder", encoder.toString(), "rdrop", Map.of("alpha", alpha)),
                BertClassifierSpec.options()));
    }

    @Test
    void rdropTakesAFiniteWeightOnly() {
        assertEquals(4.0, spec(4.0).rdropAlpha());
        // NaN passed the "below 0" check and made every loss NaN, which the loop reported as a diverged run
        for (Object bad : List.of(Double.NaN, Double.POSITIVE_INFINITY, -1.0, "high")) {
            ConfigException e = assertThrows(ConfigException.class, () -> spec(bad), String.valueOf(bad));
            assertTrue(e.getMessage().contains("rdrop") && e.getMessage().contains("{alpha: NUMBER}"), e.getMessage());
        }
    }
}
