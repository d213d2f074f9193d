package dev.nlpipe.core.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** Turns plain Java values (from the Java API or {@code --set}) into located nodes. */
public final class PlainNodes {
    private PlainNodes() {
    }

    /** A node for a plain value (maps, collections, scalars), every part located at {@code at}. */
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
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return new Node.ScalarNode(at, ((Number) v).longValue());
        }
        if (v instanceof Float f) {
            return new Node.ScalarNode(at, f.doubleValue());
        }
        if (v instanceof Path p) {
            return new Node.ScalarNode(at, p.toString());
        }
        return new Node.ScalarNode(at, v);
    }
}
