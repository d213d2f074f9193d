package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void anOutputThatIsNotAModelDirectoryIsRefusedBeforeTheSourceIsRead() throws IOException {
        Path notes = Files.createDirectories(dir.resolve("models"));
        Files.writeString(notes.resolve("notes.txt"), "mine");
        // the source does not exist: the output is judged first
        SegmentEvalCommandTest.Outcome o = SegmentEvalCommandTest.nlpipe("model", "import", dir.resolve("no-such-source").toString(),
                "--output", notes.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--output") && o.err().contains("not a model directory"), o.err());
        assertEquals("mine", Files.readString(notes.resolve("notes.txt")));
    }

    @Test
    void anOutputThatIsTheSourceOrHoldsItIsRefused() throws IOException {
        // a fine-tuned model imported onto itself would become its bare encoder
        Path model = Files.createDirectories(dir.resolve("models/ner-bert"));
        Files.writeString(model.resolve("model.json"), "{\"kind\": \"ner.bert\"}");
        for (Path output : new Path[] {model, dir.resolve("models"), model.resolve("encoder")}) {
            SegmentEvalCommandTest.Outcome o = SegmentEvalCommandTest.nlpipe("model", "import", model.toString(), "--output",
                    output.toString());
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("--output " + output) && o.err().contains("the import would replace what it reads"), o.err());
        }
        assertEquals("{\"kind\": \"ner.bert\"}", Files.readString(model.resolve("model.json")));
        // the same through a link to its directory (models -> store): still the source, and a new directory inside it too
        Path link = Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("models"));
        for (Path output : new Path[] {link.resolve("ner-bert"), link.resolve("ner-bert/encoder")}) {
            SegmentEvalCommandTest.Outcome o = SegmentEvalCommandTest.nlpipe("model", "import", model.toString(), "--output",
                    output.toString());
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("the import would replace what it reads"), o.err());
        }
        assertEquals("{\"kind\": \"ner.bert\"}", Files.readString(model.resolve("model.json")));
    }

    @Test
    void aModelDirectoryWhoseFilesAreDamagedIsRefusedAsASource() throws IOException {
        // imported as it was, its damaged weights were sealed under fresh checksums as a valid model
        Path model = Files.createDirectories(dir.resolve("fine-tuned"));
        Files.writeString(model.resolve("model.json"), "{\"kind\": \"ner.bert\", \"formatVersion\": 1}");
        Files.writeString(model.resolve("model.safetensors"), "weights");
        dev.nlpipe.core.model.ModelManifest.seal(model);
        Files.writeString(model.resolve("model.safetensors"), "damaged");
        CliTest.Result o = CliTest.nlpipe("model", "import", model.toString(), "--output", dir.resolve("encoder").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("model.safetensors") && o.err().contains("SHA-256"), o.err());
        assertTrue(!Files.exists(dir.resolve("encoder")), "nothing written");
    }

    @Test
    void coordinatesAreLookedForInTheRepositoryMavenUses() throws IOException {
        String home = System.getProperty("user.home");
        String local = System.getProperty("maven.repo.local");
        try {
            System.setProperty("user.home", dir.toString());
            System.clearProperty("maven.repo.local");
            assertEquals(dir.resolve(".m2/repository"), ModelImportCommand.defaultMavenRepository());
            Files.createDirectories(dir.resolve(".m2"));
            // a settings.xml copied from Maven's template: its localRepository is inside a comment
            Files.writeString(dir.resolve(".m2/settings.xml"), "<settings>\n  <!--\n  <localRepository>/path/to/local/repo</localRepository>\n"
                    + "  -->\n</settings>\n");
            assertEquals(dir.resolve(".m2/repository"), ModelImportCommand.defaultMavenRepository());
            Files.writeString(dir.resolve(".m2/settings.xml"),
                    "<settings>\n  <localRepository>${user.home}/maven-cache</localRepository>\n</settings>\n");
            assertEquals(dir.resolve("maven-cache"), ModelImportCommand.defaultMavenRepository(), "settings.xml's localRepository");
            System.setProperty("maven.repo.local", dir.resolve("elsewhere").toString());
            assertEquals(dir.resolve("elsewhere"), ModelImportCommand.defaultMavenRepository(), "-Dmaven.repo.local wins");
        } finally {
            System.setProperty("user.home", home);
            if (local == null) {
                System.clearProperty("maven.repo.local");
            } else {
                System.setProperty("maven.repo.local", local);
            }
        }
    }
}
