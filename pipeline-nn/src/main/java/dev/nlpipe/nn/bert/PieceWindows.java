package dev.nlpipe.nn.bert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lays a sentence's units (characters or tokens of a sequence tagger) out as a BERT encoder reads
 * them ({@link UnitLayout}); shared by the BERT tagger and FLAT + BERT.
 *
 * <p><b>Pieces.</b> The units are joined with one space between them and the result is tokenized
 * by the encoder's WordPiece tokenizer, so a word piece never spans two units: each unit gets its
 * own pieces, and its first piece (for a Chinese character its own piece, for an English word its
 * first sub-word) is where its tag is read. Joining with spaces only adds word boundaries at unit
 * boundaries; it changes nothing within a unit. A Latin word inside Chinese text in {@code char}
 * mode is thereby read letter by letter, as Chinese BERT taggers read their characters. A unit the
 * tokenizer drops entirely (a control or zero-width character) gets no piece and no position.
 *
 * <p><b>Windows.</b> A sentence whose pieces fit in {@code maxLength} (with [CLS] and [SEP]) is
 * one window. A longer one is cut at unit boundaries into chunks of at most half a window's
 * pieces; each chunk is read in a window that adds up to a quarter window of the neighbouring
 * pieces on either side as context, and each unit takes its scores from the window whose chunk
 * holds it. So every unit is tagged, and none is read at the very edge of a window unless it is at
 * the sentence's edge. The CRF runs over the whole sentence. Only a unit with more pieces than a
 * chunk holds loses its extra pieces (its first piece stays).
 */
public final class PieceWindows {
    private final BertTokenizer pieces;
    private final int[] prefix;
    private final int[] suffix;
    private final int budget;

    /**
     * A layout for one encoder.
     *
     * @param tokenizer the encoder's tokenizer (its truncation is ignored)
     * @param maxLength the most pieces per window, special tokens included
     * @throws IllegalArgumentException when the template's special tokens leave no room for a piece
     */
    public PieceWindows(BertTokenizer tokenizer, int maxLength) {
        this.pieces = tokenizer.withTruncation(null).withSpecialTokens(false);
        BertEncoding probe = tokenizer.withTruncation(null).withSpecialTokens(true).encode("a");
        int first = 0;
        while (first < probe.length() && probe.sequenceIds()[first] < 0) {
            first++;
        }
        int last = probe.length();
        while (last > first && probe.sequenceIds()[last - 1] < 0) {
            last--;
        }
        this.prefix = Arrays.copyOfRange(probe.ids(), 0, first);
        this.suffix = Arrays.copyOfRange(probe.ids(), last, probe.length());
        this.budget = maxLength - prefix.length - suffix.length;
        if (budget < 1) {
            throw new IllegalArgumentException("maxLength " + maxLength + " leaves no room for a word piece beside the "
                    + (prefix.length + suffix.length) + " special tokens");
        }
    }

    /**
     * The layout of one sentence.
     *
     * @param texts the texts of its units (characters, or tokens), in order
     */
    public UnitLayout layout(String[] texts) {
        int n = texts.length;
        StringBuilder joined = new StringBuilder();
        int[] at = new int[n + 1];
        for (int u = 0; u < n; u++) {
            at[u] = joined.length();
            joined.append(texts[u]).append(' ');
        }
        at[n] = joined.length();
        BertEncoding e = pieces.encode(joined.toString());
        int total = e.length();
        int cap = total <= budget ? Integer.MAX_VALUE : chunk();
        // the kept pieces, and each unit's first kept piece and count
        int[] kept = new int[total];
        int[] first = new int[n];
        int[] count = new int[n];
        Arrays.fill(first, -1);
        int k = 0;
        int u = 0;
        for (int p = 0; p < total; p++) {
            // by the piece's last character: an added token with lstrip starts on the space before its unit
            while (e.ends()[p] - 1 >= at[u + 1]) {
                u++;
            }
            if (count[u] < cap) {
                if (count[u] == 0) {
                    first[u] = k;
                }
                count[u]++;
                kept[k++] = e.ids()[p];
            }
        }
        return k <= budget ? single(kept, k, first, n, total) : windowed(kept, k, first, count, n, total);
    }

    /** The most pieces a window owns when a sentence needs several. */
    private int chunk() {
        return budget - 2 * context();
    }

    /** The context pieces a window adds on each side of its chunk. */
    private int context() {
        return budget / 4;
    }

    private UnitLayout single(int[] kept, int k, int[] first, int n, int total) {
        List<Integer> units = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            if (first[u] >= 0) {
                units.add(u);
            }
        }
        int[] unitIds = units.stream().mapToInt(Integer::intValue).toArray();
        int[] columns = new int[unitIds.length];
        for (int i = 0; i < unitIds.length; i++) {
            columns[i] = prefix.length + first[unitIds[i]];
        }
        return new UnitLayout(new int[][] {window(kept, 0, k)}, unitIds, new int[unitIds.length], columns, n, total, total - k);
    }

    private UnitLayout windowed(int[] kept, int k, int[] first, int[] count, int n, int total) {
        int chunk = chunk();
        List<int[]> windows = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        int u = 0;
        while (u < n) {
            // a chunk: whole units from u while their pieces fit
            int from = first[u] >= 0 ? first[u] : -1;
            int pieces = 0;
            int end = u;
            while (end < n && (pieces + count[end] <= chunk || pieces == 0)) {
                if (from < 0 && first[end] >= 0) {
                    from = first[end];
                }
                pieces += count[end];
                end++;
            }
            if (pieces > 0) {
                int to = from + pieces;
                int room = budget - pieces;
                int right = Math.min(k - to, room / 2);
                int left = Math.min(from, room - right);
                right = Math.min(k - to, room - left);
                int row = windows.size();
                windows.add(window(kept, from - left, to + right));
                for (int v = u; v < end; v++) {
                    if (first[v] >= 0) {
                        positions.add(new int[] {v, row, prefix.length + first[v] - (from - left)});
                    }
                }
            }
            u = end;
        }
        int[] units = new int[positions.size()];
        int[] rows = new int[units.length];
        int[] columns = new int[units.length];
        for (int i = 0; i < units.length; i++) {
            units[i] = positions.get(i)[0];
            rows[i] = positions.get(i)[1];
            columns[i] = positions.get(i)[2];
        }
        return new UnitLayout(windows.toArray(new int[0][]), units, rows, columns, n, total, total - k);
    }

    /** The template's special tokens around {@code kept[from, to)}. */
    private int[] window(int[] kept, int from, int to) {
        int[] w = new int[prefix.length + (to - from) + suffix.length];
        System.arraycopy(prefix, 0, w, 0, prefix.length);
        System.arraycopy(kept, from, w, prefix.length, to - from);
        System.arraycopy(suffix, 0, w, prefix.length + (to - from), suffix.length);
        return w;
    }
}
