package dev.nlpipe.nn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
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
        String platform = (osName == null ? "?" : osName.toLowerCase(Locale.ROOT)) + "-" + osArch;
        String here = djlClassifier(osName, osArch);
        List<String> others = new ArrayList<>();
        for (java.net.URL marker : markers(loader)) {
            String classifier = classifierOf(marker);
            // a jar of another platform is passed over by DJL, which would then try to download (refused offline)
            if (classifier == null || classifier.equals(here)) {
                String url = String.valueOf(marker).replaceFirst("!/.*$", "");
                return new Found(url.substring(url.lastIndexOf('/') + 1));
            }
            others.add(classifier);
        }
        if (!others.isEmpty()) {
            throw new NeuralEngineException("the PyTorch native libraries on the class path are for " + String.join(", ", others)
                    + ", and this machine is " + platform + " (" + here + "); nlpipe never downloads them. Point PYTORCH_LIBRARY_PATH"
                    + " at the lib/ directory of a libtorch 2.7.1 for this platform (with PYTORCH_FLAVOR=cpu), or, using nlpipe as a"
                    + " library, put the ai.djl.pytorch:pytorch-native-cpu:2.7.1:" + here + " jar on the class path");
        }
        boolean linuxX64 = "linux-x86_64".equals(here);
        String how = linuxX64
                ? "It belongs beside nlpipe.jar as lib/pytorch-native-cpu-2.7.1-linux-x86_64.jar (rebuild with "
                + "`mvn -DskipTests package`, which copies it from the local Maven repository), or on the class path "
                + "when nlpipe is used as a library (the pipeline-nn dependency brings it unless it was excluded)."
                : "This build ships natives for linux-x86_64 only; on " + platform + " add the matching "
                + "ai.djl.pytorch:pytorch-native-cpu:2.7.1:<classifier> jar to the class path.";
        throw new NeuralEngineException("the PyTorch native libraries were not found: neither PYTORCH_LIBRARY_PATH nor the "
                + CPU_ARTIFACT + " jar (" + MARKER + ") is available, and nlpipe never downloads them. " + how);
    }

    /** DJL's name for a platform, as its native jars' {@code classifier} gives it ({@code linux-x86_64}, {@code osx-aarch64}). */
    static String djlClassifier(String osName, String osArch) {
        String os = osName == null ? "?" : osName.toLowerCase(Locale.ROOT);
        os = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin") ? "osx" : os.startsWith("win") ? "win" : os;
        String arch = "amd64".equals(osArch) || "x86_64".equals(osArch) ? "x86_64" : "arm64".equals(osArch) ? "aarch64" : osArch;
        return os + "-" + arch;
    }

    private static List<java.net.URL> markers(ClassLoader loader) {
        try {
            return java.util.Collections.list(loader.getResources(MARKER));
        } catch (java.io.IOException e) {
            java.net.URL one = loader.getResource(MARKER);
            return one == null ? List.of() : List.of(one);
        }
    }

    /** The {@code classifier} a native jar's properties name, or {@code null} when they cannot be read or name none. */
    static String classifierOf(java.net.URL properties) {
        Properties p = new Properties();
        try (java.io.InputStream in = properties.openStream()) {
            p.load(in);
        } catch (java.io.IOException e) {
            return null;
        }
        return p.getProperty("classifier");
    }
}
