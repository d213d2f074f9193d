package dev.nlpipe.core.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration or usage error found before any document is read. Its message reads
 * {@code FILE:LINE:COLUMN: what is wrong (and how to fix it)}; the command line exits with code 2.
 * One exception may bundle every error a pass found ({@link #errors()}); its message then has one
 * such line per error.
 */
public class ConfigException extends RuntimeException {
    private final Location location;
    private final String problem;
    private final List<ConfigException> bundled;

    public ConfigException(Location location, String problem) {
        super(prefix(location) + problem);
        this.location = location;
        this.problem = problem;
        this.bundled = null;
    }

    private ConfigException(List<ConfigException> errors) {
        super(errors.stream().map(Throwable::getMessage).collect(Collectors.joining("\n"))
                + "\n" + errors.size() + " errors; fix them all before running again");
        this.location = errors.get(0).location;
        this.problem = errors.get(0).problem;
        this.bundled = List.copyOf(errors);
    }

    /** One exception for {@code errors}: the error itself when there is one, else a bundle of them all. */
    public static ConfigException combine(List<ConfigException> errors) {
        return errors.size() == 1 ? errors.get(0) : new ConfigException(errors);
    }

    /** The errors this exception reports: itself, or each one it bundles. */
    public List<ConfigException> errors() {
        return bundled == null ? List.of(this) : bundled;
    }

    public ConfigException(Location location, String problem, Throwable cause) {
        super(prefix(location) + problem, cause);
        this.location = location;
        this.problem = problem;
        this.bundled = null;
    }

    // A value given in code (Pipeline.builder()) has no file to point at; "<default>:" would only confuse.
    private static String prefix(Location location) {
        return location == null || location.equals(Location.NONE) ? "" : location + ": ";
    }

    public Location location() {
        return location;
    }

    /** The message without the location prefix (of the first error, for a bundle). */
    public String problem() {
        return problem;
    }
}
