package dev.nlpipe.augment;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.testing.Corpora;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void show() throws Exception {
        for (String f : List.of("bmes", "conll")) {
            var path = NerSafetyTest.resource("small." + f);
            try (Pipeline p = Pipeline.builder().add("augment.eda", Map.of("numAug", 4, "mentionReplacement", 0.3, "mentionsFrom", path.toString(), "mentionsFormat", f)).build()) {
                for (Document d : Corpora.read(path, f)) {
                    for (Document v : p.process(d)) {
                        System.err.println(v.id() + "\t" + v.text() + "\t" + v.meta().get("augment") + "\t" + v.entities().stream().map(e -> e.type()+":"+e.text()).toList());
                    }
                }
            }
        }
    }
}
