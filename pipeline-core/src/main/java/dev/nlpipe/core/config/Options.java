package dev.nlpipe.core.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Validated, typed option values of one component (a stage, reader, writer or trainer section),
 * with defaults filled in and the location of every value kept for later error messages.
 */
public final class Options {
    private final String owner;
    private final Location ownerLocation;
    private final Map<String, OptionSpec> specs;
    private final Map<String, Object> values;
    private final Map<String, Location> locations;
    private final String keyPrefix;
    private final String assign;

    private Options(String owner, Location ownerLocation, Map<String, OptionSpec> specs, Map<String, Object> values,
                    Map<String, Location> locations, String keyPrefix, String assign) {
        this.owner = owner;
        this.ownerLocation = ownerLocation;
        this.specs = specs;
        this.values = values;
        this.locations = locations;
        this.keyPrefix = keyPrefix;
        this.assign = assign;
    }

    /**
     * Checks a YAML map against the declared options: unknown keys (with the closest valid ones),
     * wrong value types, values outside a choice list, missing required options.
     *
     * @param owner how messages name the component ("stage 'tokenize.regex'")
     * @param given the YAML map, or {@code null} when the section is absent
     * @param ownerLocation where the component is declared, for missing-option errors
     * @param declared the options the component accepts
     */
    public static Options validate(String owner, Node.MapNode given, Location ownerLocation, List<OptionSpec> declared) {
        return validate(owner, given, ownerLocation, declared, null);
    }

    /**
     * As {@link #validate(String, Node.MapNode, Location, List)}, for a section that {@code --set}
     * reaches as {@code setPath.KEY}: an unknown key written in the file also names the
     * {@code --set setPath.KEY=} that drops it, since such a key is often left over from a file
     * whose format or task a {@code --set} switched.
     *
     * @param setPath the section's {@code --set} prefix ({@code data}, {@code train}, a stage id), or {@code null}
     */
    public static Options validate(String owner, Node.MapNode given, Location ownerLocation, List<OptionSpec> declared,
                                   String setPath) {
        return validate(owner, given, ownerLocation, declared, setPath, List.of());
    }

