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
}
