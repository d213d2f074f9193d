package dev.nlpipe.core.config;

/**
 * A configuration or usage error found before any document is read. Its message reads
 * {@code FILE:LINE:COLUMN: what is wrong (and how to fix it)}; the command line exits with code 2.
 */
public class ConfigException extends RuntimeException {
    private final Location location;
    private final String problem;

    public ConfigException(Location location, String problem) {
        super(prefix(location) + problem);
        this.location = location;
        this.problem = problem;
    }

    public ConfigException(Location location, String problem, Throwable cause) {
        super(prefix(location) + problem, cause);
        this.location = location;
        this.problem = problem;
    }

    // A value given in code (Pipeline.builder()) has no file to point at; "<default>:" would only confuse.
    private static String prefix(Location location) {
        return location == null || location.equals(Location.NONE) ? "" : location + ": ";
    }

    public Location location() {
        return location;
    }

    /** The message without the location prefix. */
    public String problem() {
        return problem;
    }
}
