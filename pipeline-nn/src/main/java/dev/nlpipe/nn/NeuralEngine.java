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
        ompWaitPolicy = OpenMpSettings.apply();
        try {
            Engine e = Engine.getEngine(NAME);
            e.getVersion();
            return e;
        } catch (IllegalArgumentException | LinkageError | IllegalStateException | ai.djl.engine.EngineException e) {
            throw new NeuralEngineException("the PyTorch engine could not start (natives from " + nativesFrom + "): "
                    + rootMessage(e) + ". Check that the pytorch-native and pytorch-jni jars are both version 2.7.1 "
                    + "for DJL 0.35.1, and that ~/.djl.ai (or DJL_CACHE_DIR) is writable: the natives are extracted there once.", e);
        }
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
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The number of GPUs DJL sees (0 with the CPU natives). */
    public static int gpuCount() {
        return get().getGpuCount();
    }

    /**
     * Sets the number of threads one operator may use (PyTorch's intra-op threads, process-wide);
     * {@code 0} or less means all cores. Set on every use, since an earlier training or model in this
     * JVM may have changed it.
     */
    public static void setThreads(int threads) {
        get();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        if (JniUtils.getNumThreads() != n) {
            JniUtils.setNumThreads(n);
        }
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
