package dev.nlpipe.augment.eda;

import dev.nlpipe.augment.Piece;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/** EDA's random swap (RS), {@code n} times: two random free words trade places (entities stay put). */
final class RandomSwap {
    static final String OP = "RS";

    private RandomSwap() {
    }

    static List<Piece> apply(List<Piece> in, int n, SplittableRandom rng) {
        List<Piece> out = new ArrayList<>(in);
        List<Integer> words = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).editable()) {
                words.add(i);
            }
        }
        if (words.size() < 2) {
            return out;
        }
        for (int k = 0; k < n; k++) {
            int a = rng.nextInt(words.size());
            int b = rng.nextInt(words.size() - 1);
            if (b >= a) {
                b++;
            }
            Collections.swap(out, words.get(a), words.get(b));
        }
        return out;
    }
}
