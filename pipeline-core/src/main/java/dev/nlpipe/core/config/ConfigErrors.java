package dev.nlpipe.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the configuration errors of one pass, so that a file with three mistakes is reported
 * with all three, compiler-style, instead of one per run. A check that fails is recorded and the
 * pass goes on; {@link #throwIfAny()} ends it.
 */
public final class ConfigErrors {
    private final List<ConfigException> errors = new ArrayList<>();

    /** Runs {@code check}; on a {@link ConfigException} records it (every error it bundles) and returns {@code null}. */
    public <T> T collect(Supplier<T> check) {
        try {
            return check.get();
        } catch (ConfigException e) {
            add(e);
            return null;
        }
    }

    /** Runs {@code check}, recording a {@link ConfigException} instead of throwing it; returns whether it passed. */
    public boolean run(Runnable check) {
        try {
            check.run();
            return true;
        } catch (ConfigException e) {
            add(e);
            return false;
        }
    }

    /** Records an error (every error it bundles). */
    public void add(ConfigException e) {
        errors.addAll(e.errors());
    }

    /** Whether no error is recorded. */
    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** How many errors are recorded so far. */
    public int size() {
        return errors.size();
    }

    /** Throws the recorded errors as one {@link ConfigException} (the first error's location, every message on its own line). */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ConfigException.combine(errors);
        }
    }
}
