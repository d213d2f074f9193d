package dev.nlpipe.embed.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HuffmanTreeTest {

    private static String code(HuffmanTree t, int w) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < t.length(w); d++) {
            sb.append(t.code(w, d));
        }
        return sb.toString();
    }

    @Test
    void textbookExampleGetsOptimalCodeLengths() {
        // Frequencies 45, 13, 12, 16, 9, 5 (CLRS): optimal lengths 1, 3, 3, 3, 4, 4; cost 224.
        long[] counts = {45, 13, 12, 16, 9, 5};
        HuffmanTree t = HuffmanTree.build(counts);
        int[] expected = {1, 3, 3, 3, 4, 4};
        long cost = 0;
        for (int w = 0; w < counts.length; w++) {
            assertEquals(expected[w], t.length(w), "length of word " + w);
            cost += counts[w] * t.length(w);
        }
        assertEquals(224, cost);
    }

    @Test
    void codesArePrefixFreeAndPathsStartAtTheRoot() {
        long[] counts = new long[200];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 1 + (1000 / (i + 1));
        }
        HuffmanTree t = HuffmanTree.build(counts);
        Set<String> codes = new HashSet<>();
        for (int w = 0; w < counts.length; w++) {
            String c = code(t, w);
            assertTrue(codes.add(c), "unique code");
            assertEquals(counts.length - 2, t.point(w, 0), "every path starts at the root");
            for (int d = 0; d < t.length(w); d++) {
                assertTrue(t.point(w, d) >= 0 && t.point(w, d) < counts.length - 1, "inner node index in range");
            }
        }
        for (String a : codes) {
            for (String b : codes) {
                assertTrue(a.equals(b) || !b.startsWith(a), a + " is a prefix of " + b);
            }
        }
        // Kraft equality holds for a full binary tree.
        double kraft = codes.stream().mapToDouble(c -> Math.pow(2, -c.length())).sum();
        assertEquals(1.0, kraft, 1e-12);
        assertTrue(t.length(0) <= t.length(199), "frequent words get short codes");
    }

    @Test
    void pathsSharingAPrefixShareTheirInnerNodes() {
        HuffmanTree t = HuffmanTree.build(new long[] {5, 4, 3, 2, 1});
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                for (int d = 0; d < Math.min(t.length(a), t.length(b)); d++) {
                    if (t.point(a, d) != t.point(b, d)) {
                        break;
                    }
                    if (t.code(a, d) != t.code(b, d) && d + 1 < Math.min(t.length(a), t.length(b))) {
                        assertTrue(t.point(a, d + 1) != t.point(b, d + 1), "after a different decision the paths part");
                    }
                }
            }
        }
    }

    @Test
    void oneWordHasAnEmptyPath() {
        assertEquals(0, HuffmanTree.build(new long[] {7}).length(0));
        assertEquals(1, HuffmanTree.build(new long[] {7, 3}).length(1));
    }
}
