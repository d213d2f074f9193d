package dev.nlpipe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input listing: what is an input, and what is not even entered. */
class InputFilesTest {
    @TempDir
    Path dir;

    private List<String> relative(String glob, boolean recursive) throws IOException {
        return InputFiles.list(dir, glob, recursive).stream().map(InputSource::relative).toList();
    }

    @Test
    void visibleRegularFilesAreListedSortedAndHiddenOnesAreNot() throws IOException {
        TempFiles.write(dir.resolve("b.txt"), "b");
        TempFiles.write(dir.resolve("a/c.txt"), "c");
        TempFiles.write(dir.resolve(".churn/.c159/x.txt"), "x");
        TempFiles.write(dir.resolve(".hidden.txt"), "h");
        assertEquals(List.of("a/c.txt", "b.txt"), relative(null, true));
        assertEquals(List.of("b.txt"), relative(null, false));
    }

    @Test
    void aSymbolicLinkToAFileIsAnInput() throws IOException {
        Path target = TempFiles.write(dir.resolve("real.txt"), "r");
        Files.createSymbolicLink(dir.resolve("link.txt"), target);
        assertEquals(List.of("link.txt", "real.txt"), relative("*.txt", true));
    }

    @Test
    void aLinkedDirectoryIsEnteredAndALoopEndsTheWalk(@TempDir Path elsewhere) throws IOException {
        TempFiles.write(elsewhere.resolve("data/x.txt"), "x");
        Files.createSymbolicLink(dir.resolve("2024"), elsewhere.resolve("data"));
        Files.createSymbolicLink(elsewhere.resolve("data/up"), elsewhere.resolve("data"));
        assertEquals(List.of("2024/x.txt"), relative(null, true));
        Path linkedRoot = Files.createSymbolicLink(elsewhere.resolve("inbox"), dir);
        assertEquals(List.of("2024/x.txt"), InputFiles.list(linkedRoot, null, true).stream().map(InputSource::relative).toList(),
                "an input directory that is a link is read");
    }

    @Test
    void doubleStarMatchesNoDirectoryToo() throws IOException {
        TempFiles.write(dir.resolve("2024/a.jsonl"), "a");
        TempFiles.write(dir.resolve("2024/03/b.jsonl"), "b");
        TempFiles.write(dir.resolve("2025/c.jsonl"), "c");
        assertEquals(List.of("2024/03/b.jsonl", "2024/a.jsonl"), relative("2024/**/*.jsonl", true));
    }
}
