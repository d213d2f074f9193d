package dev.nlpipe.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import org.junit.jupiter.api.Test;

/** A stage missing a layer is told the stages that make it, not those that only edit it. */
class MissingLayerAdviceTest {
    @Test
    void theAdviceNamesTokenizersNotStagesThatNeedTokensThemselves() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Pipeline.builder().inputLayers().add("stopwords.remove").build());
        String m = e.getMessage();
        String named = m.substring(m.indexOf("provides it ("));
        assertTrue(named.contains("segment") && named.contains("tokenize.regex"), m);
        // stopwords.remove (as the augment stages) reads tokens: put first it fails the same way
        assertFalse(named.contains("stopwords.remove"), m);
    }
}
