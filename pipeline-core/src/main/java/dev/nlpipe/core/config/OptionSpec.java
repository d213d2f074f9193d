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
 * @param min the smallest value a number option (or each item of a number list) may be given, or {@code null}
 * @param max the largest value a number option (or each item of a number list) may be given, or {@code null}
 * @param firstDefault what runs did before the option existed, when its default changed after it was
 *     added ({@link #addedWithDefault}), else {@code null}: options are added with the old behaviour
 *     as their default, and this keeps that behaviour known once the default moves on
 * @param givesWay the value this option takes, left unset, when another option is given
 *     ({@link #givingWayTo}), else {@code null}
 */
public record OptionSpec(String name, OptionType type, Object defaultValue, String description, boolean required,
                         List<String> choices, Number min, Number max, Object firstDefault, GivesWay givesWay) {

    /**
     * An unset option's value when {@code option} is given instead of the default.
     *
     * @param option the other option
     * @param value what this one then holds
     */
    public record GivesWay(String option, Object value) {
    }

    public OptionSpec {
        choices = List.copyOf(choices);
    }

    /** An option without a range. */
    public OptionSpec(String name, OptionType type, Object defaultValue, String description, boolean required, List<String> choices) {
        this(name, type, defaultValue, description, required, choices, null, null, null, null);
    }

    /** An option that gives way to no other (the record's form before {@link #givingWayTo}, kept for plugins). */
    public OptionSpec(String name, OptionType type, Object defaultValue, String description, boolean required, List<String> choices,
                      Number min, Number max, Object firstDefault) {
        this(name, type, defaultValue, description, required, choices, min, max, firstDefault, null);
    }

    /** An option whose default never changed. */
    public OptionSpec(String name, OptionType type, Object defaultValue, String description, boolean required, List<String> choices,
                      Number min, Number max) {
        this(name, type, defaultValue, description, required, choices, min, max, null, null);
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
        return new OptionSpec(name, type, defaultValue, description, true, choices, min, max, firstDefault, givesWay);
    }

    /** This option with another default. */
    public OptionSpec withDefault(Object newDefault) {
        return new OptionSpec(name, type, newDefault, description, required, choices, min, max, firstDefault, givesWay);
    }

    /**
     * This option, accepting only given values from {@code lowest} to {@code highest} (inclusive; for a
     * list, each item). The default is not checked, so a default such as 0 may stand for "automatic"
     * while a user who writes 0 is told the range.
     */
    public OptionSpec between(Number lowest, Number highest) {
        return new OptionSpec(name, type, defaultValue, description, required, choices, lowest, highest, firstDefault, givesWay);
    }

    /**
     * This option, whose default was {@code first} when it was added: a training checkpoint written
     * before the option existed ran as {@code first}, and continues only with that value.
     */
    public OptionSpec addedWithDefault(Object first) {
        return new OptionSpec(name, type, defaultValue, description, required, choices, min, max, first, givesWay);
    }

    /**
     * This option, holding {@code value} when it is left unset and {@code other} is given: a task's
     * default of one kind gives way to the user's setting of the other ({@code warmupRatio} to
     * {@code warmupSteps}), and the resolved options, which {@code model.json} records and
     * checkpoints compare, say what the run does.
     */
    public OptionSpec givingWayTo(String other, Object value) {
        return new OptionSpec(name, type, defaultValue, description, required, choices, min, max, firstDefault,
                new GivesWay(other, value));
    }
}
