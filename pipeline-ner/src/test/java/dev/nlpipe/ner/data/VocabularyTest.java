package dev.nlpipe.ner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which rows train the unknown vector once pretrained vectors gave rows to characters below minCount. */
class VocabularyTest {

    @Test
    void rowsAppendedForStringsBelowMinCountStayRareAndThoseOnlyTheFileHasDoNot() {
        Map<String, Integer> counts = Map.of("a", 3, "b", 1, "c", 1);
        Vocabulary counted = Vocabulary.fromCounts(counts, 2);
        assertEquals(Set.of("b", "c"), counted.belowMinCount());
        boolean[] rare = counted.rare(counts);
        // embeddingsVocabulary: all appends b (in training, below minCount) and z (only in the vectors file)
        Vocabulary grown = counted.withAppended(List.of("b", "z"));
        boolean[] after = Vocabulary.rareAfterGrowing(counted, grown, rare);
        assertEquals(grown.size(), after.length);
        assertTrue(after[grown.id("b")], "b read as unknown before it had a row: it goes on training the unknown vector");
        assertFalse(after[grown.id("z")], "no training sentence reads z");
        assertFalse(after[grown.id("a")]);
    }
}
