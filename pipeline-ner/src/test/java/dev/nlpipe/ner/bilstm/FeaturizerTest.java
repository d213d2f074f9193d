package dev.nlpipe.ner.bilstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.data.UnitSequence;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeaturizerTest {

    private static BiLstmCrfSpec spec(int minCount) {
        return new BiLstmCrfSpec("char", TagScheme.BIOES, 8, 8, 100, 50, 3, 0, 0, 16, 1, 0.5, minCount, true, true, null, "auto", false,
                "training", null, 0.5, 0, 0);
    }

    private static boolean rare(Featurizer f, boolean[] rare, String key, boolean bigram) {
        return rare[(bigram ? f.bigrams : f.units).id(key)];
    }

    @Test
    void marksUnitsAndBigramsSeenOnceSoTheirUnknownRowsCanBeTrained() {
        List<UnitSequence> train = UnitSequence.of(new Document("d", "甲乙甲乙丙"), false, false, "ner");
        Featurizer f = Featurizer.build(spec(1), train, Set.of("X"));
        assertEquals(List.of(false, false, true), List.of(rare(f, f.rareUnits, "甲", false), rare(f, f.rareUnits, "乙", false),
                rare(f, f.rareUnits, "丙", false)));
        // 甲乙 twice; 乙甲, 乙丙 and 丙</s> once
        assertEquals(List.of(false, true, true, true), List.of(rare(f, f.rareBigrams, "甲乙", true), rare(f, f.rareBigrams, "乙甲", true),
                rare(f, f.rareBigrams, "乙丙", true), rare(f, f.rareBigrams, "丙</s>", true)));
        assertEquals(f.bigrams.size(), f.rareBigrams.length);
        float[] chances = Batch.unknownChances(f.rareBigrams, 0.5, 0.1);
        assertEquals(0.5f, chances[f.bigrams.id("乙丙")]);
        assertEquals(0.1f, chances[f.bigrams.id("甲乙")]);
    }

    @Test
    void withMinCountTwoTheOnceSeenAreUnknownAndNothingIsLeftRare() {
        List<UnitSequence> train = UnitSequence.of(new Document("d", "甲乙甲乙丙"), false, false, "ner");
        Featurizer f = Featurizer.build(spec(2), train, Set.of("X"));
        assertEquals(dev.nlpipe.ner.data.Vocabulary.UNK, f.units.id("丙"));
        assertEquals(dev.nlpipe.ner.data.Vocabulary.UNK, f.bigrams.id("乙丙"));
        assertArrayEquals(new boolean[f.units.size()], f.rareUnits);
        assertArrayEquals(new boolean[f.bigrams.size()], f.rareBigrams);
    }
}
