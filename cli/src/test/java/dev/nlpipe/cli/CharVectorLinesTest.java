package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/char-vectors.sh}'s first steps: {@code text-to-chars.yaml} writes one character
 * per line and {@code char-bigram-lines.awk} turns those into the character and bigram keys the
 * character taggers look their pretrained vectors up by.
 */
class CharVectorLinesTest {
    @TempDir
    Path dir;

    @Test
    void textBecomesTheTaggersCharacterAndBigramKeys() throws Exception {
        Path text = Files.writeString(dir.resolve("in.txt"), "王五 2019年\n\n来了😀１\n", StandardCharsets.UTF_8);
        Path bmes = dir.resolve("chars.bmes");
        CliTest.Result r = CliTest.nlpipe("run", CliTest.repo().resolve("examples/text-to-chars.yaml").toString(),
                "--input", text.toString(), "--output", bmes.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("王 O", "五 O", "2 O", "0 O", "1 O", "9 O", "年 O", "", "来 O", "了 O", "😀 O", "１ O"),
                Files.readAllLines(bmes).stream().map(String::strip).toList().subList(0, 12));

        Path chars = dir.resolve("chars.txt");
        Path bigrams = dir.resolve("bigrams.txt");
        Process awk = new ProcessBuilder("awk", "-v", "chars=" + chars, "-v", "bigrams=" + bigrams, "-f",
                CliTest.repo().resolve("examples/char-bigram-lines.awk").toString(), bmes.toString())
                .redirectErrorStream(true).start();
        String awkOut = new String(awk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, awk.waitFor(30, TimeUnit.SECONDS), "awk finished");
        assertEquals(0, awk.exitValue(), awkOut);
        // whitespace is not a unit, digits read as 0, the last character pairs with </s> (UnitKeys, the featurizers)
        assertEquals(List.of("王 五 0 0 0 0 年", "来 了 😀 0"), lines(chars));
        assertEquals(List.of("王五 五0 00 00 00 0年 年</s>", "来了 了😀 😀0 0</s>"), lines(bigrams));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
