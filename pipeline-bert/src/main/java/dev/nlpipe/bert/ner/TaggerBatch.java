package dev.nlpipe.bert.ner;

import dev.nlpipe.nn.bert.PieceWindows;
import dev.nlpipe.nn.bert.UnitLayout;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.bert.BertInput;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch of sentences as arrays: every window of every sentence as one encoder row, and for each
 * sentence the rows and columns its positions are read from, flattened into indices of the
 * encoder's {@code (rows · steps, hidden)} output, so one gather gives the {@code (B, positions,
 * hidden)} states the output layer scores.
 *
 * @param input the windows, padded to the longest
 * @param index {@code (B, L)} int64 flat indices of each sentence's positions (0 after its length)
 * @param lengths each sentence's positions
 * @param tags {@code (B, L)} int64 gold tag ids, or {@code null} when decoding
 */
record TaggerBatch(BertInput input, NDArray index, int[] lengths, NDArray tags) {

    /**
     * @param layouts the sentences (each with at least one position)
     * @param gold per sentence its tag id per position, or {@code null}
     */
    static TaggerBatch of(List<UnitLayout> layouts, List<int[]> gold, NDManager scope) {
        List<int[]> rows = new ArrayList<>();
        int[] firstRow = new int[layouts.size()];
        int[] lengths = new int[layouts.size()];
        int positions = 0;
        for (int b = 0; b < layouts.size(); b++) {
            UnitLayout l = layouts.get(b);
            firstRow[b] = rows.size();
            rows.addAll(List.of(l.windows()));
            lengths[b] = l.length();
            positions = Math.max(positions, l.length());
        }
        BertInput input = BertInput.ofIds(rows, scope);
        long steps = input.steps();
        long[] index = new long[layouts.size() * positions];
        long[] tags = gold == null ? null : new long[index.length];
        for (int b = 0; b < layouts.size(); b++) {
            UnitLayout l = layouts.get(b);
            for (int i = 0; i < l.length(); i++) {
                index[b * positions + i] = (firstRow[b] + l.rows()[i]) * steps + l.columns()[i];
                if (tags != null) {
                    tags[b * positions + i] = gold.get(b)[i];
                }
            }
        }
        Shape shape = new Shape(layouts.size(), positions);
        return new TaggerBatch(input, scope.create(index, shape), lengths, tags == null ? null : scope.create(tags, shape));
    }
}
