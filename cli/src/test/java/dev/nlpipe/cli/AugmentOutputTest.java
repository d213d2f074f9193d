package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.config.InputConfig;
import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tag scheme `nlpipe augment` writes a column file back in is read from the file's own tags. */
class AugmentOutputTest {
    @TempDir
    Path dir;

    private String scheme(String name, String content) throws IOException {
        Path f = TempFiles.write(dir.resolve(name), content);
        return (String) AugmentOutput.implied("conll", InputConfig.of(f)).get("scheme");
    }

    @Test
    void iob1IsToldFromBioByAnInsideTagThatStartsAChunk() throws IOException {
        // CoNLL-2003's train file: IOB1, with B- only where two chunks of one type meet (Golan I-LOC, then Israel B-LOC)
        assertEquals("iob1", scheme("iob1.conll", "EU I-ORG\nrejects O\n\nGolan I-LOC\nHeights I-LOC\nIsrael B-LOC\n"));
        assertEquals("bio", scheme("bio.conll", "EU B-ORG\nrejects O\n\nGolan B-LOC\nHeights I-LOC\nIsrael B-LOC\n"));
        assertEquals("bioes", scheme("bioes.conll", "EU S-ORG\nGolan B-LOC\nHeights E-LOC\n"));
    }
}
