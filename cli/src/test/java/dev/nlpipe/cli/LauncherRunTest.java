package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the ./nlpipe launcher does once the jar is built, with a stand-in JDK whose {@code java}
 * prints what it was started with: the locale it runs Java under, and where the copy of the jar it
 * starts from lies.
 */
class LauncherRunTest {
    /** A checkout with the real launcher, a built jar and no sources, and a stand-in JDK under jdk/. */
    private static Path checkout(Path root) throws IOException {
        LauncherScripts.copyInto(root);
        Files.createDirectories(root.resolve("cli/target"));
        Files.writeString(root.resolve("cli/target/nlpipe.jar"), "PK a jar");
        LauncherScripts.fakeJdk(root);
        return root;
    }

    private static String run(Path root, Map<String, String> env) throws IOException, InterruptedException {
        return run(root, env, List.of("--version"));
    }

    private static String run(Path root, Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("nlpipe").toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void javaRunsUnderAUtf8LocaleWhenTheUsersIsNot(@TempDir Path dir) throws Exception {
        Path root = checkout(dir);
        String c = run(root, Map.of("LC_ALL", "C"));
        // a machine without any UTF-8 locale gets the warning that says what to install instead
        assertTrue(c.contains("java sees UTF-8") || c.contains("no UTF-8 locale is installed: file names outside ASCII cannot be read"), c);
        assertTrue(run(root, Map.of("LC_ALL", "C.UTF-8")).contains("java sees UTF-8"), "a UTF-8 locale is left as it is");
    }

    @Test
    void withoutTheLocaleToolLcAllCIsSwitchedToUtf8ThoughLangIsUtf8(@TempDir Path dir) throws Exception {
        Path root = checkout(dir.resolve("checkout"));
        String path = LauncherScripts.pathWithout(dir.resolve("no-locale"), "locale");
        String out = run(root, Map.of("PATH", path, "LC_ALL", "C", "LC_CTYPE", "", "LANG", "C.UTF-8"));
        // the launcher switches only on Linux, where Java reads file names in the locale's character set
        String expected = System.getProperty("os.name").equals("Linux") ? "C.UTF-8" : "C";
        assertTrue(out.lines().anyMatch(("java LC_ALL=" + expected)::equals), out);
    }

    @Test
    void aJavaHomePassedOverIsSaidNotToExistWhenItDoesNot(@TempDir Path dir) throws Exception {
        Path root = checkout(dir);
        // the search for a JDK finds this machine's, so the reason a JAVA_HOME was passed over is asked for directly
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "source bin/find-jdk.sh && nlpipe_java_home_problem \"$0\"", dir.resolve("no-such-jdk").toString())
                .directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("JAVA_HOME=" + dir.resolve("no-such-jdk") + " does not exist"), out);
    }

    @Test
    void aCheckoutWhoseLaunchFolderCannotBeMadeStartsFromACopyInTheUsersCache(@TempDir Path dir) throws Exception {
        Path root = checkout(dir.resolve("checkout"));
        String here = run(root, Map.of());
        assertTrue(here.contains("jar " + root.resolve("cli/target/launch")), here);
        // a launch folder that cannot be made or written (a checkout another user built; a file in the way here, as root may write anywhere)
        deleteTree(root.resolve("cli/target/launch"));
        Files.writeString(root.resolve("cli/target/launch"), "");
        Path cache = dir.resolve("cache");
        String there = run(root, Map.of("XDG_CACHE_HOME", cache.toString()));
        assertTrue(there.contains("jar " + cache.resolve("nlpipe/launch")), there);
        try (var copies = Files.walk(cache)) {
            Path lib = copies.filter(p -> p.getFileName().toString().equals("lib")).findFirst().orElseThrow();
            assertEquals(root.resolve("cli/target/lib"), Files.readSymbolicLink(lib), "the copy names the checkout's native jars");
        }
    }

    @Test
    void aCopyARunningProcessHasOpenIsKeptThoughTheCheckoutsPathHoldsPatternCharacters(@TempDir Path dir) throws Exception {
        Path root = checkout(dir.resolve("co [1]*?"));
        Path first = Path.of(jarRun(run(root, Map.of())));
        Process holder = new ProcessBuilder("bash", "-c", "exec 3<\"$1\"; echo open; exec sleep 60", "_", first.toString()).start();
        try {
            assertEquals("open", new String(holder.getInputStream().readNBytes(4), StandardCharsets.UTF_8));
            Files.writeString(root.resolve("cli/target/nlpipe.jar"), "PK a rebuilt jar");
            Path second = Path.of(jarRun(run(root, Map.of())));
            assertTrue(!second.equals(first) && Files.exists(first), "the copy still in use stays");
        } finally {
            holder.destroy();
            holder.waitFor();
        }
        run(root, Map.of());
        assertTrue(Files.notExists(first), "a copy no longer in use is removed");
    }

    @Test
    void trainingAnEmbedTaskGetsTheSimdModuleWhereverItsFileStandsAmongTheOptions(@TempDir Path dir) throws Exception {
        Path root = checkout(dir);
        Files.writeString(root.resolve("w2v.yaml"), "task: embed.word2vec\n");
        Files.writeString(root.resolve("tfidf.yaml"), "task: vectorize.tfidf\n");
        for (List<String> args : List.of(List.of("train", "w2v.yaml", "--output", "m"), List.of("train", "--output", "m", "w2v.yaml"),
                List.of("train", "-o", "m", "--set", "train.threads=1", "w2v.yaml"), List.of("train", "--output=m", "w2v.yaml"))) {
            assertTrue(run(root, Map.of(), args).lines().anyMatch("simd"::equals), String.join(" ", args));
        }
        assertTrue(run(root, Map.of(), List.of("train", "-o", "m", "tfidf.yaml")).lines().noneMatch("simd"::equals), "another task runs without it");
    }

    @Test
    void embedCommandsGetTheSimdModuleForWordVectorsButNotForABertEncoder(@TempDir Path dir) throws Exception {
        // a BERT encoder runs in libtorch: the module would only add the JVM's warning that it is incubating
        Path root = checkout(dir);
        Files.createDirectories(root.resolve("enc"));
        Files.writeString(root.resolve("enc/model.json"), "{\n  \"kind\" : \"encoder.bert\",\n  \"formatVersion\" : 1\n}\n");
        Files.createDirectories(root.resolve("w2v"));
        Files.writeString(root.resolve("w2v/model.json"), "{\n  \"kind\" : \"embed.word2vec\"\n}\n");
        assertTrue(run(root, Map.of(), List.of("embed", "similarity", "w2v", "a", "b")).lines().anyMatch("simd"::equals));
        assertTrue(run(root, Map.of(), List.of("embed", "similarity", "enc", "a", "b")).lines().noneMatch("simd"::equals));
    }

    /** The jar the stand-in java was started with, from its output. */
    private static String jarRun(String out) {
        return out.lines().filter(l -> l.startsWith("jar ")).map(l -> l.substring(4)).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    private static void deleteTree(Path p) throws IOException {
        try (var all = Files.walk(p)) {
            for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
