package dev.nlpipe.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelSetTest {

    @Test
    void numericLabelsSortByValueAndEqualValuesStayDistinct() {
        // scikit-learn keeps "1" and "1.0" as two classes; merging them failed training with a label "not in data.train"
        assertEquals(List.of("1", "1.0", "2", "10"), LabelSet.of(List.of("10", "2", "1.0", "1"), null).labels());
        assertEquals(List.of("neg", "pos"), LabelSet.of(List.of("pos", "neg"), null).labels());
    }

    @Test
    void javaNumberSpellingsThatPythonReadsAsTextSortAsText() {
        // Double.parseDouble takes 7d, 1f, NaN and Infinity; pandas and Python read them as text, sorted by code point
        assertEquals(List.of("30d", "7d"), LabelSet.of(List.of("7d", "30d"), null).labels());
        assertEquals(List.of("Infinity", "NaN"), LabelSet.of(List.of("NaN", "Infinity"), null).labels());
        assertEquals(List.of("-2", ".5", "3e1"), LabelSet.of(List.of("3e1", ".5", "-2"), null).labels());
    }
}
