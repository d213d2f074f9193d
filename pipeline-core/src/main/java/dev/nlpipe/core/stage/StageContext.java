package dev.nlpipe.core.stage;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Options;
import java.nio.file.Path;

/**
 * Everything a {@link StageProvider} needs to build its processor: the validated options, the
 * model directory (already checked to exist when one was given), and where the stage was declared.
 *
 * @param id the stage's id in the pipeline (its {@code id:} or its type)
 * @param type the registered stage name
 * @param options the validated options
 * @param model the model directory, or {@code null}
 * @param location where the stage is declared
 * @param modelLocation where {@code model:} is written, or the stage's location
 */
public record StageContext(String id, String type, Options options, Path model, Location location, Location modelLocation) {

    /** A configuration error about this stage, located at its declaration. */
    public ConfigException error(String problem) {
        return new ConfigException(location, "stage '" + id + "': " + problem);
    }

    /** A configuration error about this stage's model directory. */
    public ConfigException modelError(String problem) {
        return new ConfigException(modelLocation, "stage '" + id + "': model " + model + ": " + problem);
    }
}
