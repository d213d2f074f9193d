package dev.nlpipe.ner.lattice;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexicon words of a padded batch in one direction, arranged by the step at which their cells
 * enter the character LSTM: a word spanning characters {@code [b, e]} is computed at step {@code e}
 * from the states of step {@code b}. For the backward direction positions are those of each
 * sentence reversed within its own length, so a word {@code [b, e]} starts at {@code n-1-e} and
 * ends at {@code n-1-b}.
 */
final class LatticeSteps {
    /** Per step, the batch row of each word ending there. */
    final int[][] rows;
    /** Per step, the (direction's) start position of each word ending there. */
    final int[][] starts;
    /** Per step, the index of each word ending there among the batch's word occurrences. */
    final int[][] occurrences;

    private LatticeSteps(int[][] rows, int[][] starts, int[][] occurrences) {
        this.rows = rows;
        this.starts = starts;
        this.occurrences = occurrences;
    }

    /**
     * The steps of one direction.
     *
     * @param words per sentence its words as {@code {start, end (exclusive), word id}}, in the order
     *     their occurrences are numbered (sentence by sentence)
     * @param lengths each sentence's length
     * @param steps the padded length
     * @param backward whether the direction runs over the reversed sentences
     */
    static LatticeSteps of(List<int[][]> words, int[] lengths, int steps, boolean backward) {
        List<List<int[]>> at = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            at.add(new ArrayList<>());
        }
        int occurrence = 0;
        for (int r = 0; r < words.size(); r++) {
            int n = lengths[r];
            for (int[] w : words.get(r)) {
                int first = w[0];
                int last = w[1] - 1;
                if (first < 0 || last >= n || last <= first) {
                    throw new IllegalArgumentException("lattice word " + first + ".." + w[1] + " does not fit a sentence of " + n
                            + " units with at least two units per word");
                }
                int start = backward ? n - 1 - last : first;
                int end = backward ? n - 1 - first : last;
                at.get(end).add(new int[] {r, start, occurrence++});
            }
        }
        int[][] rows = new int[steps][];
        int[][] starts = new int[steps][];
        int[][] occurrences = new int[steps][];
        for (int t = 0; t < steps; t++) {
            List<int[]> here = at.get(t);
            rows[t] = new int[here.size()];
            starts[t] = new int[here.size()];
            occurrences[t] = new int[here.size()];
            for (int k = 0; k < here.size(); k++) {
                rows[t][k] = here.get(k)[0];
                starts[t][k] = here.get(k)[1];
                occurrences[t][k] = here.get(k)[2];
            }
        }
        return new LatticeSteps(rows, starts, occurrences);
    }
}
