package dev.nlpipe.core.stage;

/** Whether a stage takes a model directory ({@code model:} in YAML). */
public enum ModelUse {
    NONE,
    OPTIONAL,
    REQUIRED
}
