package dev.nlpipe.classify.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.DenseVector;
import dev.nlpipe.core.doc.Document;
import org.junit.jupiter.api.Test;

/** A classifier trained on a vector the stages add ({@code features: vector}) reads only vectors of the size it was trained on. */
class VectorFeaturesTest {
    @Test
    void aVectorOfAnotherSizeUnderTheSameNameIsRefusedRatherThanScored() {
        Features.FromLayer features = new Features.FromLayer("bert", 4);
        Document fits = new Document("a", "text").putVector("bert", new DenseVector(new float[] {1, 0, 2, 0}));
        assertArrayEquals(new int[] {0, 1, 2, 3}, features.apply(fits).indices());
        // an embed.bert stage with an encoder of another width, under the default name
        Document other = new Document("b", "text").putVector("bert", new DenseVector(new float[] {1, 2, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> features.apply(other));
        assertTrue(e.getMessage().contains("the vector 'bert' has 3 values, but the classifier was trained on vectors of 4"),
                e.getMessage());
    }

    @Test
    void aVectorNameTheDocumentLacksNamesTheVectorsItHas() {
        // embed.doc names its vector w2v unless told otherwise: 'vector: doc' is the mistake, not a missing stage
        Document d = new Document("a", "text").putVector("w2v", new DenseVector(new float[] {1, 0}));
        dev.nlpipe.core.doc.MissingLayerException e = assertThrows(dev.nlpipe.core.doc.MissingLayerException.class,
                () -> new Features.FromLayer("doc", 0).apply(d));
        assertTrue(e.getMessage().contains("needs the vector 'doc'") && e.getMessage().contains("it has w2v"), e.getMessage());
        Document none = new Document("b", "text");
        assertTrue(assertThrows(dev.nlpipe.core.doc.MissingLayerException.class, () -> new Features.FromLayer("doc", 0).apply(none))
                .getMessage().contains("add a stage that provides it"));
    }
}
