package dev.nlpipe.ner.lexicon;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of HanLP's dictionaries: the core dictionary its segmenters use, and the custom
 * dictionary they add to it (most of its words the core lacks are proper names). HanLP ships both
 * only as double-array tries without their keys, so the words are recovered by walking the trie:
 * a child of the state with base {@code b} sits at {@code p = b + c + 1} with {@code check[p] == b},
 * and a word ends at a state whose slot {@code p == b} has {@code check[p] == b} and a negative base.
 */
final class HanlpDictionaryWords {
    private HanlpDictionaryWords() {
    }

    /** Every word of the core dictionary, in the trie's (character code) order. */
    static List<String> core() {
        return words(CoreDictionary.trie);
    }

    /**
     * Every word of the custom dictionary as HanLP's portable release ships it (its compiled main
     * dictionary; words added at run time with {@code CustomDictionary.add} are not included), in
     * the trie's order.
     */
    static List<String> custom() {
        return words(CustomDictionary.DEFAULT.dat);
    }

    private static List<String> words(DoubleArrayTrie<?> trie) {
        int[] base = trie.getBase();
        int[] check = trie.getCheck();
        int n = Math.min(base.length, check.length);
        // slots grouped by their parent's base: one counting sort instead of probing 65,536 codes per state
        int[] first = new int[n + 1];
        for (int p = 1; p < n; p++) {
            int parent = check[p];
            if (parent > 0 && parent < n) {
                first[parent + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            first[i + 1] += first[i];
        }
        int[] slots = new int[first[n]];
        int[] fill = first.clone();
        for (int p = 1; p < n; p++) {
            int parent = check[p];
            if (parent > 0 && parent < n) {
                slots[fill[parent]++] = p;
            }
        }
        List<String> words = new ArrayList<>(trie.size());
        walk(base[0], new StringBuilder(), base, first, slots, words);
        return words;
    }

    private static void walk(int b, StringBuilder prefix, int[] base, int[] first, int[] slots, List<String> out) {
        if (b <= 0 || b >= first.length - 1) {
            return;
        }
        for (int i = first[b]; i < first[b + 1]; i++) {
            int p = slots[i];
            if (p == b) {
                if (base[p] < 0 && prefix.length() > 0) {
                    out.add(prefix.toString());
                }
                continue;
            }
            prefix.append((char) (p - b - 1));
            walk(base[p], prefix, base, first, slots, out);
            prefix.setLength(prefix.length() - 1);
        }
    }
}
