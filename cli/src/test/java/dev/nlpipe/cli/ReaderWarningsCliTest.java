package dev.nlpipe.cli;

import static dev.nlpipe.cli.CliTest.nlpipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.testing.TempFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bmes corpus whose characters carry their position in the word ({@code 我0}), read by run and train. */
class ReaderWarningsCliTest {
    @TempDir
    Path dir;

    /** Seven sentences of four lines, every line with a two-character token: 28 warnings. */
    private Path corpus() {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < 7; s++) {
            sb.append("我0\tO\n爱0\tO\n北0\tB-LOC\n京1\tE-LOC\n\n");
        }
        return TempFiles.write(dir.resolve("pos.bmes"), sb.toString());
    }

    private Path pipeline(Path in, String onError) {
        return TempFiles.write(dir.resolve("p.yaml"), "pipeline: w\ninput: { path: " + in + ", format: bmes }\nstages: []\n"
                + "output: { path: " + dir.resolve("out.jsonl") + " }\nonError: " + onError + "\n");
    }

    @Test
    void runReadsTheCorpusAndExitsZero() {
        CliTest.Result r = nlpipe("run", pipeline(corpus(), "skip").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(7, TempFiles.lines(dir.resolve("out.jsonl")).size());
    }

    @Test
    void runNamesTheFirstWarnedLine() {
        Path in = corpus();
        CliTest.Result r = nlpipe("run", pipeline(in, "skip").toString());
        assertTrue(r.err().contains(in + ":1:"), r.err());
    }

    @Test
    void runUnderOnErrorFailStopsAtTheFirstWarnedLine() {
        Path in = corpus();
        CliTest.Result r = nlpipe("run", pipeline(in, "fail").toString());
        assertEquals(ExitCodes.RECORDS_FAILED, r.code(), r.err());
        assertTrue(r.err().contains(in + ":1:"), r.err());
        assertFalse(Files.exists(dir.resolve("out.jsonl")));
    }

    @Test
    void trainCountsTheWarnings() {
        Path cfg = TempFiles.write(dir.resolve("tfidf.yaml"), "task: vectorize.tfidf\ndata: { train: " + corpus() + ", format: bmes }\n");
        CliTest.Result r = nlpipe("train", cfg.toString(), "--output", dir.resolve("m").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("28 ")), "a closing line gives the count: " + r.err());
        assertTrue(r.err().contains(dir.resolve("pos.bmes") + ":1:"), r.err());
    }
}
