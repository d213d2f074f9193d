package dev.nlpipe.embed.vectorize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word n-grams as chains: a token (a <em>piece</em>, a run without spaces) has an id from a
 * string table, and an n-gram is the pair (id of its first n-1 pieces, id of its last piece) in a
 * table of 64-bit keys, so an n-gram of any length is found with one small lookup per extra word
 * and no string is built or compared. A feature's identity is still its string: a token that
 * itself contains spaces is split into its pieces, so "a b" as one token and the bigram a, b are
 * the same feature, as in scikit-learn. Not thread-safe while growing; safe for concurrent
 * lookups once filled.
 */
final class NgramTable implements FeatureIndex {
    /**
     * Piece table, two longs per slot: hash (high half) and id + 1 (low half; 0 is empty), then the
     * piece's offset in {@link #arena} (high half) and length (low half), so a lookup reads one
     * slot and the characters it compares, nothing else.
     */
    private long[] pieceSlots;
    private int pieceMask;
    private int pieces;
    private char[] arena = new char[1 << 12];
    private int arenaSize;
    /** Pair table: key (prefix + 1, last + 1) at 2s, id at 2s + 1; key 0 is empty. */
    private long[] pairSlots;
    private int pairMask;
    private int pairs;

    /** Per id: the prefix id (-1 for a piece), the last piece id (itself for a piece), the piece text. */
    private static final int HOT_SIZE = 1 << 15;
    /** Recently used pairs (key, id), direct-mapped; only while adding. */
    private long[] hot;

    private int[] prefix;
    private int[] last;
    private String[] pieceText;
    private int size;

    NgramTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        pieceSlots = new long[2 * cap];
        pieceMask = cap - 1;
        pairSlots = new long[2 * cap];
        pairMask = cap - 1;
        int n = Math.max(16, expected);
        prefix = new int[n];
        last = new int[n];
        pieceText = new String[n];
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * The id of the piece {@code buf[start, end)} (which contains no space; {@code hash} is its
     * {@link PolyHash}), or -1 when absent and {@code add} is false.
     */
    int piece(char[] buf, int start, int end, int hash, boolean add) {
        int length = end - start;
        int s = PolyHash.spread(hash) & pieceMask;
        for (; ; s = (s + 1) & pieceMask) {
            long slot = pieceSlots[2 * s];
            if (slot == 0) {
                break;
            }
            if ((int) (slot >>> 32) == hash) {
                long where = pieceSlots[2 * s + 1];
                if ((int) where == length && Arrays.equals(arena, (int) (where >>> 32), (int) (where >>> 32) + length, buf, start, end)) {
                    return (int) slot - 1;
                }
            }
        }
        if (!add) {
            return -1;
        }
        int id = newId(-1, -1, new String(buf, start, length));
        last[id] = id;
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
        }
        System.arraycopy(buf, start, arena, arenaSize, length);
        pieceSlots[2 * s] = ((long) hash << 32) | (id + 1L);
        pieceSlots[2 * s + 1] = ((long) arenaSize << 32) | length;
        arenaSize += length;
        if (++pieces * 2 > pieceMask + 1) {
            rehashPieces((pieceMask + 1) * 2);
        }
        return id;
    }

    /** The id of the n-gram {@code prefixId} followed by the piece {@code pieceId}, or -1 when absent and not {@code add}. */
    int extend(int prefixId, int pieceId, boolean add) {
        long key = ((prefixId + 1L) << 32) | (pieceId + 1L);
        long mixed = mix(key);
        if (!add) {
            return findPair(key, mixed);
        }
        // While counting (one thread per table) frequent pairs are answered from a small cache
        // that stays in L2, instead of a random read of the large table.
        if (hot == null) {
            hot = new long[2 * HOT_SIZE];
        }
        int h = 2 * ((int) (mixed >>> 40) & (HOT_SIZE - 1));
        if (hot[h] == key) {
            return (int) hot[h + 1];
        }
        int id = addPair(key, mixed, prefixId, pieceId);
        hot[h] = key;
        hot[h + 1] = id;
        return id;
    }

    private int findPair(long key, long mixed) {
        for (int s = (int) mixed & pairMask; ; s = (s + 1) & pairMask) {
            long k = pairSlots[2 * s];
            if (k == key) {
                return (int) pairSlots[2 * s + 1];
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    private int addPair(long key, long mixed, int prefixId, int pieceId) {
        int s = (int) mixed & pairMask;
        for (; ; s = (s + 1) & pairMask) {
            long k = pairSlots[2 * s];
            if (k == key) {
                return (int) pairSlots[2 * s + 1];
            }
            if (k == 0) {
                break;
            }
        }
        int id = newId(prefixId, pieceId, null);
        pairSlots[2 * s] = key;
        pairSlots[2 * s + 1] = id;
        if (++pairs * 2 > pairMask + 1) {
            rehashPairs((pairMask + 1) * 2);
        }
        return id;
    }

    private static long mix(long key) {
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        return key;
    }

    private int newId(int prefixId, int lastId, String text) {
        if (size == prefix.length) {
            int n = size * 2;
            prefix = Arrays.copyOf(prefix, n);
            last = Arrays.copyOf(last, n);
            pieceText = Arrays.copyOf(pieceText, n);
        }
        prefix[size] = prefixId;
        last[size] = lastId;
        pieceText[size] = text;
        return size++;
    }

    private void rehashPieces(int cap) {
        long[] old = pieceSlots;
        pieceSlots = new long[2 * cap];
        pieceMask = cap - 1;
        for (int i = 0; i < old.length; i += 2) {
            long slot = old[i];
            if (slot != 0) {
                int s = PolyHash.spread((int) (slot >>> 32)) & pieceMask;
                while (pieceSlots[2 * s] != 0) {
                    s = (s + 1) & pieceMask;
                }
                pieceSlots[2 * s] = slot;
                pieceSlots[2 * s + 1] = old[i + 1];
            }
        }
    }

    private void rehashPairs(int cap) {
        long[] old = pairSlots;
        pairSlots = new long[2 * cap];
        pairMask = cap - 1;
        for (int i = 0; i < old.length; i += 2) {
            long key = old[i];
            if (key != 0) {
                int s = (int) mix(key) & pairMask;
                while (pairSlots[2 * s] != 0) {
                    s = (s + 1) & pairMask;
                }
                pairSlots[2 * s] = key;
                pairSlots[2 * s + 1] = old[i + 1];
            }
        }
    }

    @Override
    public String text(int id) {
        if (prefix[id] < 0) {
            return pieceText[id];
        }
        int len = -1;
        for (int x = id; x >= 0; x = prefix[x]) {
            len += pieceText[last[x]].length() + 1;
        }
        char[] out = new char[len];
        int at = len;
        for (int x = id; x >= 0; x = prefix[x]) {
            String p = pieceText[last[x]];
            at -= p.length();
            p.getChars(0, p.length(), out, at);
            if (at > 0) {
                out[--at] = ' ';
            }
        }
        return new String(out);
    }

    @Override
    public int add(String term) {
        return chain(term, true);
    }

    @Override
    public int find(String term) {
        return chain(term, false);
    }

    private int chain(String term, boolean add) {
        char[] buf = term.toCharArray();
        int id = -1;
        int start = 0;
        for (int i = 0; i <= buf.length; i++) {
            if (i == buf.length || buf[i] == ' ') {
                int p = piece(buf, start, i, PolyHash.of(buf, start, i), add);
                if (p < 0) {
                    return -1;
                }
                id = id < 0 ? p : extend(id, p, add);
                if (id < 0) {
                    return -1;
                }
                start = i + 1;
            }
        }
        return id;
    }

    /**
     * Finds (or adds) every word n-gram of the tokens in {@code g} with {@code minN <= n <= maxN}
     * and reports its id to {@code hit}. Without {@code add}, n-grams not in the table are skipped.
     */
    void visit(Grams g, int minN, int maxN, boolean add, java.util.function.IntConsumer hit) {
        int count = g.tokens;
        g.ensurePieces();
        int np = 0;
        for (int t = 0; t < count; t++) {
            int start = g.tokStart[t];
            int end = g.tokEnd[t];
            g.tokPieceFrom[t] = np;
            int space = indexOfSpace(g.buf, start, end);
            if (space < 0) {
                np = g.addPiece(np, piece(g.buf, start, end, g.tokHash[t], add));
            } else {
                int from = start;
                for (int i = space; i <= end; i++) {
                    if (i == end || g.buf[i] == ' ') {
                        np = g.addPiece(np, piece(g.buf, from, i, PolyHash.of(g.buf, from, i), add));
                        from = i + 1;
                    }
                }
            }
            g.tokPieceTo[t] = np;
        }
        int[] pieceIds = g.pieceIds;
        for (int i = 0; i < count; i++) {
            int id = -2;
            for (int n = 1; n <= maxN && i + n <= count; n++) {
                int t = i + n - 1;
                for (int k = g.tokPieceFrom[t], e = g.tokPieceTo[t]; k < e && id != -1; k++) {
                    int p = pieceIds[k];
                    id = p < 0 ? -1 : id == -2 ? p : extend(id, p, add);
                }
                if (id == -1) {
                    break;
                }
                if (n >= minN) {
                    hit.accept(id);
                }
            }
        }
    }

    private static int indexOfSpace(char[] buf, int start, int end) {
        for (int i = start; i < end; i++) {
            if (buf[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Sorts {@code positions} (indices into {@code ids}) so that their terms are in code point order,
     * without comparing strings: pieces are ranked once, and a term of one or two pieces sorts as
     * the pair of ranks. This holds because a space sorts below every character a piece can hold,
     * unless a piece holds a control character — then, or for longer n-grams, or when the keys do
     * not fit in 63 bits, it returns {@code null} and the caller compares strings.
     */
    int[] sortByRanks(int[] ids, int[] positions) {
        int[] rank = new int[size];
        Arrays.fill(rank, -1);
        List<Integer> pieceIds = new ArrayList<>();
        for (int p : positions) {
            int id = ids[p];
            int pre = prefix[id];
            if (pre >= 0 && prefix[pre] >= 0) {
                return null;
            }
            for (int piece : pre < 0 ? new int[] {id} : new int[] {pre, last[id]}) {
                if (rank[piece] == -1) {
                    rank[piece] = -2;
                    pieceIds.add(piece);
                }
            }
        }
        String[] texts = new String[pieceIds.size()];
        Map<String, Integer> byText = new HashMap<>(texts.length * 2);
        for (int i = 0; i < texts.length; i++) {
            texts[i] = pieceText[pieceIds.get(i)];
            for (int k = 0; k < texts[i].length(); k++) {
                if (texts[i].charAt(k) < ' ') {
                    return null;
                }
            }
            byText.put(texts[i], pieceIds.get(i));
        }
        PyText.sort(texts);
        for (int r = 0; r < texts.length; r++) {
            rank[byText.get(texts[r])] = r;
        }
        int rankBits = 64 - Long.numberOfLeadingZeros(texts.length + 1L);
        int positionBits = 64 - Long.numberOfLeadingZeros(Math.max(1, ids.length));
        if (2 * rankBits + positionBits > 63) {
            return null;
        }
        long[] keys = new long[positions.length];
        for (int i = 0; i < positions.length; i++) {
            int id = ids[positions[i]];
            int pre = prefix[id];
            long first = (pre < 0 ? rank[id] : rank[pre]) + 1L;
            long second = pre < 0 ? 0 : rank[last[id]] + 1L;
            keys[i] = (((first << rankBits) | second) << positionBits) | positions[i];
        }
        Arrays.parallelSort(keys);
        int[] out = new int[keys.length];
        long mask = (1L << positionBits) - 1;
        for (int i = 0; i < keys.length; i++) {
            out[i] = (int) (keys[i] & mask);
        }
        return out;
    }

    /** The id of a prefix chain, or -1 for a piece (used when merging tables in id order). */
    int prefixOf(int id) {
        return prefix[id];
    }

    /** The last piece of an id (the id itself for a piece). */
    int lastOf(int id) {
        return last[id];
    }

    @Override
    public void clear() {
        Arrays.fill(pieceSlots, 0);
        Arrays.fill(pairSlots, 0);
        hot = null;
        Arrays.fill(pieceText, 0, size, null);
        arenaSize = 0;
        pieces = 0;
        pairs = 0;
        size = 0;
    }
}
