package dev.nlpipe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Java's terse I/O messages ("null", "Input length = 1") are turned into words. */
class IoErrorsTest {

    @Test
    void anEndOfFileWithoutMessageSaysTheFileIsCutShort() {
        String s = IoErrors.describe(new EOFException());
        assertFalse(s.contains("null"), s);
        assertTrue(s.contains("truncated"), s);
    }

    @Test
    void invalidUtf8SaysSoInsteadOfInputLength() {
        String s = IoErrors.describe(new MalformedInputException(1));
        assertTrue(s.contains("UTF-8") && !s.contains("Input length"), s);
    }

    @Test
    void aFileErrorNamesTheFileATemporaryNameStandsFor() {
        Path temp = Path.of("models", ".ner.tmp-4242-s18f0a-9a3c");
        assertEquals(Path.of("models", "ner"), TempNames.target(temp));
        assertEquals(Path.of("models", "ner") + ": permission denied", IoErrors.explain(new AccessDeniedException(temp.toString())));
        assertEquals(Path.of("out.jsonl"), TempNames.target(Path.of("out.jsonl")), "a name of its own stays");
    }

    @Test
    void aFullDiskSaysSo() {
        String s = IoErrors.explain(new IOException("No space left on device"));
        assertTrue(s.contains("No space left on device") && s.contains("the disk is full"), s);
        // wrapped with more context and explained again (nlpipe train's resume hint, then the CLI): the hint once
        String again = IoErrors.explain(new IOException(s + "\nthe last finished epoch is checkpointed in m.checkpoint"));
        assertEquals(again.indexOf("the disk is full"), again.lastIndexOf("the disk is full"), again);
    }
}
