package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The argument checks of the scripts under examples/, which must refuse a mistake before any work starts. */
class ExampleScriptsTest {
    /**
     * Runs {@code examples/SCRIPT} from {@code dir} with no data ({@code DATA_DIR} empty) and a
     * Maven that fails at once, so that a check that lets the mistake through cannot start a build.
     */
    private static Process script(Path dir, String script, String... args) throws Exception {
        Path mvn = dir.resolve("fake-maven/mvn");
        Files.createDirectories(mvn.getParent());
        Files.writeString(mvn, "#!/usr/bin/env bash\necho 'fake mvn: no build in this test' >&2\nexit 1\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("no-data"));
        List<String> command = new ArrayList<>(List.of("bash", CliTest.repo().resolve("examples").resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", mvn.getParent() + ":" + System.getenv("PATH"));
        pb.environment().put("DATA_DIR", dir.resolve("no-data").toString());
        return pb.start();
    }

    @Test
    void lexiconVectorsRefusesAnOptionWhereTheOutputDirectoryGoesWithItsUsage(@TempDir Path dir) throws Exception {
        Process p = script(dir, "lexicon-vectors.sh", "--set", "train.epochs=1");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.startsWith("usage: ") && out.contains("OUTPUT_DIR [TRAIN_OPTION...]"), out);
    }

    @Test
    void zhTextWritesCopiesThisUserCanOverwriteFromReadOnlyData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        for (String f : List.of("thucnews-cnews-sample/cnews.sample1000.txt", "thucnews-titles/dev.txt", "tnews/train.tsv",
                "chnsenticorp/train.tsv", "zh-raw-novels/xiyouji.txt")) {
            Path p = data.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "label\t文本\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--r--r--"));
        }
        ProcessBuilder pb = new ProcessBuilder("bash", CliTest.repo().resolve("examples/zh-text.sh").toString(), "out")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("DATA_DIR", data.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        // root may overwrite a read-only file, a user may not: the mode itself is what a second run depends on
        assertTrue(Files.getPosixFilePermissions(dir.resolve("out/xiyouji.txt")).contains(PosixFilePermission.OWNER_WRITE));
    }
}
