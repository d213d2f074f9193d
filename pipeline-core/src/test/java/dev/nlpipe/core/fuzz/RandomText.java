package dev.nlpipe.core.fuzz;

import java.util.Random;

/**
 * Random Unicode text in the spirit of Lucene's random-text analyzer tests: words of several
 * scripts, combining marks, right-to-left runs, characters outside the BMP, controls and odd
 * spaces, the occasional very long token and, when asked, lone surrogates.
 */
public final class RandomText {
    private final Random random;
    private final boolean loneSurrogates;

    /**
     * @param seed the seed, so a failure can be replayed
     * @param loneSurrogates whether texts may hold unpaired surrogates (not text, but a Java string can hold them)
     */
    public RandomText(long seed, boolean loneSurrogates) {
        this.random = new Random(seed);
        this.loneSurrogates = loneSurrogates;
    }

    /** The next text: a few to a few hundred characters, now and then a token thousands long. */
    public String next() {
        StringBuilder sb = new StringBuilder();
        int pieces = random.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            piece(sb);
            if (random.nextInt(3) > 0) {
                sb.append(random.nextInt(10) == 0 ? pick(" \u3000\u00a0\t") : " ");
            }
        }
        return sb.toString();
    }

    /** Whether {@code random} chose to give a text a trait, with probability {@code 1/n}. */
    public boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    private void piece(StringBuilder sb) {
        // rare enough that most texts stay valid and exercise the formats, common enough that about one in ten holds one
        if (loneSurrogates && random.nextInt(200) == 0) {
            sb.append((char) (0xD800 + random.nextInt(0x800)));
            return;
        }
        switch (random.nextInt(11)) {
            case 0, 1 -> run(sb, 'a', 'z', 1, 12);
            case 2 -> run(sb, 0x4E00, 0x9FFF, 1, 6);
            case 3 -> {
                run(sb, 'a', 'z', 1, 1);
                run(sb, 0x0300, 0x036F, 1, 3);
            }
            case 4 -> run(sb, 0x0627, 0x064A, 2, 8);
            case 5 -> run(sb, 0x05D0, 0x05EA, 2, 8);
            case 6 -> {
                if (random.nextBoolean()) {
                    run(sb, 0x1F600, 0x1F64F, 1, 3);
                } else {
                    run(sb, 0x20000, 0x2A6DF, 1, 3);
                }
            }
            case 7 -> sb.append(pick(".,!?;:'\"()-。，！？、「」"));
            case 8 -> sb.appendCodePoint(pickCodePoint(new int[] {0x01, 0x07, 0x1B, 0x7F, 0x85, 0x200B, 0x200D, 0x2028, 0x2029, 0xFEFF, 0x202E}));
            case 9 -> run(sb, '0', '9', 1, 6);
            default -> {
                if (random.nextInt(50) == 0) {
                    sb.append("x".repeat(2000 + random.nextInt(18_000)));
                } else {
                    run(sb, 'A', 'Z', 1, 5);
                }
            }
        }
    }

    private void run(StringBuilder sb, int from, int to, int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(from + random.nextInt(to - from + 1));
        }
    }

    private String pick(String choices) {
        int i = random.nextInt(choices.length());
        return choices.substring(i, i + 1);
    }

    private int pickCodePoint(int[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
