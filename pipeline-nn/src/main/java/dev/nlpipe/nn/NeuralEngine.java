package dev.nlpipe.nn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one DJL engine every neural model in nlpipe runs on: PyTorch, offline. Starting it sets DJL's
 * offline mode (no model-zoo or native-library downloads, no telemetry), checks that the native
 * libraries are present (a clear {@link NeuralEngineException} otherwise) and loads them once per
 * process.
 */
public final class NeuralEngine {
    /** The DJL engine name. */
    public static final String NAME = "PyTorch";
    private static volatile Engine engine;
    private static volatile String nativesFrom;
    private static volatile String ompWaitPolicy;

    private NeuralEngine() {
    }

    /** The started engine; the first call loads the natives (a few seconds the very first time). */
    public static Engine get() {
        Engine e = engine;
        if (e == null) {
            synchronized (NeuralEngine.class) {
                e = engine;
                if (e == null) {
                    e = start();
                    engine = e;
                }
            }
        }
        return e;
    }

    private static Engine start() {
        // Never reach the network: DJL would otherwise fetch natives or report telemetry.
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        nativesFrom = NativeLibraries.check().where();
        if (nativesFrom.startsWith("PYTORCH_LIBRARY_PATH")) {
            // DJL's default flavor wants a JNI library (cpu-precxx11) that no jar of 2.7.1 ships; its pytorch-jni jar has cpu
            setIfAbsent("PYTORCH_FLAVOR", libtorchHasCuda() ? "cu128" : "cpu");
        }
        checkCacheDirectory();
        ompWaitPolicy = OpenMpSettings.apply();
        try {
            Engine e = Engine.getEngine(NAME);
            e.getVersion();
            return e;
        } catch (IllegalArgumentException | LinkageError | IllegalStateException | ai.djl.engine.EngineException e) {
            StringBuilder settings = new StringBuilder();
            for (String key : new String[] {"PYTORCH_VERSION", "PYTORCH_FLAVOR", "DJL_CACHE_DIR"}) {
                String v = setting(key);
                if (v != null) {
                    settings.append(settings.isEmpty() ? " (set here: " : ", ").append(key).append('=').append(v);
                }
            }
            throw new NeuralEngineException("the PyTorch engine could not start (natives from " + nativesFrom + "): "
                    + rootMessage(e) + ". Check that the pytorch-native and pytorch-jni jars are both version 2.7.1 for DJL 0.35.1,"
                    + " and that " + cacheDirectory() + " is writable: the natives are extracted there once"
                    + (settings.isEmpty() ? "" : settings + ")"), e);
        }
    }

    private static String setting(String key) {
        String v = System.getProperty(key);
        return v != null ? v : System.getenv(key);
    }

    /** Whether the libtorch of {@code PYTORCH_LIBRARY_PATH} is a CUDA build. */
    private static boolean libtorchHasCuda() {
        for (String dir : String.valueOf(setting("PYTORCH_LIBRARY_PATH")).split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.exists(java.nio.file.Path.of(dir).resolve(System.mapLibraryName("torch_cuda")))) {
                return true;
            }
        }
        return false;
    }

    /** Where DJL extracts the natives: {@code DJL_CACHE_DIR}, else {@code ~/.djl.ai}. */
    private static java.nio.file.Path cacheDirectory() {
        String set = setting("DJL_CACHE_DIR");
        return set != null ? java.nio.file.Path.of(set) : java.nio.file.Path.of(System.getProperty("user.home"), ".djl.ai");
    }

    /**
     * Refuses to start when the natives would be extracted to a shared place: DJL, finding the home
     * directory read-only, falls back to the system's temporary directory, where another user's
     * libraries could be waiting to be loaded.
     */
    private static void checkCacheDirectory() {
        if (setting("DJL_CACHE_DIR") != null || setting("ENGINE_CACHE_DIR") != null) {
            return;
        }
        String problem = homeProblem(java.nio.file.Path.of(System.getProperty("user.home")));
        if (problem != null) {
            throw new NeuralEngineException(problem);
        }
    }

    /**
     * Why DJL would not extract into {@code home}'s {@code .djl.ai}, or {@code null}. DJL's own test
     * ({@code Utils.getCacheDir}) is whether the home directory itself can be written, whatever
     * {@code ~/.djl.ai} is (a mounted volume, filled and read-only, serves).
     */
    static String homeProblem(java.nio.file.Path home) {
        if (java.nio.file.Files.isWritable(home)) {
            return null;
        }
        return "the home directory " + home + " cannot be written, and DJL would then extract the PyTorch natives into the shared"
                + " temporary directory instead of " + home.resolve(".djl.ai") + "; set DJL_CACHE_DIR to a directory of your own";
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? "" : t.getMessage().replaceAll("[.\\s]+$", "");
        return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** The number of GPUs DJL sees (0 with the CPU natives). */
    public static int gpuCount() {
        return get().getGpuCount();
    }

    /**
     * Sets the number of threads one operator may use (PyTorch's intra-op threads); {@code 0} or less
     * means all cores. PyTorch keeps the count per thread from a thread's first operation and takes
     * the process's value for new threads, so it is set every time, whatever this thread has.
     */
    public static void setThreads(int threads) {
        get();
        JniUtils.setNumThreads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    /**
     * Turns off gradient recording on the calling thread (PyTorch keeps this per thread, and a new
     * thread records by default); training turns it on only inside its gradient collector.
     */
    public static void noGrad() {
        get();
        if (JniUtils.isGradMode()) {
            JniUtils.setGradMode(false);
        }
    }

    /** The current intra-op thread count. */
    public static int threads() {
        get();
        return JniUtils.getNumThreads();
    }

    /** Library versions for a model's provenance: DJL, PyTorch, where the natives came from. */
    public static Map<String, Object> versions() {
        Engine e = get();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("djl", Engine.getDjlVersion());
        v.put("pytorch", e.getVersion());
        v.put("natives", nativesFrom);
        if (ompWaitPolicy != null) {
            v.put("ompWaitPolicy", ompWaitPolicy);
        }
        return v;
    }
}
