package dev.nlpipe.spark;

import dev.nlpipe.core.testing.TrainingRuns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The module's small test corpus (two text files, Chinese and English) and a TF-IDF model trained on it. */
final class TestCorpus {
    private TestCorpus() {
    }

    /** Copies the corpus files to {@code dir/corpus} and returns that directory. */
    static Path copy(Path dir) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        for (String name : List.of("a.txt", "b.txt")) {
            try (InputStream in = TestCorpus.class.getResourceAsStream("/corpus/" + name)) {
                Files.copy(in, corpus.resolve(name));
            }
        }
        return corpus;
    }

    /** A TF-IDF model over the segmented corpus (terms in at least two documents), trained into {@code dir/tfidf}. */
    static Path tfidf(Path dir, Path corpus) throws IOException {
        return TrainingRuns.train(dir, """
                task: vectorize.tfidf
                data: { train: %s, format: text }
                stages: [ { type: segment } ]
                model: { minDf: 2 }
                """.formatted(corpus), "tfidf");
    }
}
