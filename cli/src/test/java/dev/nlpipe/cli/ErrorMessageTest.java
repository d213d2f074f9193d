package dev.nlpipe.cli;

import static dev.nlpipe.cli.CliTest.nlpipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.testing.TempFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error messages end with exactly one newline, so that the shell prompt starts on a line of its own. */
class ErrorMessageTest {
    @TempDir
    Path dir;

    private static void assertOneTrailingNewline(String err) {
        assertTrue(err.endsWith("\n"), "ends with a newline: [" + err + "]");
        assertFalse(err.endsWith("\n\n") || err.endsWith("\r\n"), "ends with one newline: [" + err + "]");
    }

    private static String handled(Exception e) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Main.handle(e, new PrintStream(buf, false, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFileErrorNamesTheOutputNotItsTemporaryName() {
        Path temp = dir.resolve(".ner-model.tmp-4242-s18f0a-9a3c");
        String err = handled(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException(temp.toString())));
        assertTrue(err.startsWith("nlpipe: " + dir.resolve("ner-model") + ": permission denied\n"), err);
        assertFalse(err.contains(".tmp-"), err);
    }

    @Test
    void aRunConfigurationErrorEndsWithOneNewline() {
        Path yaml = TempFiles.write(dir.resolve("bad.yaml"), "pipeline: x\nstages:\n  - type: segment.magic\n");
        CliTest.Result r = nlpipe("run", yaml.toString(), "--input", yaml.toString(), "--output", "-");
        assertEquals(ExitCodes.CONFIG, r.code());
        assertOneTrailingNewline(r.err());
    }

    @Test
    void aTrainConfigurationErrorEndsWithOneNewline() {
        Path yaml = TempFiles.write(dir.resolve("t.yaml"), "task: vectorize.tfidf\ndata: { train: " + dir.resolve("none.txt") + " }\n");
        CliTest.Result r = nlpipe("train", yaml.toString(), "--output", dir.resolve("m").toString());
        assertEquals(ExitCodes.CONFIG, r.code());
        assertOneTrailingNewline(r.err());
    }

    @Test
    void anErrorQuotingAValueThatEndsInANewlineEndsWithOne() {
        Path yaml = TempFiles.write(dir.resolve("nl.yaml"), "pipeline: x\ninput: { path: \"" + dir.resolve("missing.txt")
                + "\\n\", format: text }\nstages: []\noutput: { path: " + dir.resolve("out.jsonl") + " }\n");
        CliTest.Result r = nlpipe("run", yaml.toString());
        assertEquals(ExitCodes.CONFIG, r.code());
        assertOneTrailingNewline(r.err());
    }

    @Test
    void aUsageErrorEndsWithOneNewline() {
        CliTest.Result r = nlpipe("run");
        assertEquals(ExitCodes.CONFIG, r.code());
        assertOneTrailingNewline(r.err());
    }

    @Test
    void aGroupCommandWithoutItsSubcommandNamesItselfInTheHint() {
        for (String group : List.of("eval", "embed")) {
            CliTest.Result r = nlpipe(group);
            assertEquals(ExitCodes.CONFIG, r.code());
            assertTrue(r.err().contains("Try 'nlpipe " + group + " --help'"), r.err());
        }
    }

    @Test
    void aConfigExceptionWithoutANewlineIsPrintedWithOne() {
        String err = handled(new ConfigException(new Location("p.yaml", 3, 5), "unknown key 'x'"));
        assertOneTrailingNewline(err);
        assertEquals(1, err.lines().count());
    }

    @Test
    void aConfigExceptionEndingInLineBreaksIsPrintedWithOne() {
        String err = handled(new ConfigException(new Location("p.yaml", 3, 5), "cannot read: broken\r\n\n"));
        assertOneTrailingNewline(err);
        assertEquals(1, err.lines().count());
    }

    @Test
    void aConfigErrorExitsWithCodeTwo() {
        assertEquals(ExitCodes.CONFIG, Main.handle(new ConfigException(Location.NONE, "x\n"), new PrintStream(new ByteArrayOutputStream())));
    }

    @Test
    void aRuntimeErrorEndsWithOneNewline() {
        assertOneTrailingNewline(handled(new IllegalStateException("went wrong\n")));
    }
}
