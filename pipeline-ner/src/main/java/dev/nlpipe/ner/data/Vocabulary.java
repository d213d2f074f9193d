package dev.nlpipe.ner.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strings to dense ids: {@code 0} is padding, {@code 1} stands for every unknown string, then the
 * known strings by falling frequency (ties by string order, so the same data gives the same ids).
 */
public final class Vocabulary {
    /** The padding id. */
    public static final int PAD = 0;
    /** The unknown-string id. */
    public static final int UNK = 1;
    private final List<String> entries;
    private final Map<String, Integer> ids;
    private final Set<String> belowMinCount;

    /** A vocabulary with these entries after the two reserved ids. */
    public Vocabulary(List<String> known) {
        this(known, Set.of());
    }

    private Vocabulary(List<String> known, Set<String> belowMinCount) {
        this.belowMinCount = belowMinCount;
        this.entries = new ArrayList<>(known.size() + 2);
        entries.add("<pad>");
        entries.add("<unk>");
        entries.addAll(known);
        this.ids = new HashMap<>(entries.size() * 2);
        for (int i = 2; i < entries.size(); i++) {
            ids.put(entries.get(i), i);
        }
    }

    /**
     * The strings counted at least {@code minCount} times, most frequent first; it remembers the
     * others ({@link #belowMinCount}).
     */
    public static Vocabulary fromCounts(Map<String, Integer> counts, int minCount) {
        List<Map.Entry<String, Integer>> list = new ArrayList<>(counts.entrySet());
        list.removeIf(e -> e.getValue() < minCount);
        list.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Set<String> below = new HashSet<>();
        counts.forEach((key, count) -> {
            if (count < minCount) {
                below.add(key);
            }
        });
        return new Vocabulary(list.stream().map(Map.Entry::getKey).toList(), below);
    }

    /**
     * The strings counted but fewer than {@code minCount} times, which read as unknown: those the
     * data this vocabulary was {@linkplain #fromCounts counted from} has beyond its ids. Empty for a
     * vocabulary built otherwise (a saved one read back, or one {@linkplain #withAppended grown}).
     */
    public Set<String> belowMinCount() {
        return Collections.unmodifiableSet(belowMinCount);
    }

    /**
     * Which ids the unknown vector is trained through ({@code unkReplace} reads them as unknown now
     * and then), given the counts this vocabulary was built from: those counted once. When strings fell
     * below {@code minCount}, they read as unknown already and train it; when none did, and no id
     * was counted once, the ids counted the fewest times ({@link RareIds}).
     */
    public boolean[] rare(Map<String, Integer> counts) {
        int[] byId = new int[size()];
        for (int id = UNK + 1; id < size(); id++) {
            byId[id] = counts.get(get(id));
        }
        BitSet rare = belowMinCount.isEmpty() ? RareIds.of(byId) : countedOnce(byId);
        boolean[] out = new boolean[size()];
        rare.stream().forEach(id -> out[id] = true);
        return out;
    }

    /**
     * The rare ids of {@code grown}, a vocabulary {@code counted} was {@linkplain #withAppended grown}
     * into: {@code rare} for its own ids, and for the appended ones whether {@code counted} had them
     * below {@code minCount} (they read as unknown before they got rows of their own, and must go on
     * training the unknown vector through {@code unkReplace}).
     */
    public static boolean[] rareAfterGrowing(Vocabulary counted, Vocabulary grown, boolean[] rare) {
        boolean[] out = Arrays.copyOf(rare, grown.size());
        for (int id = counted.size(); id < grown.size(); id++) {
            out[id] = counted.belowMinCount.contains(grown.get(id));
        }
        return out;
    }

    private static BitSet countedOnce(int[] counts) {
        BitSet once = new BitSet(counts.length);
        for (int id = 0; id < counts.length; id++) {
            once.set(id, counts[id] == 1);
        }
        return once;
    }

    /**
     * This vocabulary with the strings of {@code extra} it lacks appended after its own, in string
     * order (so existing ids stay as they are); this same vocabulary when there are none.
     */
    public Vocabulary withAppended(Collection<String> extra) {
        List<String> added = extra.stream().filter(s -> !contains(s)).distinct().sorted().toList();
        if (added.isEmpty()) {
            return this;
        }
        List<String> known = new ArrayList<>(known());
        known.addAll(added);
        return new Vocabulary(known);
    }

    /** The id of a string, {@link #UNK} when unknown. */
    public int id(String s) {
        Integer i = ids.get(s);
        return i == null ? UNK : i;
    }

    /** Whether the string has its own id. */
    public boolean contains(String s) {
        return ids.containsKey(s);
    }

    /** The number of ids, reserved ones included. */
    public int size() {
        return entries.size();
    }

    /** The string of an id. */
    public String get(int id) {
        return entries.get(id);
    }

    /** The known strings (without the reserved entries), in id order, for saving. */
    public List<String> known() {
        return Collections.unmodifiableList(entries.subList(2, entries.size()));
    }
}
