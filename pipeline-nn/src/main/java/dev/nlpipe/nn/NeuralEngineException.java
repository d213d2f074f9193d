package dev.nlpipe.nn;

/**
 * The neural engine cannot start or cannot do what was asked (native libraries missing, a GPU
 * requested where none is visible). The message says what is wrong and how to fix it.
 */
public final class NeuralEngineException extends RuntimeException {
    private final boolean setting;

    public NeuralEngineException(String message) {
        this(message, null, false);
    }

    public NeuralEngineException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private NeuralEngineException(String message, Throwable cause, boolean setting) {
        super(message, cause);
        this.setting = setting;
    }

    /** A setting that asks for what this machine does not have (a GPU where none is visible): the command line's usage error. */
    public static NeuralEngineException ofSetting(String message) {
        return new NeuralEngineException(message, null, true);
    }

    /** Whether a setting asked for what this machine does not have, rather than the engine failing. */
    public boolean isSetting() {
        return setting;
    }
}
