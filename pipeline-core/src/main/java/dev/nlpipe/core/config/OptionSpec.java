package dev.nlpipe.core.config;

import java.util.List;

/**
 * One option a component accepts, declared by the component's own code: name, type, default,
 * description, and for strings an optional closed set of choices.
 *
 * @param name the key in YAML ({@code with: {name: value}})
 * @param type the value type
 * @param defaultValue the typed default, or {@code null} for none
 * @param description one line for {@code nlpipe list}
 * @param required whether the option must be given
 * @param choices allowed values of a string option, empty for any
 */
public record OptionSpec(String name, OptionType type, Object defaultValue, String description, boolean required,
                         List<String> choices) {

    public OptionSpec {
        choices = List.copyOf(choices);
    }

    public static OptionSpec string(String name, String defaultValue, String description) {
        return new OptionSpec(name, OptionType.STRING, defaultValue, description, false, List.of());
    }

    /** A string option restricted to {@code choices}; the default must be one of them. */
    public static OptionSpec choice(String name, String defaultValue, String description, String... choices) {
        return new OptionSpec(name, OptionType.STRING, defaultValue, description, false, List.of(choices));
    }

    public static OptionSpec integer(String name, Integer defaultValue, String description) {
        return new OptionSpec(name, OptionType.INT, defaultValue, description, false, List.of());
    }

    public static OptionSpec number(String name, Number defaultValue, String description) {
        return new OptionSpec(name, OptionType.NUMBER, defaultValue, description, false, List.of());
    }

    public static OptionSpec bool(String name, boolean defaultValue, String description) {
        return new OptionSpec(name, OptionType.BOOLEAN, defaultValue, description, false, List.of());
    }

    public static OptionSpec stringList(String name, List<String> defaultValue, String description) {
        return new OptionSpec(name, OptionType.STRING_LIST, defaultValue, description, false, List.of());
    }

    public static OptionSpec intList(String name, List<Integer> defaultValue, String description) {
        return new OptionSpec(name, OptionType.INT_LIST, defaultValue, description, false, List.of());
    }

    public static OptionSpec path(String name, String description) {
        return new OptionSpec(name, OptionType.PATH, null, description, false, List.of());
    }

    public static OptionSpec pathList(String name, String description) {
        return new OptionSpec(name, OptionType.PATH_LIST, List.of(), description, false, List.of());
    }

    public static OptionSpec map(String name, String description) {
        return new OptionSpec(name, OptionType.MAP, null, description, false, List.of());
    }

    public static OptionSpec any(String name, String description) {
        return new OptionSpec(name, OptionType.ANY, null, description, false, List.of());
    }

    /** This option, made mandatory. */
    public OptionSpec asRequired() {
        return new OptionSpec(name, type, defaultValue, description, true, choices);
    }

    /** This option with another default. */
    public OptionSpec withDefault(Object newDefault) {
        return new OptionSpec(name, type, newDefault, description, required, choices);
    }
}
