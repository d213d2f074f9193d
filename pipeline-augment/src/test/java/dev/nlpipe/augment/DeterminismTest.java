package dev.nlpipe.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.run.OnError;
import dev.nlpipe.core.run.RunOptions;
import dev.nlpipe.core.testing.TempFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed and input give byte-identical output whatever the thread count and batch size. */
class DeterminismTest {
    @TempDir
    Path tmp;

    @Test
    void outputDoesNotDependOnThreadsOrBatches() throws Exception {
        String[] words = {"the", "quick", "film", "was", "good", "and", "long", "fast", "movie", "great", "story", "acting", "plot"};
        Random r = new Random(1);
        StringBuilder corpus = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            int n = 3 + r.nextInt(10);
            for (int k = 0; k < n; k++) {
                corpus.append(k == 0 ? "" : " ").append(words[r.nextInt(words.length)]);
            }
            corpus.append(i % 3 == 0 ? " 我很喜欢这部电影" : "").append('\n');
        }
        Path input = TempFiles.write(tmp.resolve("in.txt"), corpus.toString());
        Path syn = TempFiles.write(tmp.resolve("syn.txt"), "quick fast rapid\nfilm movie picture\ngood great fine\n");
        Path yaml = TempFiles.write(tmp.resolve("p.yaml"), """
                input: {path: in.txt, format: text, language: en}
                stages:
                  - type: tokenize.regex
                  - type: augment.eda
                    with: {numAug: 4, synonyms: [zh], synonymFiles: [syn.txt], seed: 7}
                  - type: augment.noise
                    with: {numAug: 2, typo: 0.3, homophone: 0.3, swap: 0.1, space: 0.1}
                  - type: augment.contractions
                    with: {direction: contract}
                output: {path: out.jsonl, format: jsonl}
                """.replace("in.txt", input.toString()).replace("syn.txt", syn.toString()).replace("out.jsonl", "OUT"));
        String one = run(yaml, 1, 7);
        String many = run(yaml, 3, 32);
        assertEquals(one, many);
        assertTrue(one.lines().count() > 300 * 5, "variants were written: " + one.lines().count());
    }

    private String run(Path yaml, int threads, int batch) throws Exception {
        Path out = tmp.resolve("out-" + threads + ".jsonl");
        Files.writeString(yaml, Files.readString(yaml).replaceAll("path: [^,}]*out[^,}]*\\.jsonl|path: OUT", "path: " + out));
        try (Pipeline p = Pipeline.fromYaml(yaml)) {
            p.run(new RunOptions(threads, batch, OnError.FAIL, false), null);
        }
        return Files.readString(out);
    }

    @Test
    void theSeedIsDerivedFromStageAndDocumentOnly() {
        assertEquals(DocRandom.of(1, "augment.eda", "d1").nextLong(), DocRandom.of(1, "augment.eda", "d1").nextLong());
        List<Long> differ = List.of(DocRandom.of(1, "augment.eda", "d1").nextLong(), DocRandom.of(2, "augment.eda", "d1").nextLong(),
                DocRandom.of(1, "augment.noise", "d1").nextLong(), DocRandom.of(1, "augment.eda", "d2").nextLong());
        assertEquals(4, differ.stream().distinct().count());
    }
}
