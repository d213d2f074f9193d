package dev.nlpipe.bert.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.nn.bert.TinyEncoder;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.Tagger;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token units on a made-up English CoNLL corpus whose vocabulary splits some names into sub-words. */
class EnglishTokenTaggerTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void trainOnce() throws IOException {
        Path encoder = TinyEncoder.write(dir.resolve("encoder"), NerTexts.englishWords(), NerTexts.EN_SUBWORDS, 2);
        Path train = NerTexts.english(dir.resolve("train.conll"), 120, 1);
        Path dev = NerTexts.english(dir.resolve("dev.conll"), 30, 2);
        Path test = NerTexts.english(dir.resolve("test.conll"), 40, 3);
        model = dir.resolve("ner-en");
        BertTaggerTrainingTest.train(dir, "task: ner.bert\n"
                + "data: { train: " + train + ", dev: " + dev + ", test: " + test + ", format: conll }\n"
                + "model: { encoder: " + encoder + ", unit: token, scheme: bio, maxLength: 32 }\n"
                + "train: { epochs: 10, batchSize: 8, lr: 0.005, headLr: 0.01, device: cpu, threads: 1, seed: 5, patience: 0 }\n", model);
    }

    /** A document with whitespace tokens. */
    private static Document tokenized(String text) {
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        for (String w : text.split(" ")) {
            tokens.add(new Token(w, at, at + w.length()));
            at += w.length() + 1;
        }
        return new Document("d", text).setTokens(tokens);
    }

    @Test
    void theTestEntitiesAreFound() throws IOException {
        Map<?, ?> metrics = DocumentJson.mapper().readValue(model.resolve("metrics.json").toFile(), Map.class);
        double f1 = ((Number) ((Map<?, ?>) metrics.get("test")).get("f1")).doubleValue();
        assertTrue(f1 > 0.9, "test F1 " + f1);
    }

    @Test
    void namesReadThroughTheirFirstSubWordAreTaggedAsWholeWords() {
        String text = "Johnson works for Reuters in Berlin .";
        try (Tagger t = ModelKinds.get().load(model, Tagger.class, new LoadOptions("cpu", 8, 1))) {
            List<Entity> found = t.tag(List.of(tokenized(text))).get(0);
            assertEquals(List.of("PER:Johnson", "ORG:Reuters", "LOC:Berlin"), found.stream().map(e -> e.type() + ":" + e.text()).toList());
            assertEquals(List.of(0, 18, 29), found.stream().map(Entity::start).toList());
        }
    }

    @Test
    void aTokenModelRequiresTokens() {
        assertEquals(Set.of(Layer.TOKENS), ModelKinds.get().requires(model, Tagger.class));
    }
}
