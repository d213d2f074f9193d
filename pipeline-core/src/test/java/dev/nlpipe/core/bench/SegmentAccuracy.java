package dev.nlpipe.core.bench;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.eval.SegmentationEvaluation;
import dev.nlpipe.core.eval.SegmentationEvaluation.GoldLine;
import dev.nlpipe.core.eval.SegmentationScore;
import dev.nlpipe.core.eval.SegmentationScorer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * F1 of every backend on a SIGHAN gold file, through nlpipe and by calling the wrapped library
 * directly, in the same run, scored by the same scorer: nlpipe must never score below the library
 * it wraps. Run by {@code bench/segment-accuracy.sh}; not a unit test.
 *
 * <pre>SegmentAccuracy GOLD TRAINING_WORDS PKU_PIPELINE</pre>
 */
public final class SegmentAccuracy {
    private SegmentAccuracy() {
    }

    public static void main(String[] args) throws Exception {
        List<GoldLine> gold = SegmentationEvaluation.readGold(Path.of(args[0]));
        Set<String> words = SegmentationEvaluation.readWords(Path.of(args[1]));
        System.out.printf(Locale.ROOT, "%-20s %8s %8s %8s %10s %9s   %s%n", "backend", "P", "R", "F1", "OOV recall", "IV recall",
                "direct library F1 (same scorer)");
        for (SegmentBackends.Backend b : SegmentBackends.all(Path.of(args[1]), Path.of(args[2]))) {
            SegmentationScore n;
            try (Pipeline p = b.pipeline().get()) {
                n = SegmentationEvaluation.evaluate(p, gold, words, null, 0, null).score();
            }
            String direct = "-";
            if (b.direct() != null) {
                SegmentBackends.Direct d = b.direct().get();
                SegmentationScorer scorer = new SegmentationScorer(words);
                for (GoldLine g : gold) {
                    scorer.add(g.words(), d.segment(g.raw()));
                }
                direct = String.format(Locale.ROOT, "%.4f  (%s)", scorer.score().f1(), b.note());
            }
            System.out.printf(Locale.ROOT, "%-20s %8.4f %8.4f %8.4f %10.4f %9.4f   %s%n", b.name(), n.precision(), n.recall(), n.f1(),
                    n.oovRecall(), n.ivRecall(), direct);
        }
    }
}
