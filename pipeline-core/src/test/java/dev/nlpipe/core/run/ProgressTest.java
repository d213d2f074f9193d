package dev.nlpipe.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {
    @TempDir
    Path dir;

    @Test
    void aDescriptorIsATerminalWhenItNamesATerminalDevice() throws Exception {
        Path pts = Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3"));
        Path tty = Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1"));
        Path log = Files.createSymbolicLink(dir.resolve("log"), dir.resolve("err.log"));
        Path pipe = Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[12345]"));
        assertEquals(Boolean.TRUE, Progress.terminalDevice(pts));
        assertEquals(Boolean.TRUE, Progress.terminalDevice(tty));
        assertEquals(Boolean.FALSE, Progress.terminalDevice(log));
        assertEquals(Boolean.FALSE, Progress.terminalDevice(pipe));
    }

    @Test
    void aDescriptorThatCannotBeReadLeavesTheQuestionOpen() throws Exception {
        assertNull(Progress.terminalDevice(dir.resolve("absent")));
        assertNull(Progress.terminalDevice(Files.createFile(dir.resolve("plain"))));
    }

    @Test
    void theLaunchersWordDecidesWhetherTheLineUpdatesInPlace() throws InterruptedException {
        String before = System.getProperty(Progress.STDERR_TERMINAL_PROPERTY);
        try {
            System.setProperty(Progress.STDERR_TERMINAL_PROPERTY, "false");
            assertFalse(Progress.isTerminal());
            System.setProperty(Progress.STDERR_TERMINAL_PROPERTY, "true");
            assertTrue(Progress.isTerminal());
            var buf = new ByteArrayOutputStream();
            var progress = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), "docs", 0, () -> 0);
            Thread.sleep(300); // past the terminal's update interval
            progress.update(42, null);
            progress.finish();
            String shown = buf.toString(StandardCharsets.UTF_8);
            assertTrue(shown.startsWith("\r42 docs") && shown.endsWith("\r\u001b[K"), shown);
        } finally {
            if (before == null) {
                System.clearProperty(Progress.STDERR_TERMINAL_PROPERTY);
            } else {
                System.setProperty(Progress.STDERR_TERMINAL_PROPERTY, before);
            }
        }
    }
}
