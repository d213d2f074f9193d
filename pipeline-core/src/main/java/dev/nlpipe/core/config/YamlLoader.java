package dev.nlpipe.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.io.LookedFor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML into a {@link Node} tree in which every value knows its file, line and column.
 *
 * <p>Anchors and aliases ({@code &v [a, b]} ... {@code *v}) are expanded; an alias to an undefined
 * anchor is an error at the alias. Expansion is capped at {@link #MAX_ALIAS_VALUES} values, so a
 * "billion laughs" file, a few lines that expand to billions of values, is refused at once. Files
 * over {@link #MAX_BYTES} bytes are refused before parsing: a configuration names its data in
 * other files, and parsing a huge scalar takes minutes.
 */
public final class YamlLoader {
    /** The largest configuration accepted, in bytes (or characters for text given directly). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The most values that aliases may add to a configuration by expansion. */
    public static final long MAX_ALIAS_VALUES = 100_000;

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final JsonParser parser;
    private final String source;
    private final Map<String, Node> anchors = new HashMap<>();
    private final Map<String, Long> anchorSizes = new HashMap<>();
    /** Values read so far, counting each alias as the values it stands for. */
    private long values;
    private long aliasValues;

    private YamlLoader(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    /** Reads a YAML file; a missing, oversized or malformed file is a {@link ConfigException}. */
    public static Node load(Path file) {
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(file.toString(), size + " bytes");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(new Location(file.toString(), 0, 0), "file not found" + LookedFor.from(file));
        } catch (IOException e) {
            throw new ConfigException(new Location(file.toString(), 0, 0), "cannot read: " + IoErrors.describe(e));
        }
        return parse(text, file.toString());
    }

    /** Parses YAML text; {@code source} names it in error locations. */
    public static Node parse(String yaml, String source) {
        if (yaml.length() > MAX_BYTES) {
            throw tooLarge(source, yaml.length() + " characters");
        }
        JsonParser p;
        try {
            p = FACTORY.createParser(yaml);
        } catch (IOException e) {
            throw new ConfigException(new Location(source, 0, 0), "cannot read YAML: " + e.getMessage());
        }
        try (p) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Node.MapNode(new Location(source, 1, 1));
            }
            YamlLoader loader = new YamlLoader(p, source);
            Node root = loader.read();
            if (p.nextToken() != null) {
                throw new ConfigException(loader.here(), "more than one YAML document; put everything in one");
            }
            return root;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null && y.getProblem() != null) {
                throw syntaxError(y, source);
            }
            // Some errors (nesting too deep, say) carry no location; the parser still knows where it stopped.
            JsonLocation l = e.getLocation() != null ? e.getLocation() : p.currentLocation();
            Location loc = l == null ? new Location(source, 0, 0) : new Location(source, l.getLineNr(), l.getColumnNr());
            throw new ConfigException(loc, "invalid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(new Location(source, 0, 0), "cannot read YAML: " + e.getMessage());
        }
    }

    /**
     * SnakeYAML's message is "context, then problem": the problem (a tab, say) is the useful part, at its own mark. Where
     * the context starts elsewhere (an unclosed quote or brace, found missing only lines later at the end of the file),
     * its line is where the mistake is, so it is named too.
     */
    private static ConfigException syntaxError(MarkedYAMLException y, String source) {
        Location at = location(source, y.getProblemMark());
        String problem = firstLine(y.getProblem()).strip();
        StringBuilder message = new StringBuilder("invalid YAML: ").append(problem);
        Mark c = y.getContextMark();
        if (c != null && y.getContext() != null && !location(source, c).equals(at)) {
            message.append(" (started at ").append(location(source, c)).append(": ").append(firstLine(y.getContext()).strip()).append(')');
        }
        if (problem.contains("(TAB)")) {
            message.append("; replace the tab with spaces (YAML indents with spaces only)");
        } else if (problem.startsWith("expected <block end>") && (problem.contains("'-'") || problem.contains("<block sequence start>"))) {
            // a stage pasted at the end of the file, below output:, lands outside stages:
            message.append("; a '- ...' list item must be indented under the key it belongs to (e.g. under 'stages:')");
        }
        return new ConfigException(at, message.toString());
    }

    private static Location location(String source, Mark m) {
        return new Location(source, m.getLine() + 1, m.getColumn() + 1);
    }

    private static ConfigException tooLarge(String source, String size) {
        return new ConfigException(new Location(source, 0, 0), "the configuration is " + size + ", over the limit of "
                + MAX_BYTES + "; keep data (vocabularies, word lists) in files the configuration names");
    }

    /** Reads the value at the current token, recording its anchor when it has one. */
    private Node read() throws IOException {
        Location here = here();
        if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
            return alias(y.getText(), here);
        }
        String anchor = parser.getObjectId() instanceof String s ? s : null;
        long before = values;
        Node node = readValue(here);
        if (anchor != null) {
            anchors.put(anchor, node);
            anchorSizes.put(anchor, values - before);
        }
        return node;
    }

    private Node alias(String name, Location here) {
        Node target = anchors.get(name);
        if (target == null) {
            throw new ConfigException(here, "alias '*" + name + "' names no anchor defined before it"
                    + (anchors.isEmpty() ? " (the file defines none)" : " (defined: &" + String.join(", &", anchors.keySet()) + ")"));
        }
        long size = anchorSizes.get(name);
        values += size;
        aliasValues += size;
        if (aliasValues > MAX_ALIAS_VALUES) {
            throw new ConfigException(here, "aliases expand to more than " + MAX_ALIAS_VALUES
                    + " values; write the values out, or keep them in a file the configuration names");
        }
        // Nodes are read-only once parsed, so the alias can share its anchor's tree.
        return target;
    }

    private Node readValue(Location here) throws IOException {
        values++;
        JsonToken t = parser.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Node.MapNode map = new Node.MapNode(here);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyLoc = here();
                    if ("<<".equals(key)) {
                        throw new ConfigException(keyLoc, "merge keys (<<: *anchor) are not supported; write the keys out, or"
                                + " alias the whole map (with: *anchor)");
                    }
                    if (map.entries().containsKey(key)) {
                        throw new ConfigException(keyLoc, "key '" + key + "' appears twice (first at line " + map.keyLocation(key).line() + ")");
                    }
                    parser.nextToken();
                    map.put(key, keyLoc, read());
                }
                return map;
            }
            case START_ARRAY -> {
                Node.ListNode list = new Node.ListNode(here);
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.items().add(read());
                }
                return list;
            }
            case VALUE_STRING -> {
                return new Node.ScalarNode(here, parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                // a whole number beyond long is kept (a word list may hold one); an integer option then names its range
                Object v = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue()
                        : (Object) parser.getLongValue();
                return new Node.ScalarNode(here, v, parser.getText());
            }
            case VALUE_NUMBER_FLOAT -> {
                String text = parser.getText();
                Double special = specialFloat(text);
                // Jackson cannot give .inf or .nan as a number: read as YAML means them (a text option keeps the text)
                return new Node.ScalarNode(here, special != null ? special : parser.getDoubleValue(), text);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.ScalarNode(here, t == JsonToken.VALUE_TRUE, parser.getText());
            }
            case VALUE_NULL -> {
                return new Node.ScalarNode(here, null);
            }
            default -> throw new ConfigException(here, "unsupported YAML content: " + t);
        }
    }

    /** YAML 1.1's infinities and NaN ({@code .inf}, {@code -.Inf}, {@code .NaN}), or {@code null} for another number. */
    static Double specialFloat(String text) {
        String t = text.strip();
        boolean negative = t.startsWith("-");
        String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (body.equals(".inf") || body.equals(".Inf") || body.equals(".INF")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return t.equals(".nan") || t.equals(".NaN") || t.equals(".NAN") ? Double.NaN : null;
    }

    private Location here() {
        JsonLocation l = parser.currentTokenLocation();
        return new Location(source, l.getLineNr(), l.getColumnNr());
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
