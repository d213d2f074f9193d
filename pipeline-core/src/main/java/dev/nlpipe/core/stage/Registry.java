package dev.nlpipe.core.stage;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Suggest;
import dev.nlpipe.core.model.ModuleHints;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The registered components of one kind, by name, loaded with {@link ServiceLoader}.
 *
 * @param <T> the component kind
 */
public final class Registry<T extends Component> {
    private final String kind;
    private final Map<String, T> byName;

    /** The command that lists this kind's components. */
    private String listCommand() {
        return switch (kind) {
            case "input format", "output format" -> "nlpipe list formats";
            case "training task" -> "nlpipe list tasks";
            case "model kind" -> "nlpipe list kinds";
            default -> "nlpipe list";
        };
    }

    private Registry(String kind, Map<String, T> byName) {
        this.kind = kind;
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Loads every registered implementation of {@code type} visible to {@code loader}. */
    public static <T extends Component> Registry<T> load(Class<T> type, String kind, ClassLoader loader) {
        return of(kind, ServiceLoader.load(type, loader));
    }

    /** A registry of given components (tests, or an application that assembles its own). */
    public static <T extends Component> Registry<T> of(String kind, Iterable<? extends T> components) {
        Map<String, T> byName = new TreeMap<>();
        for (T c : components) {
            T previous = byName.putIfAbsent(c.name(), c);
            if (previous != null && previous.getClass() != c.getClass()) {
                throw new IllegalStateException("two " + kind + "s are registered as '" + c.name() + "': "
                        + previous.getClass().getName() + " and " + c.getClass().getName());
            }
        }
        return new Registry<>(kind, byName);
    }

    /** The component with this name, or a located error listing the closest valid names. */
    public T get(String name, Location where) {
        T c = byName.get(name);
        if (c == null) {
            String module = ModuleHints.forMissing(name, byName.keySet());
            String hint = module.isEmpty() ? Suggest.didYouMean(name, byName.keySet()) : "";
            throw new ConfigException(where, "unknown " + kind + " '" + name + "'" + module + hint
                    + (hint.isEmpty() && module.isEmpty() ? " (valid: " + String.join(", ", byName.keySet()) + ")" : "")
                    + "; `" + listCommand() + "` shows them all");
        }
        return c;
    }

    public T find(String name) {
        return byName.get(name);
    }

    /** All components, sorted by name. */
    public Collection<T> all() {
        return byName.values();
    }

    public Collection<String> names() {
        return byName.keySet();
    }
}
