package dev.nlpipe.augment.noise;

import dev.nlpipe.core.io.Utf8Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups of characters that can stand in for one another (shape neighbours), one group per line;
 * spaces and commas between characters are ignored, {@code #} starts a comment line.
 */
final class CharGroups {
    private final Map<Integer, int[]> neighbours;

    private CharGroups(Map<Integer, int[]> neighbours) {
        this.neighbours = neighbours;
    }

    static CharGroups read(List<InputStream> sources) throws IOException {
        Map<Integer, Set<Integer>> acc = new HashMap<>();
        for (InputStream in : sources) {
            try (BufferedReader r = Utf8Text.open(in)) {
                String line;
                while ((line = r.readLine()) != null) {
                    line = line.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    List<Integer> group = new ArrayList<>();
                    line.codePoints().filter(c -> !Character.isWhitespace(c) && c != ',' && c != '，').distinct().forEach(group::add);
                    for (int c : group) {
                        for (int other : group) {
                            if (other != c) {
                                acc.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(other);
                            }
                        }
                    }
                }
            }
        }
        Map<Integer, int[]> out = new HashMap<>();
        acc.forEach((c, s) -> out.put(c, s.stream().mapToInt(Integer::intValue).toArray()));
        return new CharGroups(out);
    }

    /** The characters that stand in for {@code c}, or {@code null}. */
    int[] neighbours(int c) {
        return neighbours.get(c);
    }
}
