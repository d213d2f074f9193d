package dev.nlpipe.core.config;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** Turns plain Java values (from the Java API or {@code --set}) into located nodes. */
public final class PlainNodes {
    private PlainNodes() {
    }

    /**
     * A node for a plain value (maps, collections and arrays, strings, numbers, booleans, paths),
     * every part located at {@code at}.
     *
     * @throws ConfigException for a value of another type, which no option could read
     */
    public static Node toNode(Object v, Location at) {
        if (v instanceof Map<?, ?> m) {
            Node.MapNode map = new Node.MapNode(at);
            m.forEach((k, val) -> map.put(String.valueOf(k), at, toNode(val, at)));
            return map;
        }
        if (v instanceof Collection<?> c) {
            Node.ListNode list = new Node.ListNode(at);
            c.forEach(i -> list.items().add(toNode(i, at)));
            return list;
        }
        // a String[] or int[] is a list, as in YAML (it became the array's toString)
        if (v != null && v.getClass().isArray()) {
            Node.ListNode list = new Node.ListNode(at);
            for (int i = 0; i < Array.getLength(v); i++) {
                list.items().add(toNode(Array.get(v, i), at));
            }
            return list;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return new Node.ScalarNode(at, ((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            // as YAML keeps it: a word list may hold a number past a long, which must stay its digits
            return b.bitLength() < Long.SIZE ? new Node.ScalarNode(at, b.longValue()) : new Node.ScalarNode(at, b);
        }
        if (v instanceof Float || v instanceof BigDecimal) {
            return new Node.ScalarNode(at, ((Number) v).doubleValue());
        }
        if (v instanceof Path || v instanceof Character) {
            return new Node.ScalarNode(at, v.toString());
        }
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return new Node.ScalarNode(at, v);
        }
        throw new ConfigException(at, "an option value of type " + v.getClass().getName() + " (" + v
                + "); give a String, a number, a Boolean, a List or a Map, as YAML would");
    }
}
