package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./nlpipe launcher runs Java under a UTF-8 locale when the user's has another character set
 * (LC_ALL=C under cron or in a container), where Java could not open a file name outside ASCII.
 * A stand-in JDK prints the character set Java would see.
 */
class LauncherLocaleTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private static String run(Path root, String lcAll) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("nlpipe").toString(), "--version").directory(root.toFile())
                .redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        pb.environment().put("LC_ALL", lcAll);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void javaRunsUnderAUtf8LocaleWhenTheUsersIsNot(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("bin"));
        for (String f : List.of("nlpipe", "bin/find-jdk.sh", "bin/build-lock.sh")) {
            Files.copy(REPO.resolve(f), root.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        }
        // a built jar and no sources: the launcher goes straight to Java
        Files.createDirectories(root.resolve("cli/target"));
        Files.writeString(root.resolve("cli/target/nlpipe.jar"), "PK a jar");
        Path java = root.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(root.resolve("jdk/release"), "JAVA_VERSION=\"21.0.1\"\n");
        Files.writeString(java, "#!/usr/bin/env bash\necho \"java sees $(locale charmap)\"\n");
        Files.writeString(root.resolve("jdk/bin/javac"), "#!/usr/bin/env bash\n");
        for (Path f : List.of(java, root.resolve("jdk/bin/javac"))) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String c = run(root, "C");
        // a machine without any UTF-8 locale gets the warning that says what to install instead
        assertTrue(c.contains("java sees UTF-8") || c.contains("no UTF-8 locale is installed: file names outside ASCII cannot be read"), c);
        assertTrue(run(root, "C.UTF-8").contains("java sees UTF-8"), "a UTF-8 locale is left as it is");
    }
}
