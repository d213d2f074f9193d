package dev.nlpipe.nn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * Finds the PyTorch native libraries before DJL looks for them, so that a missing library gives a
 * message naming the artifact and the fix instead of DJL's attempt to download it.
 *
 * <p>DJL looks, in order, at {@code PYTORCH_LIBRARY_PATH} (a directory holding {@code libtorch.so}),
 * then at a {@code native/lib/pytorch.properties} resource (the {@code pytorch-native-*} jar on the
 * class path). nlpipe runs DJL offline, so there is no third way.
 */
public final class NativeLibraries {
    /** The Maven coordinates of the CPU natives this build is pinned to. */
    public static final String CPU_ARTIFACT = "ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64";
    static final String MARKER = "native/lib/pytorch.properties";

    private NativeLibraries() {
    }

    /** Where the natives will come from, for the log. */
    public record Found(String where) {
    }

    /** Checks the current process's environment and class path. */
    public static Found check() {
        return check(name -> {
            String v = System.getProperty(name);
            return v != null ? v : System.getenv(name);
        }, Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : NativeLibraries.class.getClassLoader(),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /**
     * Checks a given environment (for tests).
     *
     * @param env system property or environment variable lookup
     * @param loader the class loader DJL will search
     * @param osName {@code os.name}
     * @param osArch {@code os.arch}
     * @throws NeuralEngineException when no natives can be found, saying how to get them
     */
    static Found check(Function<String, String> env, ClassLoader loader, String osName, String osArch) {
        String override = env.apply("PYTORCH_LIBRARY_PATH");
        if (override != null && !override.isBlank()) {
            for (String dir : override.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir);
                if (Files.isRegularFile(p.resolve(System.mapLibraryName("torch"))) || p.getFileName() != null
                        && p.getFileName().toString().equals(System.mapLibraryName("torch")) && Files.isRegularFile(p)) {
                    return new Found("PYTORCH_LIBRARY_PATH=" + override);
                }
            }
            throw new NeuralEngineException("PYTORCH_LIBRARY_PATH is set to '" + override + "', but no "
                    + System.mapLibraryName("torch") + " is there; point it at the lib/ directory of a libtorch 2.7.1 "
                    + "distribution, or unset it to use the " + CPU_ARTIFACT + " jar");
        }
        if (loader.getResource(MARKER) != null) {
            String url = String.valueOf(loader.getResource(MARKER)).replaceFirst("!/.*$", "");
            return new Found(url.substring(url.lastIndexOf('/') + 1));
        }
        String platform = (osName == null ? "?" : osName.toLowerCase(Locale.ROOT)) + "-" + osArch;
        boolean linuxX64 = osName != null && osName.toLowerCase(Locale.ROOT).startsWith("linux")
                && ("amd64".equals(osArch) || "x86_64".equals(osArch));
        String how = linuxX64
                ? "It belongs beside nlpipe.jar as lib/pytorch-native-cpu-2.7.1-linux-x86_64.jar (rebuild with "
                + "`mvn -DskipTests package`, which copies it from the local Maven repository), or on the class path "
                + "when nlpipe is used as a library (the pipeline-nn dependency brings it unless it was excluded)."
                : "This build ships natives for linux-x86_64 only; on " + platform + " add the matching "
                + "ai.djl.pytorch:pytorch-native-cpu:2.7.1:<classifier> jar to the class path.";
        throw new NeuralEngineException("the PyTorch native libraries were not found: neither PYTORCH_LIBRARY_PATH nor the "
                + CPU_ARTIFACT + " jar (" + MARKER + ") is available, and nlpipe never downloads them. " + how);
    }
}
