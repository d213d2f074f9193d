package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./nlpipe launcher's build step, with a stand-in for Maven on the PATH: a build cut short
 * leaves the jar corrupt but newer than every source (the shade step rewrites it in place), and
 * the next run must build again rather than start from it.
 */
class LauncherBuildTest {
    /**
     * A checkout with the real launcher and its scripts, one source file, and a fake {@code mvn}
     * that counts its builds in {@code builds.txt}; while {@code slow} exists it writes half a jar
     * and then hangs, as a build interrupted in its last step would; while {@code modules} exists
     * it logs two modules as Maven starts them, and takes two seconds.
     */
    private static Path checkout(Path root) throws IOException {
        LauncherScripts.copyInto(root);
        Path src = root.resolve("cli/src/main/java/Main.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "class Main {}\n");
        Path mvn = root.resolve("fake-maven/mvn");
        Files.createDirectories(mvn.getParent());
        Files.writeString(mvn, """
                #!/usr/bin/env bash
                echo build >> builds.txt
                mkdir -p cli/target
                if [[ -e broken ]]; then
                  echo '[ERROR] Main.java:[1,1] class, interface, enum, or record expected'
                  exit 1
                fi
                if [[ -e slow ]]; then
                  printf 'PK half a jar' > cli/target/nlpipe.jar
                  exec sleep 60
                fi
                if [[ -e modules ]]; then
                  echo '[INFO] Building nlpipe core 0.1.0-SNAPSHOT                [1/2]'
                  echo '[INFO] Building nlpipe cli 0.1.0-SNAPSHOT                 [2/2]'
                  sleep 2
                fi
                printf 'PK a whole jar' > cli/target/nlpipe.jar
                """);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    private static Process launch(Path root) throws IOException {
        return launch(root, Path.of(System.getProperty("java.home")));
    }

    private static Process launch(Path root, Path javaHome) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("nlpipe").toString(), "--version").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(root.resolve("out-" + System.nanoTime() + ".txt").toFile());
        pb.environment().put("PATH", root.resolve("fake-maven") + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", javaHome.toString());
        return pb.start();
    }

    /**
     * Makes {@code root/target} unwritable to this user as a checkout another user built would be:
     * a file stands where the directory would go, since root (which runs some test machines) may write anywhere.
     */
    private static void cannotWrite(Path root) throws IOException {
        Files.writeString(root.resolve("target"), "");
    }

    private static List<String> builds(Path root) throws IOException {
        Path f = root.resolve("builds.txt");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    private static String output(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(root)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("out-")).sorted().toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    @Test
    void aBuildCutShortIsDoneAgainByTheNextRunAndAFinishedOneIsNot(@TempDir Path dir) throws Exception {
        Path root = checkout(dir);
        Files.writeString(root.resolve("slow"), "");
        Process first = launch(root);
        Path jar = root.resolve("cli/target/nlpipe.jar");
        for (int i = 0; i < 1500 && !Files.exists(jar) && first.isAlive(); i++) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(jar), output(root));
        first.destroy(); // SIGTERM, as Ctrl-C or a closed terminal would end it
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, builds(root).size());

        Files.delete(root.resolve("slow"));
        launch(root).waitFor(60, TimeUnit.SECONDS);
        assertEquals(2, builds(root).size(), "the half-written jar is newer than the sources, yet is built again\n" + output(root));
        assertTrue(output(root).contains("the last build did not finish; building again"), output(root));

        launch(root).waitFor(60, TimeUnit.SECONDS);
        assertEquals(2, builds(root).size(), "a finished build is not repeated\n" + output(root));
    }

    @Test
    void aFailedBuildShowsMavensErrorsAndExitsThree(@TempDir Path dir) throws Exception {
        Path root = checkout(dir);
        Files.writeString(root.resolve("broken"), "");
        Process p = launch(root);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), output(root));
        assertTrue(output(root).contains("[ERROR] Main.java:[1,1]") && output(root).contains("nlpipe: the build failed"), output(root));
    }

    @Test
    void aCheckoutThisUserCannotWriteRunsItsOlderBuildInsteadOfRebuilding(@TempDir Path dir) throws Exception {
        Path root = checkout(dir);
        cannotWrite(root);
        Path jar = root.resolve("cli/target/nlpipe.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "PK an older jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Process p = launch(root, LauncherScripts.fakeJdk(dir.resolve("elsewhere")));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output(root));
        assertEquals(List.of(), builds(root), output(root));
        assertTrue(output(root).contains("jar ") && output(root).contains("running that older build"), output(root));
    }

    @Test
    void aCheckoutThisUserCannotWriteAndHasNoBuildExitsThree(@TempDir Path dir) throws Exception {
        Path root = checkout(dir);
        cannotWrite(root);
        Process p = launch(root, LauncherScripts.fakeJdk(dir.resolve("elsewhere")));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), output(root));
        assertEquals(List.of(), builds(root), output(root));
        assertTrue(output(root).contains("cannot build in " + root), output(root));
    }

    @Test
    void aBuildShowsEachModuleAsItStartsUnderAShellLikeMacOSs(@TempDir Path dir) throws Exception {
        Path root = checkout(dir);
        Files.writeString(root.resolve("modules"), "");
        // BSD's mktemp replaces only the X's that end a template
        Path mktemp = root.resolve("fake-maven/mktemp");
        Files.writeString(mktemp, """
                #!/usr/bin/env bash
                [[ ${!#} == *X ]] || { echo "mktemp: the template ${!#} does not end in X's" >&2; exit 1; }
                PATH=${PATH#*:} exec mktemp "$@"
                """);
        Files.setPosixFilePermissions(mktemp, PosixFilePermissions.fromString("rwxr-xr-x"));
        // macOS's bash 3.2 has no mapfile
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "enable -n mapfile readarray; source \"$0\" \"$@\"", root.resolve("nlpipe").toString(), "--version")
                .directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", root.resolve("fake-maven") + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("nlpipe:   [1/2] nlpipe core") && out.contains("nlpipe:   [2/2] nlpipe cli") && out.contains("nlpipe: built in"), out);
    }

    @Test
    void runTestsWithoutMavenSaysToInstallItAndExitsThree(@TempDir Path dir) throws Exception {
        Path root = checkout(dir.resolve("checkout"));
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("run-tests").toString()).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", LauncherScripts.pathWithout(dir.resolve("no-maven"), "mvn"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), out);
        assertTrue(out.contains("building needs Apache Maven"), out);
    }

    @Test
    void aCheckoutWhosePathHoldsPatternCharactersIsRebuiltWhenItsSourcesChange(@TempDir Path dir) throws Exception {
        Path root = checkout(dir.resolve("co [1]*?"));
        assertTrue(launch(root).waitFor(60, TimeUnit.SECONDS));
        Files.setLastModifiedTime(root.resolve("cli/src/main/java/Main.java"), FileTime.from(Instant.now().plus(Duration.ofHours(1))));
        assertTrue(launch(root).waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, builds(root).size(), output(root));
    }
}
