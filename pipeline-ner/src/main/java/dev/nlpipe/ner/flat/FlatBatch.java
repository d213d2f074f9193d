package dev.nlpipe.ner.flat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.ner.bilstm.Batch;
import dev.nlpipe.ner.lexicon.WordUnknowns;
import dev.nlpipe.nn.AttentionMask;
import java.util.List;
import java.util.function.Function;

/**
 * A padded mini-batch of lattices as arrays in one manager. Characters {@code (B, T)} and words
 * {@code (B, W)} are embedded separately; {@code order} {@code (B, L)} then picks each lattice's
 * spans from the {@code T + W} embedded rows of its sentence (its characters, then its words), so
 * each lattice lies at positions {@code 0..size-1} with its characters first.
 */
final class FlatBatch {
    final int[] lengths;
    final int[] sizes;
    final int chars;
    final int words;
    final int spans;
    final NDArray charIds;
    final NDArray bigramIds;
    final NDArray wordIds;
    final NDArray order;
    final NDArray heads;
    final NDArray tails;
    final NDArray mask;
    final NDArray tags;
    final List<Lattice> lattices;

    /** A batch for inference or evaluation. */
    FlatBatch(List<Lattice> lattices, NDManager m) {
        this(lattices, m, null, null, WordUnknowns.NONE);
    }

    /**
     * A batch for training: each character id {@code c} is read as unknown with chance
     * {@code charUnknownChance[c]}, each bigram id {@code g} with {@code bigramUnknownChance[g]} (none when
     * {@code null}), each word as {@code wordUnknowns} says.
     */
    FlatBatch(List<Lattice> lattices, NDManager m, float[] charUnknownChance, float[] bigramUnknownChance, WordUnknowns wordUnknowns) {
        this.lattices = lattices;
        int b = lattices.size();
        lengths = new int[b];
        sizes = new int[b];
        int t = 1;
        int w = 1;
        int l = 1;
        for (int i = 0; i < b; i++) {
            Lattice x = lattices.get(i);
            lengths[i] = x.length();
            sizes[i] = x.size();
            t = Math.max(t, x.length());
            w = Math.max(w, x.words().length);
            l = Math.max(l, x.size());
        }
        chars = t;
        words = w;
        spans = l;
        charIds = ids(m, lattices, Lattice::chars, t, charUnknownChance);
        bigramIds = lattices.get(0).bigrams() == null ? null : ids(m, lattices, Lattice::bigrams, t, bigramUnknownChance);
        wordIds = Batch.withUnknowns(m, values(lattices, Lattice::words, w), new Shape(b, w), wordUnknowns.chance(), wordUnknowns.row());
        heads = ids(m, lattices, Lattice::heads, l, null);
        tails = ids(m, lattices, Lattice::tails, l, null);
        tags = lattices.get(0).tags() == null ? null : ids(m, lattices, Lattice::tags, t, null);
        long[] o = new long[b * l];
        for (int i = 0; i < b; i++) {
            int base = i * (t + w);
            int n = lengths[i];
            for (int p = 0; p < sizes[i]; p++) {
                o[i * l + p] = p < n ? base + p : base + t + (p - n);
            }
        }
        order = m.create(o, new Shape(b, l));
        mask = AttentionMask.fromLengths(m, sizes, l);
    }

    private static NDArray ids(NDManager m, List<Lattice> lattices, Function<Lattice, int[]> field, int steps, float[] unknownChance) {
        return Batch.withUnknowns(m, values(lattices, field, steps), new Shape(lattices.size(), steps), unknownChance);
    }

    /** One field of every lattice, each padded with 0 to {@code steps}, row after row. */
    private static long[] values(List<Lattice> lattices, Function<Lattice, int[]> field, int steps) {
        long[] v = new long[lattices.size() * steps];
        for (int i = 0; i < lattices.size(); i++) {
            int[] ids = field.apply(lattices.get(i));
            for (int j = 0; j < ids.length; j++) {
                v[i * steps + j] = ids[j];
            }
        }
        return v;
    }

    int size() {
        return lengths.length;
    }
}
