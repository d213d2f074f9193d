package dev.nlpipe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** The launcher and the scripts it sources, copied into a made-up checkout for the launcher tests. */
final class LauncherScripts {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private LauncherScripts() {
    }

    /** Copies ./nlpipe, ./run-tests, bin/find-jdk.sh and bin/build-lock.sh under {@code root}, executable as in the repository. */
    static void copyInto(Path root) throws IOException {
        Files.createDirectories(root.resolve("bin"));
        for (String f : List.of("nlpipe", "run-tests", "bin/find-jdk.sh", "bin/build-lock.sh")) {
            Files.copy(REPO.resolve(f), root.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /**
     * A PATH that finds every command this one does but {@code command}: a folder {@code dir} of links
     * to the rest, for a machine without Maven or without the locale tool.
     */
    static String pathWithout(Path dir, String command) throws IOException {
        Files.createDirectories(dir);
        for (String entry : System.getenv("PATH").split(":")) {
            Path folder = Path.of(entry.isEmpty() ? "." : entry);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Path link = dir.resolve(f.getFileName().toString());
                    // the first on the PATH wins, as in the shell
                    if (!f.getFileName().toString().equals(command) && Files.isExecutable(f) && Files.notExists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, f.toAbsolutePath());
                    }
                }
            }
        }
        return dir.toString();
    }

    /**
     * Makes a stand-in JDK 21 with the SIMD vector module under {@code root/jdk} whose {@code java}
     * prints the character set it runs under ({@code java sees UTF-8}) and its {@code LC_ALL}, the jar it was given
     * ({@code jar PATH}) and {@code simd} when told to add the vector module, and exits 0.
     */
    static Path fakeJdk(Path root) throws IOException {
        Path java = root.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(root.resolve("jdk/release"), "JAVA_VERSION=\"21.0.1\"\nMODULES=\"java.base jdk.incubator.vector\"\n");
        // the jar it runs is the launcher's last argument but the ones passed through
        Files.writeString(java, """
                #!/usr/bin/env bash
                echo "java sees $(locale charmap 2>/dev/null)"
                echo "java LC_ALL=${LC_ALL-}"
                for a; do
                  [[ $a == *.jar ]] && echo "jar $a"
                  [[ $a == jdk.incubator.vector ]] && echo simd
                done
                exit 0
                """);
        Files.writeString(root.resolve("jdk/bin/javac"), "#!/usr/bin/env bash\n");
        for (Path f : List.of(java, root.resolve("jdk/bin/javac"))) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return root.resolve("jdk");
    }
}
