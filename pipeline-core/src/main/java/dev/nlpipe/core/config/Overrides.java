package dev.nlpipe.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies {@code --set key.path=value} overrides to a parsed configuration. The first part of the
 * key names a top-level section ({@code input.path}, {@code train.epochs}) or a stage by its id or
 * type ({@code tokenize.regex.lowercase}, {@code ner.model}); the rest is a path inside it (for a
 * stage, inside its {@code with:} options, except {@code model}). The value is read as YAML, so
 * {@code 3}, {@code true}, {@code [1, 2]} keep their types. An empty value removes the key, so the
 * setting takes its default as if the file never named it ({@code --set data.dev=},
 * {@code --set train=} for all of a task's training defaults): switching {@code data.format} can drop
 * an option the new format does not have. Removing a key that is not there is an error naming the
 * keys that are, since a misspelt removal would otherwise leave the setting in force unnoticed.
 * The maps and lists on the way are copied before they change: a YAML alias shares its anchor's
 * nodes, and setting an option of one stage must not set it in every stage that shares them.
 */
public final class Overrides {
    /** Sections of pipeline and training files that may be created by an override. */
    private static final List<String> SECTIONS = List.of("input", "output", "data", "model", "train");
    /** Keys of a stage entry that sit outside its {@code with:} options. */
    private static final List<String> STAGE_KEYS = List.of("model", "type", "id");
    /** How the location of an overridden value starts: {@code --set KEY=VALUE}. */
    private static final String SOURCE = "--set ";

    private Overrides() {
    }

    /** Whether a value at {@code at} was given by {@code --set} rather than written in a file. */
    public static boolean isOverride(Location at) {
        return at.source().startsWith(SOURCE);
    }

    /** Applies each {@code key=value} to {@code root} (a map), in order. */
    public static void apply(Node root, List<String> sets) {
        if (!(root instanceof Node.MapNode map)) {
            throw new ConfigException(root.location(), "the configuration must be a map of sections");
        }
        for (String set : sets) {
            applyOne(map, set);
        }
    }

    /**
     * A value typed on a command line other than {@code --set}'s ({@code --with KEY=VALUE}), read as
     * {@code --set} reads one: {@code pos=true} a boolean, {@code userDictionaries=[a.txt]} a list,
     * {@code -} or {@code *.txt} the text as typed.
     *
     * @param where what the value was given as, for messages ({@code --with pos})
     */
    public static Object commandLineValue(String raw, String where) {
        return parseOrText(raw, where, new Location(where, 0, 0)).toPlain();
    }

    /**
     * The value read as YAML where it is a flow list or map, a number, a boolean, null or a quoted
     * text ({@code 3}, {@code [a, b]}, {@code {epochs: 2}}, {@code 'x'}), else the text as typed
     * ({@code |}, {@code in.txt #1}, a space): {@code --set tokenize.regex.pattern=[A-Za-z]+} is the pattern; an option that wanted a
     * list still says so, naming the text.
     */
    private static Node parseOrText(String raw, String set, Location at) {
        Node text = new Node.ScalarNode(at, raw);
        Node parsed;
        try {
            parsed = YamlLoader.parse(raw, SOURCE + set);
        } catch (ConfigException e) {
            return text;
        }
        // YAML's other syntax is not what a command line means: '|' and '>' start block texts, '!x' is a tag, '#' a
        // comment, and a space alone an empty document; those stay the text as typed
        String t = raw.strip();
        if (parsed instanceof Node.MapNode || parsed instanceof Node.ListNode) {
            return t.startsWith("{") || t.startsWith("[") ? parsed : text;
        }
        if (parsed instanceof Node.ScalarNode s && (t.startsWith("'") || t.startsWith("\"")
                || (!(s.value() instanceof String) && !t.contains("#") && !t.startsWith("!")))) {
            return parsed; // a quoted text, a number, a boolean, null
        }
        return text;
    }

    private static void applyOne(Node.MapNode root, String set) {
        Location at = new Location(SOURCE + set, 1, 1);
        int eq = set.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(at, "expected key=value, e.g. --set train.epochs=3");
        }
        String key = set.substring(0, eq).trim();
        String raw = set.substring(eq + 1);
        // an alias or anchor means nothing on a command line: --set input.glob=*.txt is the text *.txt; a lone - is
        // standard input or output, not a list of one empty item
        Node value = raw.isEmpty() ? null : raw.startsWith("*") || raw.startsWith("&") || raw.equals("-") ? new Node.ScalarNode(at, raw)
                : parseOrText(raw, set, at);
        List<String> path = List.of(key.split("\\."));

        if (root.entries().containsKey(path.get(0)) || SECTIONS.contains(path.get(0)) || path.size() == 1) {
            put(root, path, value, at);
            return;
        }
        List<String> known = new ArrayList<>(root.entries().keySet());
        if (root.get("stages") instanceof Node.ListNode shared) {
            for (int cut = path.size() - 1; cut >= 1; cut--) {
                int found = findStage(shared, String.join(".", path.subList(0, cut)), at);
                if (found >= 0) {
                    Node.ListNode stages = copy(shared);
                    root.put("stages", root.keyLocation("stages"), stages);
                    Node.MapNode stage = copy((Node.MapNode) stages.items().get(found));
                    stages.items().set(found, stage);
                    List<String> rest = path.subList(cut, path.size());
                    List<String> inStage = new ArrayList<>(rest);
                    if (rest.size() > 1 || !STAGE_KEYS.contains(rest.get(0))) {
                        inStage.addFirst("with");
                    }
                    put(stage, inStage, value, at);
                    return;
                }
            }
            for (Node st : shared.items()) {
                if (st instanceof Node.MapNode m) {
                    known.add(stageId(m));
                }
            }
        }
        // a section's name is the key's first part, a stage's id may hold dots: each leading part is compared in turn
        String near = "";
        for (int cut = 1; cut <= path.size() && near.isEmpty(); cut++) {
            near = Suggest.didYouMean(String.join(".", path.subList(0, cut)), known);
        }
        throw new ConfigException(at, "no section or stage named '" + path.get(0) + "'" + near
                + " (sections and stages: " + String.join(", ", known) + ")");
    }

    /**
     * The index of the stage a key names, or -1: the stage with that id, as a run's summary names it
     * (its own {@code id}, else its type, {@code TYPE#2}... for later ones of that type, {@link StageIds});
     * else the one stage of that type.
     *
     * @throws ConfigException when the type names several stages: changing the first alone would go unnoticed
     */
    private static int findStage(Node.ListNode stages, String key, Location at) {
        Set<String> taken = new HashSet<>();
        List<Integer> ofType = new ArrayList<>();
        int unnamed = 0;
        int found = -1;
        for (int i = 0; i < stages.items().size(); i++) {
            if (!(stages.items().get(i) instanceof Node.MapNode m)) {
                continue;
            }
            String explicit = m.get("id") instanceof Node.ScalarNode id && !id.isNull() ? id.asText() : null;
            String type = m.get("type") instanceof Node.ScalarNode t && !t.isNull() ? t.asText() : "";
            if (key.equals(explicit)) {
                return i;
            }
            if (type.equals(key)) {
                ofType.add(i);
            }
            if (explicit != null) {
                taken.add(explicit);
                continue;
            }
            String id = StageIds.next(taken, type);
            // TYPE#1 names the first of several stages of a type, whose id in a run's summary is the bare type
            if ((id.equals(key) || (id.equals(type) && key.equals(type + "#1"))) && found < 0) {
                found = i;
            }
            if (type.equals(key)) {
                unnamed++;
            }
        }
        // the bare type names a stage without an id alone of its type (one with an id is named by its id), or the one stage
        if (found >= 0 && (!key.equals(stageType(stages, found)) || unnamed == 1)) {
            return found;
        }
        if (ofType.size() > 1) {
            throw new ConfigException(at, "'" + key + "' names " + ofType.size() + " stages (stages "
                    + ofType.stream().map(i -> Integer.toString(i + 1)).collect(Collectors.joining(", ")) + "): say which with '" + key
                    + "#1', '" + key + "#2'..., or give the stages ids (id: NAME) and set NAME.option");
        }
        return ofType.size() == 1 ? ofType.get(0) : -1;
    }

    private static String stageType(Node.ListNode stages, int i) {
        return stages.items().get(i) instanceof Node.MapNode m && m.get("type") instanceof Node.ScalarNode t && !t.isNull() ? t.asText()
                : "";
    }

    private static Node.MapNode copy(Node.MapNode m) {
        Node.MapNode c = new Node.MapNode(m.location());
        m.entries().keySet().forEach(k -> c.put(k, m.keyLocation(k), m.get(k)));
        return c;
    }

    private static Node.ListNode copy(Node.ListNode l) {
        Node.ListNode c = new Node.ListNode(l.location());
        c.items().addAll(l.items());
        return c;
    }

    /** A stage's id: its {@code id:} key, else its {@code type:}. */
    static String stageId(Node.MapNode stage) {
        if (stage.get("id") instanceof Node.ScalarNode s && !s.isNull()) {
            return s.asText();
        }
        if (stage.get("type") instanceof Node.ScalarNode s && !s.isNull()) {
            return s.asText();
        }
        return "";
    }

    /** Sets the value at {@code path}, creating the maps on the way; a null value removes the key. */
    private static void put(Node.MapNode map, List<String> path, Node value, Location at) {
        Node.MapNode cur = map;
        for (int i = 0; i < path.size() - 1; i++) {
            if (value == null && !(cur.get(path.get(i)) instanceof Node.MapNode)) {
                throw nothingToRemove(cur, path.get(i), at);
            }
            cur = child(cur, path.get(i), at);
        }
        String key = path.get(path.size() - 1);
        if (value == null) {
            if (!cur.entries().containsKey(key)) {
                throw nothingToRemove(cur, key, at);
            }
            cur.remove(key);
        } else {
            cur.put(key, at, value);
        }
    }

    /** The location names the whole {@code --set}, so the message need only say what is missing. */
    private static ConfigException nothingToRemove(Node.MapNode in, String key, Location at) {
        var present = in.entries().keySet();
        return new ConfigException(at, "'" + key + "' is not set, so there is nothing to remove" + Suggest.didYouMean(key, present)
                + (present.isEmpty() ? "" : " (set there: " + String.join(", ", present) + ")"));
    }

    private static Node.MapNode child(Node.MapNode parent, String key, Location at) {
        Node existing = parent.get(key);
        if (existing instanceof Node.MapNode m) {
            Node.MapNode own = copy(m);
            parent.put(key, parent.keyLocation(key), own);
            return own;
        }
        if (existing != null && !(existing instanceof Node.ScalarNode s && s.isNull())) {
            throw new ConfigException(at, "'" + key + "' is " + existing.describe() + ", not a map, so it has no keys to set");
        }
        Node.MapNode created = new Node.MapNode(at);
        parent.put(key, at, created);
        return created;
    }
}
