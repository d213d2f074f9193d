package dev.nlpipe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The launcher and the scripts it sources, copied into a made-up checkout for the launcher tests. */
final class LauncherScripts {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private LauncherScripts() {
    }

    /** Copies ./nlpipe, bin/find-jdk.sh and bin/build-lock.sh under {@code root}, executable as in the repository. */
    static void copyInto(Path root) throws IOException {
        Files.createDirectories(root.resolve("bin"));
        for (String f : List.of("nlpipe", "bin/find-jdk.sh", "bin/build-lock.sh")) {
            Files.copy(REPO.resolve(f), root.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
