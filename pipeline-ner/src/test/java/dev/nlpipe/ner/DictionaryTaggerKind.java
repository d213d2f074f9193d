package dev.nlpipe.ner;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelKind;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.Tagger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A model kind that only the tests install (test-scoped META-INF/services): a tagger that marks
 * every occurrence of the words its model.json lists. It shows that a new architecture needs only
 * a kind: the ner stage and the evaluator run it without knowing it.
 */
public final class DictionaryTaggerKind implements ModelKind<Tagger> {

    @Override
    public String name() {
        return "ner.test-dictionary";
    }

    @Override
    public String description() {
        return "marks listed words (tests only)";
    }

    @Override
    public Class<Tagger> type() {
        return Tagger.class;
    }

    @Override
    public int formatVersion() {
        return 1;
    }

    @Override
    public Set<Layer> requires(Path dir, ModelMeta meta) {
        return Set.of();
    }

    @Override
    public Tagger load(Path dir, ModelMeta meta, LoadOptions options) {
        @SuppressWarnings("unchecked")
        Map<String, String> words = (Map<String, String>) (Map<?, ?>) meta.getMap("words");
        return new Tagger() {
            @Override
            public Set<String> types() {
                return new TreeSet<>(words.values());
            }

            @Override
            public Set<Layer> requires() {
                return Set.of();
            }

            @Override
            public List<List<Entity>> tag(List<Document> docs) {
                List<List<Entity>> out = new ArrayList<>();
                for (Document d : docs) {
                    List<Entity> found = new ArrayList<>();
                    words.forEach((w, type) -> {
                        for (int i = d.text().indexOf(w); i >= 0; i = d.text().indexOf(w, i + w.length())) {
                            found.add(Entity.of(d.text(), type, i, i + w.length()));
                        }
                    });
                    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
                    out.add(found);
                }
                return out;
            }

            @Override
            public void close() {
            }
        };
    }
}
