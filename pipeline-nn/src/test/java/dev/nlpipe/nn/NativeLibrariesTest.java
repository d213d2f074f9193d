package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {
    private static final ClassLoader EMPTY = new URLClassLoader(new URL[0], null);

    @Test
    void missingNativesNameTheArtifactAndTheFix() {
        NeuralEngineException e = assertThrows(NeuralEngineException.class,
                () -> NativeLibraries.check(k -> null, EMPTY, "Linux", "amd64"));
        assertTrue(e.getMessage().contains("ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64"), e.getMessage());
        assertTrue(e.getMessage().contains("never downloads"), e.getMessage());
        assertTrue(e.getMessage().contains("lib/pytorch-native-cpu-2.7.1-linux-x86_64.jar"), e.getMessage());
    }

    @Test
    void otherPlatformsAreToldWhichClassifierToAdd() {
        NeuralEngineException e = assertThrows(NeuralEngineException.class,
                () -> NativeLibraries.check(k -> null, EMPTY, "Mac OS X", "aarch64"));
        assertTrue(e.getMessage().contains("linux-x86_64 only"), e.getMessage());
    }

    @Test
    void aLibraryPathWithoutLibtorchIsRejected(@TempDir Path dir) {
        NeuralEngineException e = assertThrows(NeuralEngineException.class,
                () -> NativeLibraries.check(Map.of("PYTORCH_LIBRARY_PATH", dir.toString())::get, EMPTY, "Linux", "amd64"));
        assertTrue(e.getMessage().contains("PYTORCH_LIBRARY_PATH"), e.getMessage());
    }

    @Test
    void aLibraryPathWithLibtorchIsUsed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(System.mapLibraryName("torch")), "");
        NativeLibraries.Found f = NativeLibraries.check(Map.of("PYTORCH_LIBRARY_PATH", dir.toString())::get, EMPTY, "Linux", "amd64");
        assertTrue(f.where().contains(dir.toString()));
    }

    @Test
    void theNativesJarOnTheClassPathIsFound() {
        NativeLibraries.Found f = NativeLibraries.check(k -> null, getClass().getClassLoader(), "Linux", "amd64");
        assertTrue(f.where().contains("pytorch-native"), f.where());
    }

    @Test
    void theLinuxJarOnAnotherPlatformIsNamedNotHandedToDjl() {
        // the shipped install on macOS or arm64: DJL would pass the jar over and try to download, which offline refuses
        for (String[] platform : new String[][] {{"Mac OS X", "aarch64"}, {"Linux", "aarch64"}}) {
            NeuralEngineException e = assertThrows(NeuralEngineException.class,
                    () -> NativeLibraries.check(k -> null, getClass().getClassLoader(), platform[0], platform[1]));
            assertTrue(e.getMessage().contains("are for linux-x86_64") && e.getMessage().contains("PYTORCH_FLAVOR=cpu"), e.getMessage());
        }
        assertEquals("osx-aarch64", NativeLibraries.djlClassifier("Mac OS X", "aarch64"));
        assertEquals("linux-x86_64", NativeLibraries.djlClassifier("Linux", "amd64"));
    }

    @Test
    void theEngineStartsOfflineAndReportsVersions() {
        NeuralEngine.get();
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals("2.7.1", NeuralEngine.versions().get("pytorch"));
        assertEquals(0, NeuralEngine.gpuCount(), "this test machine has no GPU");
        String given = System.getenv("OMP_WAIT_POLICY");
        assertEquals(given == null || given.isBlank() ? "PASSIVE" : given, NeuralEngine.versions().get("ompWaitPolicy"));
    }
}
