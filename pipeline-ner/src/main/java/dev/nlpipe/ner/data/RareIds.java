package dev.nlpipe.ner.data;

import java.util.BitSet;

/**
 * The ids through which a tagger trains a shared unknown vector (unknown characters, bigrams or
 * lexicon words): training reads them as unknown now and then ({@code unkReplace},
 * {@code lexiconUnknown}), standing in for the ones test text brings that training never saw.
 */
public final class RareIds {
    private RareIds() {
    }

    /**
     * The ids counted once; when none was, the ids counted the fewest times. Without the fallback a
     * corpus in which every sentence appears at least twice (augmented or concatenated data) would
     * leave the unknown vector as initialized, and every unseen unit would read noise.
     *
     * @param counts each id's count; ids counted 0 times (never seen in training) are not rare, they are absent
     */
    public static BitSet of(int[] counts) {
        int fewest = Integer.MAX_VALUE;
        for (int c : counts) {
            if (c > 0) {
                fewest = Math.min(fewest, c);
            }
        }
        BitSet rare = new BitSet(counts.length);
        for (int id = 0; id < counts.length; id++) {
            if (counts[id] == fewest) {
                rare.set(id);
            }
        }
        return rare;
    }
}
