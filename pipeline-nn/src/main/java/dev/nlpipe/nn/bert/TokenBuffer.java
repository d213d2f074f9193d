package dev.nlpipe.nn.bert;

import java.util.Arrays;

/** The tokens of one sequence while it is being tokenized: ids, token strings and original spans. */
final class TokenBuffer {
    int[] ids;
    String[] tokens;
    int[] starts;
    int[] ends;
    int size;

    TokenBuffer(int capacity) {
        int n = Math.max(8, capacity);
        ids = new int[n];
        tokens = new String[n];
        starts = new int[n];
        ends = new int[n];
    }

    void add(int id, String token, int start, int end) {
        if (size == ids.length) {
            int n = size * 2;
            ids = Arrays.copyOf(ids, n);
            tokens = Arrays.copyOf(tokens, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
        }
        ids[size] = id;
        tokens[size] = token;
        starts[size] = start;
        ends[size++] = end;
    }

    /** Keeps {@code n} tokens: the first ones, or the last ones when {@code fromLeft}. */
    void truncate(int n, boolean fromLeft) {
        if (n >= size) {
            return;
        }
        if (fromLeft) {
            int drop = size - n;
            System.arraycopy(ids, drop, ids, 0, n);
            System.arraycopy(tokens, drop, tokens, 0, n);
            System.arraycopy(starts, drop, starts, 0, n);
            System.arraycopy(ends, drop, ends, 0, n);
        }
        Arrays.fill(tokens, n, size, null);
        size = n;
    }
}
