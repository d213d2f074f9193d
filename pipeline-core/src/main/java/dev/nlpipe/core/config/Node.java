package dev.nlpipe.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, so every configuration error can name
 * {@code FILE:LINE:COLUMN}.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    Location location();

    /** The value as plain Java objects (maps, lists, strings, numbers, booleans, null). */
    Object toPlain();

    /** A short description of the value's kind for messages ("a map", "a list", "the text 'abc'"). */
    String describe();

    /** A mapping; keys keep their order and their own locations. */
    final class MapNode implements Node {
        private final Location location;
        private final Map<String, Node> entries = new LinkedHashMap<>();
        private final Map<String, Location> keyLocations = new LinkedHashMap<>();

        public MapNode(Location location) {
            this.location = location;
        }

        @Override
        public Location location() {
            return location;
        }

        public Map<String, Node> entries() {
            return entries;
        }

        public Node get(String key) {
            return entries.get(key);
        }

        /** Where the key itself was written, or the map's location when unknown. */
        public Location keyLocation(String key) {
            return keyLocations.getOrDefault(key, location);
        }

        public void put(String key, Location keyLocation, Node value) {
            entries.put(key, value);
            keyLocations.put(key, keyLocation);
        }

        /** Removes a key and its value, if present. */
        public void remove(String key) {
            entries.remove(key);
            keyLocations.remove(key);
        }

        @Override
        public Object toPlain() {
            Map<String, Object> m = new LinkedHashMap<>();
            entries.forEach((k, v) -> m.put(k, v.toPlain()));
            return m;
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A sequence. */
    final class ListNode implements Node {
        private final Location location;
        private final List<Node> items = new ArrayList<>();

        public ListNode(Location location) {
            this.location = location;
        }

        @Override
        public Location location() {
            return location;
        }

        public List<Node> items() {
            return items;
        }

        @Override
        public Object toPlain() {
            List<Object> l = new ArrayList<>();
            items.forEach(i -> l.add(i.toPlain()));
            return l;
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar: a string, a number (Long, BigInteger beyond long, or Double), a boolean, or null.
     *
     * @param location where it is written
     * @param value what YAML read it as
     * @param text the scalar as written ({@code on} for the boolean true, {@code 010} for YAML 1.1's octal 8), or
     *     {@code null} for a null
     */
    record ScalarNode(Location location, Object value, String text) implements Node {
        /** A scalar whose text is its value's ({@code String.valueOf}). */
        public ScalarNode(Location location, Object value) {
            this(location, value, value == null ? null : String.valueOf(value));
        }

        /**
         * The value, except where YAML 1.1 read a text as something a plain value would not say back:
         * a boolean written otherwise than {@code true}/{@code false} ({@code on}, {@code no}), or a
         * number whose text is not that number in decimal ({@code 010}, octal 8). Those stay their text,
         * so a stop word {@code on} recorded in a model's {@code model.json} reads back as the word; a
         * boolean or integer option reads the text as YAML did not, {@code 010} as 10 both ways.
         */
        @Override
        public Object toPlain() {
            if (text == null || value == null || text.equals(String.valueOf(value))) {
                return value;
            }
            if (value instanceof Boolean) {
                return text;
            }
            if (value instanceof Number n) {
                try {
                    return new java.math.BigDecimal(text.strip()).compareTo(new java.math.BigDecimal(n.toString())) == 0 ? value : text;
                } catch (NumberFormatException notDecimal) {
                    return text;
                }
            }
            return value;
        }

        public boolean isNull() {
            return value == null;
        }

        /**
         * The scalar as written ("3", "1.10", "on", "abc"): a text option gets its text, not the number
         * or the boolean that YAML 1.1 reads from it ({@code on} and {@code no} are booleans, {@code 010}
         * is the octal 8).
         */
        public String asText() {
            return text != null ? text : value == null ? "" : String.valueOf(value);
        }

        @Override
        public String describe() {
            if (value == null) {
                return "null";
            }
            if (value instanceof String s) {
                return "the text '" + s + "'";
            }
            return (value instanceof Boolean ? "the boolean " : "the number ") + value;
        }
    }
}
