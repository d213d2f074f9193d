package dev.nlpipe.cli;

import static dev.nlpipe.cli.CliTest.nlpipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.ReadSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code nlpipe segment} and {@code nlpipe list NAME}: use without a pipeline file. */
class OneLinerCommandsTest {

    @Test
    void segmentPrintsTheWordsOfEachTextSeparatedBySpaces() {
        CliTest.Result r = nlpipe("segment", "姚明在NBA打篮球", "我爱北京天安门");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("姚明 在 NBA 打篮球", "我 爱 北京 天安门"), r.out().lines().toList());
    }

    @Test
    void segmentReadsStandardInputLineByLine() {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream("我爱北京天安门\n\nHello, world\n".getBytes(StandardCharsets.UTF_8)));
            CliTest.Result r = nlpipe("segment");
            assertEquals(0, r.code(), r.err());
            assertEquals(List.of("我 爱 北京 天安门", "", "Hello , world"), r.out().lines().toList(), "one output line per input line");
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void aStandardInputLineTooLongOrNotUtf8IsSkippedWithAWarningAndAnEmptyAnswer() {
        InputStream old = System.in;
        try {
            byte[] tooLong = "a".repeat(ReadSettings.DEFAULT_MAX_LINE_BYTES + 1).getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            in.writeBytes("我爱北京\n".getBytes(StandardCharsets.UTF_8));
            in.writeBytes(new byte[] {'b', 'a', 'd', (byte) 0xC3, '\n'});
            in.writeBytes(tooLong);
            in.writeBytes("\nHello, world\n".getBytes(StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(in.toByteArray()));
            CliTest.Result r = nlpipe("segment");
            assertEquals(1, r.code(), "records were skipped: " + r.err());
            assertEquals(List.of("我 爱 北京", "", "", "Hello , world"), r.out().lines().toList(), "output line N still answers input line N");
            assertTrue(r.err().contains("standard input:2: invalid UTF-8") && r.err().contains("iconv"), r.err());
            assertTrue(r.err().contains("standard input:3:") && r.err().contains("input.maxLineLength"), r.err());
            assertTrue(r.err().lines().filter(l -> l.contains("input:2:")).noneMatch(l -> l.contains("maxLineLength")),
                    "the long-line hint only for the long line: " + r.err());
            assertTrue(r.err().contains("2 input lines were skipped"), r.err());
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void aDashReadsStandardInputAndATextNamingAFileIsSaidToBeText(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream("我爱北京\n".getBytes(StandardCharsets.UTF_8)));
            CliTest.Result r = nlpipe("segment", "-");
            assertEquals(0, r.code(), r.err());
            assertEquals("我 爱 北京", r.out().strip());
        } finally {
            System.setIn(old);
        }
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("in.txt"), "我爱北京\n");
        CliTest.Result r = nlpipe("segment", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("is taken as text") && r.err().contains("< " + file), r.err());
        // picocli's @file expansion would replace the argument by the file's words
        java.nio.file.Path at = java.nio.file.Files.writeString(dir.resolve("mention"), "第一句 第二句\n");
        CliTest.Result mention = nlpipe("segment", "@" + at);
        assertEquals(List.of("@" + at), List.of(mention.out().strip().replace(" ", "")), mention.out());
    }

    @Test
    void aStageGivingNoTokensIsRefusedBeforeAnyLineIsRead() {
        CliTest.Result r = nlpipe("segment", "--stage", "normalize.text", "hello");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--stage normalize.text gives no tokens") && r.out().isEmpty(), r.err());
    }

    @Test
    void everyCommandPrintsItsVersion() {
        for (String command : List.of("segment", "tag", "classify", "run")) {
            CliTest.Result r = nlpipe(command, "-V");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("nlpipe "), command + ": " + r.out());
        }
    }

    @Test
    void aWriteThatFailsOnStandardOutputStopsTheCommandWithExit3() {
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream("我爱北京\n".repeat(1000).getBytes(StandardCharsets.UTF_8)));
            CliTest.Result r = CliTest.nlpipe(full, "segment");
            assertEquals(3, r.code(), r.err());
            assertTrue(r.err().contains("cannot write to standard output"), r.err());
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void segmentJsonPrintsWholeDocuments() {
        CliTest.Result r = nlpipe("segment", "--json", "我爱北京");
        assertEquals(0, r.code(), r.err());
        Document d = DocumentJson.parse(r.out().strip());
        assertEquals("我爱北京", d.text());
        assertEquals("zh", d.lang());
        assertEquals(3, d.tokens().size());
    }

    @Test
    void withPassesOptionsToTheStage() {
        CliTest.Result r = nlpipe("segment", "--with", "punctuation=drop", "Hello, world!");
        assertEquals(0, r.code(), r.err());
        assertEquals("Hello world", r.out().strip());
    }

    @Test
    void posTagsFollowTheirWords() {
        CliTest.Result r = nlpipe("segment", "--pos", "张三在北京");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("张三/nr "), r.out());
    }

    @Test
    void anUnknownStageOptionIsAUsageError() {
        CliTest.Result r = nlpipe("segment", "--with", "algoritm=viterbi", "x");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("did you mean 'algorithm'"), r.err());
        assertFalse(r.err().contains("--set") || r.err().contains(":1:1"), "no file to point into, no --set to drop it with: " + r.err());
        assertTrue(r.err().contains("nlpipe segment: unknown option 'algoritm'") && !r.err().contains("builder"), r.err());
        CliTest.Result missing = nlpipe("classify", "--model", "models/none-such", "x");
        assertTrue(missing.err().contains("nlpipe classify: ") && !missing.err().contains("builder"), missing.err());
    }

    @Test
    void withValuesAreReadAsSetValuesAre() {
        // an empty value was read as an empty YAML document ('not a map'), '*.txt' as an alias, '-' as a list
        CliTest.Result empty = nlpipe("segment", "--with", "pos=", "x");
        assertEquals(2, empty.code(), empty.err());
        assertTrue(empty.err().contains("gives no value"), empty.err());
        CliTest.Result glob = nlpipe("segment", "--with", "userDictionaries=*.txt", "x");
        assertEquals(2, glob.code(), glob.err());
        assertFalse(glob.err().contains("alias"), glob.err());
        assertTrue(glob.err().contains("*.txt"), glob.err());
        CliTest.Result bool = nlpipe("segment", "--with", "pos=true", "张三在北京");
        assertEquals(0, bool.code(), bool.err());
        assertTrue(bool.out().startsWith("张三/nr "), bool.out());
    }

    @Test
    void listOfOneStageShowsItsOptionsAndAnExample() {
        CliTest.Result r = nlpipe("list", "segment.hanlp");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("userDictionaries"), r.out());
        assertTrue(r.out().contains("- type: segment.hanlp"), r.out());
        assertTrue(r.out().contains("provides: tokens"), r.out());
    }

    @Test
    void listOfAnUnknownNameSuggestsTheClosest() {
        CliTest.Result r = nlpipe("list", "segmnt");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("did you mean 'segment'"), r.err());
    }
}
