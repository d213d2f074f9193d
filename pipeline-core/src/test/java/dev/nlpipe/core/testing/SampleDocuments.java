package dev.nlpipe.core.testing;

import dev.nlpipe.core.doc.DenseVector;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Span;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.doc.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Documents for tests. */
public final class SampleDocuments {
    private SampleDocuments() {
    }

    /** A document with every layer, Chinese and an emoji (a surrogate pair). */
    public static Document full() {
        String text = "姚明在NBA打篮球 🏀";
        Document d = new Document("doc-1", text).setLang("zh");
        d.setTokens(List.of(new Token("姚明", 0, 2, "nr", false), new Token("在", 2, 3, null, true), new Token("NBA", 3, 6),
                new Token("🏀", 10, 12)));
        d.setSentences(List.of(new Span(0, 12)));
        d.setEntities(List.of(new Entity("PER", 0, 2, "姚明", 0.98), Entity.of(text, "ORG", 3, 6)));
        Map<String, Double> labels = new LinkedHashMap<>();
        labels.put("sports", 0.93);
        labels.put("news", 0.07);
        d.setLabels(labels);
        d.putVector("tfidf", new SparseVector(new int[] {3, 17}, new double[] {0.41, 0.9123456789012345}));
        d.putVector("w2v", new DenseVector(new float[] {0.1f, -0.2f, 1e-7f}));
        d.meta().put("source", "corpus/a.txt");
        d.meta().put("line", 12);
        d.meta().put("tags", List.of("x", "y"));
        return d;
    }

}
