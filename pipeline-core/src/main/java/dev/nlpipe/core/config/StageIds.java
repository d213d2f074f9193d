package dev.nlpipe.core.config;

import java.util.Set;

/**
 * How a stage without an {@code id} is named: by its type, and {@code TYPE#2}, {@code TYPE#3}... when
 * that is taken. A run's summary, {@code --set TYPE#N.option} and the Java builder all name stages so.
 */
public final class StageIds {
    private StageIds() {
    }

    /** The id of the next stage of {@code type} without an id of its own, added to {@code taken}. */
    public static String next(Set<String> taken, String type) {
        String id = type;
        for (int n = 2; !taken.add(id); n++) {
            id = type + "#" + n;
        }
        return id;
    }
}
