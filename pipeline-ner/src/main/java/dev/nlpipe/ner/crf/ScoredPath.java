package dev.nlpipe.ner.crf;

import dev.nlpipe.ner.data.ScoredSpan;
import java.util.List;

/**
 * A sequence's best tag path and the spans it marks, each with its marginal probability
 * ({@link LinearChainCrf#decodeWithScores}).
 *
 * @param path the Viterbi path, one tag id per position
 * @param spans the spans the path marks, in order, scored
 */
public record ScoredPath(int[] path, List<ScoredSpan> spans) {
}
