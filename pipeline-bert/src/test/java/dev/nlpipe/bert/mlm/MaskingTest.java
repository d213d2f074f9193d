package dev.nlpipe.bert.mlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Masking statistics on made-up sequences: ids 0-4 special ([PAD] [UNK] [CLS] [SEP] [MASK]), 5-999 ordinary. */
class MaskingTest {
    private static final int CLS = 2;
    private static final int SEP = 3;
    private static final int MASK = 4;
    private static final int VOCAB = 1000;
    private static final Masking MASKING = new Masking(0.15, MASK, VOCAB, 0, 1, CLS, SEP, MASK);

    /** {@code n} sequences of 40-120 ordinary pieces; with {@code wordSizes}, words of 1-4 pieces, else one piece per word. */
    private static List<MlmSequence> sequences(int n, boolean wordSizes, long seed) {
        Random r = new Random(seed);
        List<MlmSequence> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            int len = 40 + r.nextInt(81);
            int[] ids = new int[len + 2];
            int[] words = new int[len + 2];
            ids[0] = CLS;
            ids[len + 1] = SEP;
            words[0] = -1;
            words[len + 1] = -1;
            int word = 0;
            int left = wordSizes ? 1 + r.nextInt(4) : 1;
            for (int i = 1; i <= len; i++) {
                ids[i] = 5 + r.nextInt(VOCAB - 5);
                words[i] = word;
                if (--left == 0) {
                    word++;
                    left = wordSizes ? 1 + r.nextInt(4) : 1;
                }
            }
            out.add(new MlmSequence(ids, words));
        }
        return out;
    }

    private static List<Masking.Masked> maskAll(List<MlmSequence> seqs, long seed, int epoch) {
        List<Masking.Masked> out = new ArrayList<>();
        for (int i = 0; i < seqs.size(); i++) {
            out.add(MASKING.mask(seqs.get(i), Masking.random(seed, "mask", epoch, i)));
        }
        return out;
    }

    @Test
    void fifteenPercentOfThePiecesArePredicted() {
        List<MlmSequence> seqs = sequences(2000, false, 1);
        long pieces = seqs.stream().mapToLong(MlmSequence::maskable).sum();
        long chosen = maskAll(seqs, 7, 1).stream().mapToLong(m -> m.positions().length).sum();
        assertEquals(0.15, chosen / (double) pieces, 0.003);
    }

    @Test
    void chosenPiecesBecomeMaskRandomOrStayEightyTenTen() {
        List<MlmSequence> seqs = sequences(2000, false, 2);
        List<Masking.Masked> masked = maskAll(seqs, 7, 1);
        long mask = 0;
        long random = 0;
        long kept = 0;
        for (Masking.Masked m : masked) {
            for (int j = 0; j < m.positions().length; j++) {
                int in = m.inputs()[m.positions()[j]];
                if (in == MASK) {
                    mask++;
                } else if (in == m.labels()[j]) {
                    kept++;
                } else {
                    random++;
                }
            }
        }
        double all = mask + random + kept;
        assertTrue(all > 20_000, "sample " + all);
        assertEquals(0.8, mask / all, 0.01);
        assertEquals(0.1, random / all, 0.01);
        assertEquals(0.1, kept / all, 0.01);
    }

    @Test
    void positionsNotChosenKeepTheirIdsAndLabelsAreTheOriginals() {
        MlmSequence seq = sequences(1, false, 3).get(0);
        Masking.Masked m = MASKING.mask(seq, new Random(4));
        for (int i = 0; i < seq.length(); i++) {
            if (Arrays.binarySearch(m.positions(), i) < 0) {
                assertEquals(seq.ids()[i], m.inputs()[i]);
            }
        }
        for (int j = 0; j < m.positions().length; j++) {
            assertEquals(seq.ids()[m.positions()[j]], m.labels()[j]);
        }
    }

    @Test
    void specialTokensAreNeverChosenNorDrawnAsReplacements() {
        List<MlmSequence> seqs = sequences(500, true, 5);
        List<Masking.Masked> masked = maskAll(seqs, 9, 2);
        for (int s = 0; s < seqs.size(); s++) {
            Masking.Masked m = masked.get(s);
            for (int p : m.positions()) {
                assertTrue(seqs.get(s).words()[p] >= 0, "special token chosen at " + p);
                int in = m.inputs()[p];
                assertTrue(in == MASK || in >= 5, "replacement " + in);
            }
            assertEquals(CLS, m.inputs()[0]);
            assertEquals(SEP, m.inputs()[m.length() - 1]);
        }
    }

    @Test
    void theWordsOfAWholeWordMaskingAreChosenWhole() {
        List<MlmSequence> seqs = sequences(500, true, 6);
        List<Masking.Masked> masked = maskAll(seqs, 11, 1);
        long chosen = 0;
        long pieces = 0;
        for (int s = 0; s < seqs.size(); s++) {
            int[] words = seqs.get(s).words();
            boolean[] in = new boolean[words.length];
            for (int p : masked.get(s).positions()) {
                in[p] = true;
            }
            for (int i = 2; i < words.length - 1; i++) {
                if (words[i] == words[i - 1]) {
                    assertEquals(in[i - 1], in[i], "word " + words[i] + " split in sequence " + s);
                }
            }
            chosen += masked.get(s).positions().length;
            pieces += seqs.get(s).maskable();
        }
        assertEquals(0.15, chosen / (double) pieces, 0.01);
    }

    @Test
    void aShortSequenceOfOneLongWordStillHasAPrediction() {
        MlmSequence seq = new MlmSequence(new int[] {CLS, 10, 11, 12, SEP}, new int[] {-1, 0, 0, 0, -1});
        Masking.Masked m = MASKING.mask(seq, new Random(1));
        assertArrayEquals(new int[] {1, 2, 3}, m.positions());
    }

    @Test
    void theSameSeedAndEpochGiveTheSameMasksAndAnotherEpochOthers() {
        List<MlmSequence> seqs = sequences(50, true, 8);
        List<Masking.Masked> a = maskAll(seqs, 13, 1);
        List<Masking.Masked> b = maskAll(seqs, 13, 1);
        List<Masking.Masked> c = maskAll(seqs, 13, 2);
        int differ = 0;
        for (int s = 0; s < seqs.size(); s++) {
            assertArrayEquals(a.get(s).inputs(), b.get(s).inputs());
            assertArrayEquals(a.get(s).positions(), b.get(s).positions());
            if (!Arrays.equals(a.get(s).positions(), c.get(s).positions())) {
                differ++;
            }
        }
        assertTrue(differ > 45, differ + " of 50 sequences masked differently in the next epoch");
    }

    @Test
    void differentSequencesOfOneEpochDrawDifferentMasks() {
        MlmSequence seq = sequences(1, false, 9).get(0);
        Masking.Masked first = MASKING.mask(seq, Masking.random(1, "mask", 1, 0));
        Masking.Masked second = MASKING.mask(seq, Masking.random(1, "mask", 1, 1));
        assertNotEquals(Arrays.toString(first.positions()), Arrays.toString(second.positions()));
        assertFalse(Arrays.equals(first.inputs(), second.inputs()));
    }
}
