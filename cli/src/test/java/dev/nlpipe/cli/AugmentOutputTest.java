package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.InputConfig;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.PlainNodes;
import dev.nlpipe.core.testing.TempFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
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

    @Test
    void anInsideTagAtASentenceStartIsABioSentenceCutMidEntity() throws IOException {
        // MSRA's BIO test file cuts sentences every 100 characters, so a few start with I-: still BIO, originals kept as read
        assertEquals("bio", scheme("msra.txt", "克 I-PER\n说 O\n费 B-PER\n孝 I-PER\n\n在 O\n北 B-LOC\n京 I-LOC\n"));
        // an I- after O inside a sentence fits IOB1 only, whatever the B-s
        assertEquals("iob1", scheme("inside.conll", "EU B-ORG\nrejects O\nGerman I-MISC\n\nPeter B-PER\n"));
        // after another type too
        assertEquals("iob1", scheme("other.conll", "EU B-ORG\nGerman I-MISC\n\nPeter B-PER\n"));
    }

    @Test
    void aCharacterPerLineCorpusIsToldFromItsFileNotFromTheTokensAStageSees() throws IOException {
        Path msra = TempFiles.write(dir.resolve("msra.txt"), "费 B-PER\n孝 I-PER\n通 I-PER\n说 O\n\n2 O\n");
        Path c03 = TempFiles.write(dir.resolve("c03.txt"), "EU B-ORG\nrejects O\n\n的 O\n");
        assertTrue(AugmentOutput.characterPerLine(input(msra, "conll"), "conll"), "MSRA's BIO: one character per line");
        assertFalse(AugmentOutput.characterPerLine(input(c03, "conll"), "conll"), "words per line");
        assertTrue(AugmentOutput.characterPerLine(input(c03, "conll"), "bmes"), "the BMES writer puts one character on a line");
        assertTrue(AugmentOutput.characterPerLine(input(c03, "bmes"), "jsonl"));
        assertFalse(AugmentOutput.characterPerLine(input(msra, "jsonl"), "jsonl"));
    }

    private static InputConfig input(Path path, String format) {
        return InputConfig.parse(PlainNodes.toNode(Map.of("path", path.toString(), "format", format), new Location("test", 1, 1)));
    }
}
