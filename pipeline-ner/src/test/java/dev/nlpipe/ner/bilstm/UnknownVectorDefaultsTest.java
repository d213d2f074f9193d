package dev.nlpipe.ner.bilstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nlpipe.core.config.Options;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped defaults train the unknown vectors; model directories keep the values they were trained with. */
class UnknownVectorDefaultsTest {

    private static BiLstmCrfSpec spec(Map<String, Object> model) {
        return BiLstmCrfSpec.from(Options.of("model", model, BiLstmCrfSpec.options()));
    }

    @Test
    void theDefaultsLeaveNoUnknownVectorUntrained() {
        BiLstmCrfSpec chars = spec(Map.of("bigramDim", 50));
        assertEquals(1, chars.minCount(), "every training unit keeps a vector ...");
        assertEquals(0.5, chars.unkReplace(), "... and those seen once train the unknown ones half the time");
        assertNull(BiLstmCrfTrainer.untrainedUnknowns(chars));
        assertNull(BiLstmCrfTrainer.untrainedUnknowns(spec(Map.of("unit", "token"))));
    }

    @Test
    void unkReplaceZeroNamesTheVectorsNothingWouldTrain() {
        assertEquals("the unknown-character and unknown-bigram vectors are",
                BiLstmCrfTrainer.untrainedUnknowns(spec(Map.of("unkReplace", 0, "bigramDim", 50))));
        assertEquals("the unknown-bigram vector is",
                BiLstmCrfTrainer.untrainedUnknowns(spec(Map.of("unkReplace", 0, "bigramDim", 50, "wordDropout", 0.1))));
        assertEquals("the unknown-character vector is",
                BiLstmCrfTrainer.untrainedUnknowns(spec(Map.of("unkReplace", 0, "bigramDim", 50, "bigramDropout", 0.1))));
        assertEquals("the unknown-word vector is", BiLstmCrfTrainer.untrainedUnknowns(spec(Map.of("unit", "token", "unkReplace", 0))));
        assertNull(BiLstmCrfTrainer.untrainedUnknowns(spec(Map.of("unkReplace", 0, "bigramDim", 50, "minCount", 2))),
                "minCount 2 trains both rows from the units and bigrams seen once");
    }

    @Test
    void aStoredDescriptionKeepsItsValuesAndOldOnesLackingKeysReadAsTrained() {
        Map<String, Object> stored = new LinkedHashMap<>(spec(Map.of("unkReplace", 0.25, "bigramDim", 50)).toMap());
        assertEquals(0.25, BiLstmCrfSpec.fromMap(stored).unkReplace(), "a model keeps the unkReplace it was trained with");
        stored.remove("unkReplace");
        stored.remove("wordDropout");
        stored.remove("bigramDropout");
        BiLstmCrfSpec old = BiLstmCrfSpec.fromMap(stored);
        assertEquals(0.0, old.unkReplace(), "a directory from before unkReplace existed was trained without it, not with the default");
        assertEquals(0.0, old.wordDropout());
        assertEquals(0.0, old.bigramDropout());
    }
}