    /**
     * As {@link #validate(String, Node.MapNode, Location, List, String)}, for options that share their
     * section with other keys ({@code input:}'s {@code path}, {@code format}...): an unknown key is
     * also compared with those, so {@code formt} is told {@code format}.
     *
     * @param sectionKeys the section's own keys, read apart from the options
     */
    public static Options validate(String owner, Node.MapNode given, Location ownerLocation, List<OptionSpec> declared,
                                   String setPath, List<String> sectionKeys) {
        Map<String, OptionSpec> specs = new LinkedHashMap<>();
        for (OptionSpec s : declared) {
            specs.put(s.name(), s);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Location> locations = new LinkedHashMap<>();
        Set<String> bad = new HashSet<>();
        ConfigErrors errors = new ConfigErrors();
        if (given != null) {
            for (Map.Entry<String, Node> e : given.entries().entrySet()) {
                OptionSpec spec = specs.get(e.getKey());
                if (spec == null) {
                    Location at = given.keyLocation(e.getKey());
                    List<String> valid = new ArrayList<>(sectionKeys);
                    valid.addAll(specs.keySet());
                    errors.add(new ConfigException(at, "unknown option '" + e.getKey() + "' for "
                            + owner + Suggest.didYouMean(e.getKey(), valid) + validKeys(specs, sectionKeys, setPath)
                            + dropHint(setPath, e.getKey(), at)));
                    continue;
                }
                int before = errors.size();
                Object v = errors.collect(() -> convert(owner, spec, e.getValue()));
                if (errors.size() > before) {
                    bad.add(spec.name()); // already reported as a bad value; "needs option" would repeat it
                } else if (v != null) {
                    values.put(spec.name(), v);
                    locations.put(spec.name(), e.getValue().location());
                }
            }
        }
        for (OptionSpec s : declared) {
            if (!values.containsKey(s.name())) {
                if (s.required() && !bad.contains(s.name())) {
                    errors.add(new ConfigException(ownerLocation, owner + " needs option '" + s.name() + "' (" + s.type().display()
                            + "): " + s.description()));
                    continue;
                }
                if (s.givesWay() != null && locations.containsKey(s.givesWay().option())) {
                    values.put(s.name(), s.givesWay().value());
                } else if (s.defaultValue() != null) {
                    values.put(s.name(), s.defaultValue());
                }
            }
        }
        errors.throwIfAny();
        return new Options(owner, ownerLocation, specs, values, locations, setPath == null ? "" : setPath + ".", ": ");
    }

    /** Options built in code (Java API): the map's values are checked like YAML values. */
    public static Options of(String owner, Map<String, ?> given, List<OptionSpec> declared) {
        Node.MapNode map = new Node.MapNode(Location.NONE);
        if (given != null) {
            given.forEach((k, v) -> map.put(k, Location.NONE, PlainNodes.toNode(v, Location.NONE)));
        }
        return validate(owner, map, Location.NONE, declared);
    }

    private static String dropHint(String setPath, String key, Location at) {
        int colon = key.indexOf(':');
        if (colon > 0 && colon < key.length() - 1 && !Character.isWhitespace(key.charAt(colon + 1))) {
            // {minTokens:3} is one key with no value in a YAML flow map: the fix is a space, not dropping the key
            return Sections.spaceAfterColon(key, "key", "{ ", " }");
        }
        // a value with no place in a file (the Java builder, a command's --with) is not dropped with --set
        return setPath == null || Overrides.isOverride(at) || at.line() <= 0 ? ""
                : "; to drop it without editing the file: --set " + setPath + "." + key + "=";
    }

    private static String validKeys(Map<String, OptionSpec> specs, List<String> sectionKeys, String section) {
        String options = specs.isEmpty() ? "it takes no options" : "valid options: " + String.join(", ", specs.keySet());
        return sectionKeys.isEmpty() ? " (" + options + ")"
                : " (" + options + "; the keys of " + section + ": " + String.join(", ", sectionKeys) + ")";
    }

    private static Object convert(String owner, OptionSpec spec, Node node) {
        String what = "option '" + spec.name() + "' of " + owner;
        if (node instanceof Node.ScalarNode s && s.isNull()) {
            if (spec.required()) {
                throw new ConfigException(node.location(), what + " must not be empty");
            }
            // YAML's null is Python's None: norm: null is scikit-learn's norm=None, no normalization, not the default l2
            // (--set KEY= still drops an option back to its default)
            if (spec.choices().contains("none") && !Overrides.isOverride(node.location())) {
                return "none";
            }
            return null;
        }
        return switch (spec.type()) {
            case STRING -> {
                String v = scalar(node, what, "a string").asText();
                // a choice of true/false written as YAML 1.1 writes booleans (stripAccents: no) means the boolean
                Boolean word = booleanWord(v);
                if (!spec.choices().isEmpty() && !spec.choices().contains(v) && word != null && spec.choices().contains(String.valueOf(word))) {
                    v = String.valueOf(word);
                }
                if (!spec.choices().isEmpty() && !spec.choices().contains(v)) {
                    throw new ConfigException(node.location(), what + " must be one of " + String.join(", ", spec.choices())
                            + ", not '" + v + "'" + Suggest.didYouMean(v, spec.choices()));
                }
                yield v;
            }
            case INT -> inRange(spec, node, toInt(scalar(node, what, "an integer"), spec, what), what);
            case NUMBER -> inRange(spec, node, toNumber(scalar(node, what, "a number"), what), what);
            case BOOLEAN -> toBoolean(scalar(node, what, "true or false"), what);
            case PATH -> Path.of(scalar(node, what, "a path").asText());
            case STRING_LIST -> {
                List<String> out = new ArrayList<>();
                for (Node item : items(node)) {
                    out.add(scalar(item, what, "a list of strings").asText());
                }
                yield Collections.unmodifiableList(out);
            }
            case INT_LIST -> {
                List<Integer> out = new ArrayList<>();
                for (Node item : items(node)) {
                    out.add(inRange(spec, item, toInt(scalar(item, what, "a list of integers"), spec, what), what));
                }
                yield Collections.unmodifiableList(out);
            }
            case NUMBER_LIST -> {
                List<Number> out = new ArrayList<>();
                for (Node item : items(node)) {
                    out.add(inRange(spec, item, toNumber(scalar(item, what, "a list of numbers"), what), what));
                }
                yield Collections.unmodifiableList(out);
            }
            case PATH_LIST -> {
                List<Path> out = new ArrayList<>();
                for (Node item : items(node)) {
                    out.add(Path.of(scalar(item, what, "a list of paths").asText()));
                }
                yield Collections.unmodifiableList(out);
            }
            case MAP -> {
                if (!(node instanceof Node.MapNode m)) {
                    throw new ConfigException(node.location(), what + " must be a map, not " + node.describe());
                }
                yield m.toPlain();
            }
            case ANY -> node.toPlain();
        };
    }

    /** A list node's items, or a single scalar as a one-item list (so {@code x: a} means {@code x: [a]}). */
    private static List<Node> items(Node node) {
        if (node instanceof Node.ListNode l) {
            return l.items();
        }
        return List.of(node);
    }

    private static Node.ScalarNode scalar(Node node, String what, String expected) {
        if (node instanceof Node.ScalarNode s && !s.isNull()) {
            return s;
        }
        throw new ConfigException(node.location(), what + " must be " + expected + ", not " + node.describe());
    }

    /** The value when it lies in the option's declared range; an error at the value's location otherwise. */
    private static <N extends Number> N inRange(OptionSpec spec, Node node, N value, String what) {
        double v = value.doubleValue();
        boolean low = spec.min() != null && v < spec.min().doubleValue();
        boolean high = spec.max() != null && v > spec.max().doubleValue();
        if (low || high) {
            throw new ConfigException(node.location(), what + " must be " + range(spec) + ", not " + value);
        }
        return value;
    }

    /** The option's declared range in words ("between 1 and 10", "at least 0"); {@code int}'s when none is declared. */
    private static String range(OptionSpec spec) {
        if (spec.min() == null && spec.max() == null) {
            return "between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
        }
        return spec.min() != null && spec.max() != null ? "between " + spec.min() + " and " + spec.max()
                : spec.min() != null ? "at least " + spec.min() : "at most " + spec.max();
    }

    private static Integer toInt(Node.ScalarNode s, OptionSpec spec, String what) {
        Object v = s.value();
        if (v instanceof Long && s.text() != null && s.text().strip().matches("[-+]?0\\d+")) {
            // 010 is the octal 8 to YAML 1.1 but ten to everyone writing a configuration, and to the recorded text
            v = Long.parseLong(s.text().strip());
        }
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (v instanceof Long || v instanceof java.math.BigInteger) {
            // a whole number, only too large: say which ones are allowed
            throw new ConfigException(s.location(), what + " must be " + range(spec) + ", not " + s.asText());
        }
        if (v instanceof String str) {
            Long whole = yamlInteger(str);
            if (whole != null && whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE) {
                return whole.intValue();
            }
        }
        throw new ConfigException(s.location(), what + " must be an integer, not " + s.describe());
    }

    private static Number toNumber(Node.ScalarNode s, String what) {
        Number n = parseNumber(s);
        if (n == null) {
            throw new ConfigException(s.location(), what + " must be a number, not " + s.describe());
        }
        if (!Double.isFinite(n.doubleValue())) {
            // no option means anything by NaN or an infinity: a rate, weight or tolerance of NaN trains a model that predicts nothing
            throw new ConfigException(s.location(), what + " must be a finite number, not " + s.describe());
        }
        return n;
    }

    private static Number parseNumber(Node.ScalarNode s) {
        Object v = s.value();
        if (v instanceof Long || v instanceof Double) {
            return (Number) v;
        }
        if (v instanceof java.math.BigInteger b) {
            return b.doubleValue();
        }
        if (v instanceof String str) {
            Long whole = yamlInteger(str);
            if (whole != null) {
                return whole;
            }
            Double special = YamlLoader.specialFloat(str);
            if (special != null) {
                return special;
            }
            try {
                return Double.parseDouble(str.strip().replace("_", ""));
            } catch (NumberFormatException ignored) {
                // not a number
            }
        }
        return null;
    }

    /**
     * A whole number in the text forms YAML 1.1 reads as one ({@code 65_536}, {@code 0x10},
     * {@code 0b101}, {@code +7}; a leading zero is decimal, as {@link #toInt} reads it), or
     * {@code null}: a model's {@code model.json} keeps such a value as its text, and loading the
     * model must read it as training did.
     */
    static Long yamlInteger(String text) {
        String t = text.strip().replace("_", "");
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        int radix = 10;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0b") || t.startsWith("0B")) {
            radix = 2;
            t = t.substring(2);
        } else if (t.startsWith("0o")) {
            radix = 8;
            t = t.substring(2);
        }
        if (t.isEmpty() || t.startsWith("-") || t.startsWith("+")) {
            return null;
        }
        try {
            long n = Long.parseLong(t, radix);
            return negative ? -n : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The boolean a YAML 1.1 boolean word means ({@code true}, {@code yes}, {@code on}, {@code false},
     * {@code no}, {@code off}, any case), or {@code null} for any other text: a configuration keeps
     * such words as written, and whatever reads them as booleans reads them through this.
     */
    public static Boolean booleanWord(String text) {
        return BOOLEAN_WORDS.get(text.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static final Map<String, Boolean> BOOLEAN_WORDS = Map.of("true", true, "false", false, "yes", true, "no", false,
            "on", true, "off", false);

    private static Boolean toBoolean(Node.ScalarNode s, String what) {
        Object v = s.value();
        if (v instanceof Boolean b) {
            return b;
        }
        // YAML 1.1's words for booleans, as text: a boolean recorded as written (see Node.ScalarNode#toPlain)
        Boolean word = v instanceof String str ? booleanWord(str) : null;
        if (word != null) {
            return word;
        }
        throw new ConfigException(s.location(), what + " must be true or false, not " + s.describe());
    }

    /**
     * The same options, named in messages as the user gives them somewhere else than a YAML section:
     * {@code writtenAs("--option ", "=")} for a command's {@code --option KEY=VALUE}.
     *
     * @param keyPrefix what comes before an option's name
     * @param assign what comes between the name and a value
     */
    public Options writtenAs(String keyPrefix, String assign) {
        return new Options(owner, ownerLocation, specs, values, locations, keyPrefix, assign);
    }

    /**
     * How the user writes an option where these options came from, for messages that tell which
     * to change: {@code data.textColumn} in a training file, {@code input.textColumn} in a pipeline,
     * {@code --option textColumn} on a command line, the bare name from code.
     */
    public String written(String name) {
        return keyPrefix + name;
    }

    /** How the user writes an option with a value: {@code data.header: false}, {@code --option header=false}. */
    public String written(String name, String value) {
        return keyPrefix + name + assign + value;
    }

    /** How messages name the owner of these options. */
    public String owner() {
        return owner;
    }

    /** Whether the owner takes this option at all (unlike {@link #has}, never an error for one it does not). */
    public boolean declares(String name) {
        return specs.containsKey(name);
    }

    /** Whether the option has a value (given or defaulted). */
    public boolean has(String name) {
        return values.containsKey(checked(name));
    }

    /** The default the option had when it was added, where that default later changed ({@link OptionSpec#firstDefault}), else {@code null}. */
    public Object firstDefault(String name) {
        OptionSpec spec = specs.get(name);
        return spec == null ? null : spec.firstDefault();
    }

    /** Whether the option was written in the configuration (not defaulted). */
    public boolean isSet(String name) {
        return locations.containsKey(checked(name));
    }

    public Object get(String name) {
        return values.get(checked(name));
    }

    public String getString(String name) {
        return (String) get(name);
    }

    public int getInt(String name) {
        return ((Number) require(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    /** A NUMBER option as given: a {@link Long} when written as an integer, else a {@link Double}. */
    public Number getNumber(String name) {
        return (Number) get(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    public Path getPath(String name) {
        return (Path) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> getStringList(String name) {
        Object v = get(name);
        return v == null ? List.of() : (List<String>) v;
    }

    @SuppressWarnings("unchecked")
    public List<Integer> getIntList(String name) {
        Object v = get(name);
        return v == null ? List.of() : (List<Integer>) v;
    }

    @SuppressWarnings("unchecked")
    public List<Number> getNumberList(String name) {
        Object v = get(name);
        return v == null ? List.of() : (List<Number>) v;
    }

    @SuppressWarnings("unchecked")
    public List<Path> getPathList(String name) {
        Object v = get(name);
        return v == null ? List.of() : (List<Path>) v;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String name) {
        Object v = get(name);
        return v == null ? Map.of() : (Map<String, Object>) v;
    }

    /** All values (given and defaulted), for provenance records. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof Path p ? p.toString() : v));
        return out;
    }

    /**
     * The existing files and directories the values name, by option: each value, or element of a
     * list, that is the path of one. Found by value rather than by type because a source list may
     * mix built-in names with files ({@code lexicon: [hanlp, words.txt]}). Used to tell when a run
     * reads other contents under the same options (checkpoints, scheduled pipelines).
     */
    public Map<String, List<Path>> namedFiles() {
        Map<String, List<Path>> out = new TreeMap<>();
        values.forEach((name, value) -> {
            List<Path> named = (value instanceof List<?> list ? list.stream() : Stream.of(value))
                    .map(Options::existingPath).filter(Objects::nonNull).toList();
            if (!named.isEmpty()) {
                out.put(name, named);
            }
        });
        return out;
    }

    /** The existing file or directory a value names (a path, or a string that parses as one), else {@code null}. */
    public static Path existingPath(Object value) {
        if (value instanceof Path p) {
            return Files.exists(p) ? p : null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            return null;
        }
        try {
            Path p = Path.of(s);
            return Files.exists(p) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Where the option's value was written, or the owner's location when it was defaulted. */
    public Location location(String name) {
        return locations.getOrDefault(name, ownerLocation);
    }

    /** A configuration error about one option, located at its value. */
    public ConfigException error(String name, String problem) {
        return new ConfigException(location(name), "option '" + name + "' of " + owner + ": " + problem);
    }

    private Object require(String name) {
        Object v = get(name);
        if (v == null) {
            throw new ConfigException(ownerLocation, owner + " needs option '" + name + "'");
        }
        return v;
    }

    private String checked(String name) {
        if (!specs.containsKey(name)) {
            throw new IllegalArgumentException(owner + " did not declare option '" + name + "'");
        }
        return name;
    }
}
