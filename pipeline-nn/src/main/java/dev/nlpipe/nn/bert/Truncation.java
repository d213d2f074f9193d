package dev.nlpipe.nn.bert;

import java.util.Locale;

/**
 * How long an encoding may be, special tokens included, and how it is cut to fit: Hugging Face's truncation
 * parameters (without stride and overflowing encodings).
 *
 * @param maxLength the most tokens an encoding holds, [CLS] and [SEP] included
 * @param strategy which sequence of a pair loses tokens
 * @param direction which end of a sequence loses them
 */
public record Truncation(int maxLength, Strategy strategy, Direction direction) {

    /** Which sequence of a pair is cut. */
    public enum Strategy {
        /** Cut the longer sequence down to the shorter one, then both alike (Hugging Face's {@code longest_first}). */
        LONGEST_FIRST,
        /** Cut only the first sequence. */
        ONLY_FIRST,
        /** Cut only the second sequence. */
        ONLY_SECOND
    }

    /** Which end of a sequence is cut. */
    public enum Direction {
        /** Keep the beginning. */
        RIGHT,
        /** Keep the end. */
        LEFT
    }

    public Truncation {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be 0 or more, not " + maxLength);
        }
        if (strategy == null || direction == null) {
            throw new IllegalArgumentException("strategy and direction are required");
        }
    }

    /** Longest-first truncation to {@code maxLength} tokens, keeping the beginning: what BERT models use. */
    public static Truncation longestFirst(int maxLength) {
        return new Truncation(maxLength, Strategy.LONGEST_FIRST, Direction.RIGHT);
    }

    /**
     * Cuts the sequences in place so that together they hold at most {@code budget} tokens.
     *
     * @throws IllegalArgumentException when the strategy's sequence is too short (or absent) to make them fit
     * @return whether anything was cut
     */
    boolean apply(TokenBuffer a, TokenBuffer b, int budget) {
        int total = a.size + (b == null ? 0 : b.size);
        if (total <= budget) {
            return false;
        }
        boolean left = direction == Direction.LEFT;
        if (budget == 0) {
            a.truncate(0, left);
            if (b != null) {
                b.truncate(0, left);
            }
            return true;
        }
        int toRemove = total - budget;
        if (strategy == Strategy.LONGEST_FIRST) {
            if (b == null) {
                a.truncate(a.size - toRemove, left);
                return true;
            }
            int n1 = a.size;
            int n2 = b.size;
            boolean swap = n1 > n2;
            if (swap) {
                int t = n1;
                n1 = n2;
                n2 = t;
            }
            n2 = n1 > budget ? n1 : Math.max(n1, budget - n1);
            if (n1 + n2 > budget) {
                n1 = budget / 2;
                n2 = n1 + budget % 2;
            }
            if (swap) {
                int t = n1;
                n1 = n2;
                n2 = t;
            }
            a.truncate(n1, left);
            b.truncate(n2, left);
            return true;
        }
        TokenBuffer target = strategy == Strategy.ONLY_FIRST ? a : b;
        if (target == null) {
            throw new IllegalArgumentException("truncation only_second needs a pair of sequences");
        }
        if (target.size <= toRemove) {
            throw new IllegalArgumentException("the " + (target == a ? "first" : "second") + " sequence has " + target.size
                    + " tokens, too few to cut " + toRemove + " with truncation " + strategy.name().toLowerCase(Locale.ROOT)
                    + " to " + maxLength);
        }
        target.truncate(target.size - toRemove, left);
        return true;
    }
}
