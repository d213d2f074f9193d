package dev.nlpipe.core.doc;

/** A stage asked a document for a layer that no earlier stage added. */
public final class MissingLayerException extends RuntimeException {
    private final Layer layer;

    public MissingLayerException(Layer layer, String stage) {
        super("stage '" + stage + "' needs the '" + layer.key() + "' layer, which this document does not have;"
                + " add a stage that provides it before '" + stage + "' (see `nlpipe list`)");
        this.layer = layer;
    }

    /** A layer that is there, but without the part a stage asked for (a vector of another name), said in {@code message}. */
    public MissingLayerException(Layer layer, String stage, String message) {
        super("stage '" + stage + "' " + message);
        this.layer = layer;
    }

    public Layer layer() {
        return layer;
    }
}
