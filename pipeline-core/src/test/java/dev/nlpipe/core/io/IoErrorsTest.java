package dev.nlpipe.core.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.nio.charset.MalformedInputException;
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
}
