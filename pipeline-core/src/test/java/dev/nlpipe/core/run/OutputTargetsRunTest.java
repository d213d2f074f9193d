package dev.nlpipe.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs whose outputs would overwrite an input or each other are refused before anything is read or written. */
class OutputTargetsRunTest {
    @TempDir
    Path dir;

    private ConfigException refused(String input, String output) {
        Path yaml = TempFiles.write(dir.resolve("p.yaml"), """
                pipeline: p
                input: { path: %s, format: text }
                stages: [ { type: tokenize.regex } ]
                output: { path: %s, format: jsonl }
                """.formatted(input, output));
        return assertThrows(ConfigException.class, () -> {
            try (Pipeline p = Pipeline.fromYaml(yaml)) {
                p.run(new RunOptions(1, 4, OnError.SKIP, false), null);
            }
        });
    }

    @Test
    void anOutputWhoseErrorsFileNameCannotExistIsRefusedBeforeItIsPublished() {
        // 80 Chinese characters and .jsonl fit in 255 bytes; with .errors.jsonl added they do not
        TempFiles.write(dir.resolve("in.txt"), "one\n");
        Path out = dir.resolve("中".repeat(80) + ".jsonl");
        ConfigException e = refused(dir.resolve("in.txt").toString(), out.toString());
        assertTrue(e.getMessage().contains("errors file name") && e.getMessage().contains("output.errors"), e.getMessage());
        assertFalse(Files.exists(out), "nothing is published");
        ConfigException longer = refused(dir.resolve("in.txt").toString(), dir.resolve("中".repeat(90) + ".jsonl").toString());
        assertTrue(longer.getMessage().contains("name"), longer.getMessage());
    }

    @Test
    void anOutputUnderARegularFileIsRefusedBeforeTheRunNamingTheFile() {
        TempFiles.write(dir.resolve("in.txt"), "one\n");
        ConfigException e = refused(dir.resolve("in.txt").toString(), dir.resolve("in.txt/sub/x.jsonl").toString());
        assertTrue(e.getMessage().contains("its parent " + dir.resolve("in.txt") + " is a file, not a directory"), e.getMessage());
    }

    @Test
    void anOutputStartingWithAnUnexpandedTildeIsRefused() {
        // --output=~/res/x.jsonl: the shell leaves ~ there, and a directory named ~ appeared in the working directory
        TempFiles.write(dir.resolve("in.txt"), "one\n");
        ConfigException e = refused(dir.resolve("in.txt").toString(), "~/res/x.jsonl");
        assertTrue(e.getMessage().contains("starts with ~, which was not expanded"), e.getMessage());
        assertFalse(Files.exists(Path.of("~")), "no directory named ~");
        assertTrue(dev.nlpipe.core.model.ModelDirWriter.whyNotReplaceable(Path.of("~/models/ner")).contains("starts with ~"));
        assertEquals(null, dev.nlpipe.core.io.OutputTargets.unexpandedHome(Path.of("models/~draft")));
    }

    @Test
    void anErrorsFileThatIsTheOutputIsRefused() {
        TempFiles.write(dir.resolve("in.txt"), "one\n");
        Path out = dir.resolve("same.jsonl");
        Path yaml = TempFiles.write(dir.resolve("e.yaml"), """
                pipeline: p
                input: { path: %s, format: text }
                stages: [ { type: tokenize.regex } ]
                output: { path: %s, format: jsonl, errors: %s }
                """.formatted(dir.resolve("in.txt"), out, out));
        ConfigException e = assertThrows(ConfigException.class, () -> {
            try (Pipeline p = Pipeline.fromYaml(yaml)) {
                p.run(new RunOptions(1, 4, OnError.SKIP, false), null);
            }
        });
        assertTrue(e.getMessage().contains("is the output"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void twoInputsMappingToOneOutputFileAreRefusedNamingBoth() {
        TempFiles.write(dir.resolve("coll/a.txt"), "one\n");
        TempFiles.write(dir.resolve("coll/a.log"), "two\n");
        ConfigException e = refused(dir.resolve("coll") + "/", dir.resolve("coll_out") + "/");
        assertTrue(e.getMessage().contains("coll/a.log") && e.getMessage().contains("coll/a.txt")
                && e.getMessage().contains("a.jsonl"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("coll_out")), "nothing is written");
    }

    @Test
    void oneInputsFileBeingAnothersDirectoryIsRefusedBeforeAnythingIsPublished() {
        TempFiles.write(dir.resolve("nest/a.txt"), "one\n");
        TempFiles.write(dir.resolve("nest/a.jsonl/b.txt"), "two\n");
        ConfigException e = refused(dir.resolve("nest") + "/", dir.resolve("nest_out") + "/");
        assertTrue(e.getMessage().contains("nest/a.txt") && e.getMessage().contains("b.txt"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("nest_out")), "nothing is written");
    }

    @Test
    void anOutputFileThatIsADirectoryAlreadyIsRefused() throws IOException {
        TempFiles.write(dir.resolve("in/a.txt"), "one\n");
        Files.createDirectories(dir.resolve("out/a.jsonl"));
        ConfigException e = refused(dir.resolve("in") + "/", dir.resolve("out") + "/");
        assertTrue(e.getMessage().contains("is a directory already"), e.getMessage());
    }

    @Test
    void anOutputEqualToTheInputIsRefusedAndTheInputKept() throws IOException {
        Path data = TempFiles.write(dir.resolve("same/data.txt"), "keep me\n");
        ConfigException e = refused(data.toString(), dir.resolve("same/./data.txt").toString());
        assertTrue(e.getMessage().contains("is the input file"), e.getMessage());
        assertEquals("keep me\n", Files.readString(data));
    }

    @Test
    void anOutputReachingTheInputThroughALinkIsRefused() throws IOException {
        Path data = TempFiles.write(dir.resolve("same/data.txt"), "keep me\n");
        Path link = Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("same"));
        refused(data.toString(), link.resolve("data.txt").toString());
        assertEquals("keep me\n", Files.readString(data));
    }

    @Test
    void aMirroredOutputLandingOnAnInputIsRefused() throws IOException {
        Path data = TempFiles.write(dir.resolve("corpus/a.jsonl"), "keep me\n");
        refused(dir.resolve("corpus") + "/", dir.resolve("corpus") + "/");
        assertEquals("keep me\n", Files.readString(data));
    }

    @Test
    void anErrorsFileEqualToTheInputIsRefusedAndTheInputKept() throws IOException {
        Path data = TempFiles.write(dir.resolve("d/x.errors.jsonl"), "keep me\n");
        ConfigException e = refused(data.toString(), dir.resolve("d/x").toString());
        assertTrue(e.getMessage().contains("errors file"), e.getMessage());
        assertEquals("keep me\n", Files.readString(data));
    }
}
