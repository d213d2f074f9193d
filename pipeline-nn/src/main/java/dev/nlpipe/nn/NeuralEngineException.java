package dev.nlpipe.nn;

/**
 * The neural engine cannot start or cannot do what was asked (native libraries missing, a GPU
 * requested where none is visible). The message says what is wrong and how to fix it.
 */
public final class NeuralEngineException extends RuntimeException {
    public NeuralEngineException(String message) {
        super(message);
    }

    public NeuralEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
