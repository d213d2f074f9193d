package dev.nlpipe.ner.bilstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.ner.data.SequenceWindows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A text with no sentences layer, longer than a recurrent tagger reads in one piece, is tagged in windows. */
class LongTextWindowsTest {
    @TempDir
    Path dir;

    @Test
    void aLongTextWithoutSentencesIsTaggedInWindowsAndItsEntitiesPointIntoIt() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("train.bmes"), 120, 1);
        Path model = dir.resolve("ner");
        Training.run(dir, "task: ner.bilstm-crf\n"
                + "data: { train: " + train + ", format: bmes }\n"
                + "model: { charDim: 16, hidden: 16 }\n"
                + "train: { epochs: 6, lr: 0.01, device: cpu, threads: 1 }\n", model);
        String sentence = "张伟在北京的华为工作。";
        String text = sentence.repeat(3 * SequenceWindows.RECURRENT_LIMIT / sentence.length());
        try (Pipeline p = Pipeline.builder().add("ner", Map.of(), model).build()) {
            List<Entity> alone = p.process(new Document("s", sentence)).get(0).entities();
            assertTrue(alone.size() >= 2, "the model finds the sentence's entities: " + alone);
            List<Entity> found = p.process(new Document("t", text)).get(0).entities();
            for (Entity e : found) {
                assertEquals(text.substring(e.start(), e.end()), e.text(), "offsets into the whole text");
            }
            // windows end after a sentence's 。, so each repetition is tagged as a run of whole sentences
            assertTrue(found.stream().anyMatch(e -> e.start() > 2 * SequenceWindows.RECURRENT_LIMIT), "the last window is mapped back");
            assertTrue(found.size() >= alone.size() * (text.length() / sentence.length()) * 9 / 10, found.size() + " entities");
        }
    }
}
