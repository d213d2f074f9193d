package dev.nlpipe.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline reading a bmes corpus whose tokens carry extra characters ({@code 我0}). */
class ReaderWarningsRunTest {
    @TempDir
    Path dir;

    private Path pipeline(String onError) {
        StringBuilder corpus = new StringBuilder();
        for (int s = 0; s < 4; s++) {
            corpus.append("我0 O\n爱0 O\n北0 B-LOC\n京1 E-LOC\n\n");
        }
        TempFiles.write(dir.resolve("in.bmes"), corpus.toString());
        return TempFiles.write(dir.resolve("p.yaml"), "pipeline: t\n"
                + "input: { path: " + dir.resolve("in.bmes") + ", format: bmes }\n"
                + "stages: []\n"
                + "output: { path: " + dir.resolve("out.jsonl") + ", format: jsonl }\n"
                + "onError: " + onError + "\n");
    }

    private static RunSummary run(Path yaml) throws IOException {
        try (Pipeline p = Pipeline.fromYaml(yaml)) {
            return p.run(p.defaultRunOptions(false), null);
        }
    }

    @Test
    void underSkipEveryDocumentIsStillWritten() throws IOException {
        RunSummary s = run(pipeline("skip"));
        assertEquals(4, s.written());
        assertEquals(4, TempFiles.lines(dir.resolve("out.jsonl")).size());
    }

    @Test
    void underSkipWarningsDoNotFailTheRun() throws IOException {
        RunSummary s = run(pipeline("skip"));
        assertEquals(0, s.failed());
        assertEquals(0, s.exitCode());
        assertFalse(Files.exists(dir.resolve("out.jsonl.errors.jsonl")));
    }

    @Test
    void theSummaryCountsEveryWarnedLineAndListsTheFirst() throws IOException {
        RunSummary s = run(pipeline("skip"));
        assertEquals(16, s.warnings());
        assertEquals(List.of(1L, 2L, 3L, 4L, 6L), s.firstWarnings().stream().map(BadRecord::line).toList());
        assertEquals(16L, ((Number) s.toMap().get("warnings")).longValue());
    }

    @Test
    void theSummaryTextNamesTheFirstWarnedLine() throws IOException {
        RunSummary s = run(pipeline("skip"));
        assertEquals(true, s.format().contains(dir.resolve("in.bmes") + ":1:"), s.format());
    }

    @Test
    void underFailTheRunStopsAtTheFirstWarnedLine() throws IOException {
        Path yaml = pipeline("fail");
        RecordFailedException e = assertThrows(RecordFailedException.class, () -> run(yaml));
        assertEquals(1, e.record().line());
        assertEquals(dir.resolve("in.bmes").toString(), e.record().source());
        assertFalse(Files.exists(dir.resolve("out.jsonl")), "nothing published");
    }
}
