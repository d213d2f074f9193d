package dev.nlpipe.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Parses YAML into a {@link Node} tree in which every value knows its file, line and column. */
public final class YamlLoader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlLoader() {
    }

    /** Reads a YAML file; a missing or malformed file is a {@link ConfigException}. */
    public static Node load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(new Location(file.toString(), 0, 0), "file not found (looked for " + file.toAbsolutePath().normalize()
                    + " from the working directory " + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new ConfigException(new Location(file.toString(), 0, 0), "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses YAML text; {@code source} names it in error locations. */
    public static Node parse(String yaml, String source) {
        try (JsonParser p = FACTORY.createParser(yaml)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Node.MapNode(new Location(source, 1, 1));
            }
            Node root = read(p, source);
            if (p.nextToken() != null) {
                throw new ConfigException(at(p, source), "more than one YAML document; put everything in one");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Location loc = l == null ? new Location(source, 0, 0) : new Location(source, l.getLineNr(), l.getColumnNr());
            throw new ConfigException(loc, "invalid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(new Location(source, 0, 0), "cannot read YAML: " + e.getMessage());
        }
    }

    private static Node read(JsonParser p, String source) throws IOException {
        Location here = at(p, source);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Node.MapNode map = new Node.MapNode(here);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyLoc = at(p, source);
                    if (map.entries().containsKey(key)) {
                        throw new ConfigException(keyLoc, "key '" + key + "' appears twice (first at line " + map.keyLocation(key).line() + ")");
                    }
                    p.nextToken();
                    map.put(key, keyLoc, read(p, source));
                }
                return map;
            }
            case START_ARRAY -> {
                Node.ListNode list = new Node.ListNode(here);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.items().add(read(p, source));
                }
                return list;
            }
            case VALUE_STRING -> {
                return new Node.ScalarNode(here, p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new Node.ScalarNode(here, p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Node.ScalarNode(here, p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.ScalarNode(here, t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return new Node.ScalarNode(here, null);
            }
            default -> throw new ConfigException(here, "unsupported YAML content: " + t);
        }
    }

    private static Location at(JsonParser p, String source) {
        JsonLocation l = p.currentTokenLocation();
        return new Location(source, l.getLineNr(), l.getColumnNr());
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
