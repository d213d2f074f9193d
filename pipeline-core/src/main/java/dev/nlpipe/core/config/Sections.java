package dev.nlpipe.core.config;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Small checks shared by the configuration parsers. */
public final class Sections {
    private Sections() {
    }

    /** The node as a map, or a located error naming what was expected. */
    public static Node.MapNode map(Node node, String what) {
        if (node instanceof Node.MapNode m) {
            return m;
        }
        String hint = "";
        if (node instanceof Node.ScalarNode s && s.value() instanceof String text && text.matches("[\\w.-]+:\\S.*")) {
            // minTokens:3 under 'with:' is one text in YAML, not a key and its value
            hint = spaceAfterColon(text, "text", "", "");
        }
        throw new ConfigException(node.location(), what + " must be a map, not " + node.describe() + hint);
    }

    /**
     * The hint for {@code KEY:VALUE} written without a space after its colon, which YAML reads as one
     * {@code what} (a key in a flow map, a text in a block): the fix, shown between {@code open} and
     * {@code close} as it is to be written.
     */
    static String spaceAfterColon(String written, String what, String open, String close) {
        int colon = written.indexOf(':');
        return "; YAML reads '" + written + "' as one " + what + ": put a space after ':' (" + open + written.substring(0, colon) + ": "
                + written.substring(colon + 1) + close + ")";
    }

    /** The node as a list, or a located error. */
    public static Node.ListNode list(Node node, String what) {
        if (node instanceof Node.ListNode l) {
            return l;
        }
        throw new ConfigException(node.location(), what + " must be a list, not " + node.describe());
    }

    /** A scalar's text, or a located error; {@code null} when the node is absent. */
    public static String text(Node node, String what) {
        if (node == null) {
            return null;
        }
        if (node instanceof Node.ScalarNode s && !s.isNull()) {
            return s.asText();
        }
        throw new ConfigException(node.location(), what + " must be a single value, not " + node.describe());
    }

    /** Rejects keys of {@code map} outside {@code allowed}, suggesting the closest. */
    public static void onlyKeys(Node.MapNode map, String what, Collection<String> allowed) {
        ConfigErrors errors = new ConfigErrors();
        for (String key : map.entries().keySet()) {
            if (!allowed.contains(key)) {
                errors.add(new ConfigException(map.keyLocation(key), "unknown key '" + key + "' in " + what
                        + Suggest.didYouMean(key, allowed) + " (valid keys: " + String.join(", ", allowed) + ")"));
            }
        }
        errors.throwIfAny();
    }

    /** {@code map} without the given keys (their locations kept), for handing the rest to a component. */
    public static Node.MapNode without(Node.MapNode map, Collection<String> keys) {
        Node.MapNode rest = new Node.MapNode(map.location());
        Set<String> drop = new LinkedHashSet<>(keys);
        map.entries().forEach((k, v) -> {
            if (!drop.contains(k)) {
                rest.put(k, map.keyLocation(k), v);
            }
        });
        return rest;
    }
}
