package dev.nlpipe.nn.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `model import` reads from: entries of a model jar by their bare name and only up to a size nlpipe can read; a directory with its own tokenizer. */
class EncoderSourceTest {
    @TempDir
    Path dir;

    @Test
    void coordinatesOfAVersionTheRepositoryLacksNameTheVersionsItHolds() throws IOException {
        Path repo = dir.resolve("m2");
        Path held = Files.createDirectories(repo.resolve("dev/langchain4j/embeddings-x/1.19.0-beta29"));
        Files.writeString(held.resolve("embeddings-x-1.19.0-beta29.jar"), "a jar");
        Files.createDirectories(repo.resolve("dev/langchain4j/embeddings-x/1.0.0")); // a version without its jar: not offered
        IOException e = assertThrows(IOException.class, () -> EncoderSource.jarOf("dev.langchain4j:embeddings-x:1.19.0", repo));
        assertTrue(e.getMessage().contains("it holds dev.langchain4j:embeddings-x 1.19.0-beta29 (a mistyped version?)")
                && e.getMessage().contains("mvn dependency:get"), e.getMessage());
        assertEquals(held.resolve("embeddings-x-1.19.0-beta29.jar"), EncoderSource.jarOf("dev.langchain4j:embeddings-x:1.19.0-beta29", repo));
        IOException none = assertThrows(IOException.class, () -> EncoderSource.jarOf("org.other:thing:1.0", repo));
        assertFalse(none.getMessage().contains("it holds"), none.getMessage());
    }

    @Test
    void anEntryThatInflatesPastTheLimitIsRefusedAndLeftUnfinished() throws IOException {
        // a small jar whose entry inflates far beyond its own size, as a zip bomb does
        Path jar = dir.resolve("model.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("../../evil/model.onnx"));
            zip.write(new byte[100_000]);
            zip.closeEntry();
        }
        assertTrue(Files.size(jar) < 10_000, "zeros deflate to almost nothing");
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            IOException e = assertThrows(IOException.class, () -> EncoderSource.extract(zip, "../../evil/model.onnx", scratch, 50_000));
            assertTrue(e.getMessage().contains("inflates past 50000 bytes"), e.getMessage());
            Path whole = EncoderSource.extract(zip, "../../evil/model.onnx", scratch, 200_000);
            assertEquals(scratch.resolve("model.onnx"), whole, "by its bare name, inside the scratch directory");
            assertEquals(100_000, Files.size(whole));
        }
        assertFalse(Files.exists(dir.resolve("evil")));
    }

    @Test
    void aJarWithSeveralTokenizersTakesTheEntryNamedByTokenizer() throws IOException {
        Path jar = dir.resolve("two.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String[] entry : new String[][] {{"model.onnx", "graph"}, {"a/tokenizer.json", "{\"a\": 1}"},
                    {"b/tokenizer.json", "{\"b\": 2}"}}) {
                zip.putNextEntry(new ZipEntry(entry[0]));
                zip.write(entry[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        IOException which = assertThrows(IOException.class, () -> EncoderSource.resolve(jar.toString(), null, dir, scratch));
        assertTrue(which.getMessage().contains("[a/tokenizer.json, b/tokenizer.json]") && which.getMessage().contains("--tokenizer"),
                which.getMessage());

        // as that message lists it, not a file in the working directory
        EncoderSource b = EncoderSource.resolve(jar.toString(), Path.of("b/tokenizer.json"), dir, scratch);
        assertEquals("{\"b\": 2}", Files.readString(b.tokenizer()));

        IOException neither = assertThrows(IOException.class, () -> EncoderSource.resolve(jar.toString(), Path.of("c/tokenizer.json"),
                dir, scratch));
        assertTrue(neither.getMessage().startsWith("--tokenizer c/tokenizer.json does not exist, nor is it an entry of " + jar),
                neither.getMessage());
    }

    @Test
    void aTokenizerThatDoesNotExistIsRefusedNamingTheOption() throws IOException {
        Path onnx = Files.writeString(dir.resolve("model.onnx"), "graph");
        IOException e = assertThrows(IOException.class, () -> EncoderSource.resolve(onnx.toString(), dir.resolve("tok.json"), dir, dir));
        assertTrue(e.getMessage().startsWith("--tokenizer " + dir.resolve("tok.json") + " does not exist"), e.getMessage());
    }

    @Test
    void aTokenizerGivenWithADirectoryIsRefusedRatherThanDropped() throws IOException {
        Path hf = Files.createDirectories(dir.resolve("hf"));
        IOException e = assertThrows(IOException.class, () -> EncoderSource.resolve(hf.toString(), dir.resolve("tokenizer.json"), dir, dir));
        assertTrue(e.getMessage().contains("--tokenizer applies to an .onnx file or a model jar"), e.getMessage());
    }
}
