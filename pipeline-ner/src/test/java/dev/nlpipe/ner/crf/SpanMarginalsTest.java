package dev.nlpipe.ner.crf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.data.ScoredSpan;
import dev.nlpipe.ner.data.TagSet;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Span marginals by forward–backward against brute-force enumeration of every tag path. */
class SpanMarginalsTest {
    private static final List<String> BIO = List.of("O", "B-X", "I-X");

    @BeforeAll
    static void engine() {
        NeuralEngine.noGrad();
    }

    /** Three tags, three positions, fixed weights; sequences of 3, 2 and 1 positions (padding after the short ones). */
    private static CrfProblem tiny(CrfConstraints c) {
        float[] emissions = {
            0.5f, 1.2f, -0.3f, /**/ -0.7f, 0.4f, 0.9f, /**/ 0.2f, -1.1f, 0.6f,
            1.0f, -0.2f, 0.3f, /**/ 0.1f, 0.8f, -0.5f, /**/ 9f, 9f, 9f,
            -0.4f, 0.7f, 0.0f, /**/ 9f, 9f, 9f, /**/ 9f, 9f, 9f};
        float[] trans = {0.3f, -0.2f, 0.1f, 0.4f, -0.6f, 0.9f, -0.1f, 0.5f, 0.2f};
        return new CrfProblem(3, 3, new int[] {3, 2, 1}, emissions, trans, new float[] {0.2f, -0.4f, 0.6f},
                new float[] {-0.3f, 0.1f, 0.5f}, c);
    }

    /** Runs {@code check} with the problem's CRF and its emissions as an array. */
    private static void withCrf(CrfProblem p, BiConsumer<LinearChainCrf, NDArray> check) {
        try (Params params = p.params(); NDManager m = params.manager().newSubManager()) {
            params.attachTo(m);
            LinearChainCrf crf = LinearChainCrf.bind(params, "crf", p.c());
            check.accept(crf, m.create(p.emissions(), new Shape(p.lengths().length, p.t(), p.k())));
        }
    }

    /** Tags {@code path[start..end)} of a sequence (the rest of {@code path} is filler). */
    private record Run(int[] path, int start, int end) {
        int[] tags() {
            return Arrays.copyOfRange(path, start, end);
        }
    }

    /** Every run of tags at every place of a sequence of {@code n} positions. */
    private static void everyRun(int k, int n, Consumer<Run> each) {
        for (int start = 0; start < n; start++) {
            for (int end = start + 1; end <= n; end++) {
                for (int code = 0; code < (int) Math.pow(k, end - start); code++) {
                    int[] path = new int[n];
                    for (int i = 0, c = code; i < end - start; i++, c /= k) {
                        path[start + i] = c % k;
                    }
                    each.accept(new Run(path, start, end));
                }
            }
        }
    }

    private static void checkEverySubPath(CrfProblem p) {
        withCrf(p, (crf, em) -> {
            SpanMarginals marginals = crf.marginals(em, p.lengths());
            for (int b = 0; b < p.lengths().length; b++) {
                int seq = b;
                everyRun(p.k(), p.lengths()[b], run -> assertEquals(p.subPathProbability(seq, run.start(), run.tags()),
                        marginals.probability(seq, run.path(), run.start(), run.end()), 1e-5,
                        "sequence " + seq + ", tags " + Arrays.toString(run.tags()) + " at " + run.start()));
            }
        });
    }

    @Test
    void marginalsMatchEnumerationWithoutConstraints() {
        checkEverySubPath(tiny(CrfConstraints.none(3)));
    }

    @Test
    void marginalsMatchEnumerationWithForbiddenTransitionsAndStartEndScores() {
        CrfProblem p = tiny(CrfConstraints.of(TagScheme.BIO, BIO));
        checkEverySubPath(p);
        withCrf(p, (crf, em) -> {
            // I-X may not start a sequence nor follow O: no probability at all.
            SpanMarginals marginals = crf.marginals(em, p.lengths());
            assertEquals(0, marginals.probability(0, new int[] {2, 0, 0}, 0, 1), 1e-12);
            assertEquals(0, marginals.probability(0, new int[] {0, 0, 2}, 1, 3), 1e-12);
        });
    }

    @Test
    void singlePositionMarginalsSumToOne() {
        for (long seed = 1; seed <= 4; seed++) {
            CrfProblem p = CrfProblem.random(seed, 5, 6, new int[] {6, 3, 1, 4}, CrfConstraints.of(TagScheme.BIO, List.of("O", "B-X", "I-X", "B-Y", "I-Y")));
            withCrf(p, (crf, em) -> {
                SpanMarginals marginals = crf.marginals(em, p.lengths());
                for (int b = 0; b < p.lengths().length; b++) {
                    for (int t = 0; t < p.lengths()[b]; t++) {
                        double sum = 0;
                        for (int tag = 0; tag < p.k(); tag++) {
                            int[] path = new int[p.lengths()[b]];
                            path[t] = tag;
                            sum += marginals.probability(b, path, t, t + 1);
                        }
                        assertEquals(1.0, sum, 1e-5, "sequence " + b + ", position " + t);
                    }
                }
            });
        }
    }

    @Test
    void anEntitysProbabilityExcludesTheTagsThatWouldExtendItUnderEveryScheme() {
        List<String> types = List.of("X", "Y");
        for (TagScheme scheme : List.of(TagScheme.BIO, TagScheme.IOB1, TagScheme.BIOES, TagScheme.BMES)) {
            List<String> tags = scheme.tags(types);
            CrfProblem p = CrfProblem.random(11, tags.size(), 4, new int[] {4, 2}, CrfConstraints.of(scheme, tags));
            boolean[][] continues = p.c().continues();
            withCrf(p, (crf, em) -> {
                SpanMarginals marginals = crf.marginals(em, p.lengths());
                for (int b = 0; b < p.lengths().length; b++) {
                    int n = p.lengths()[b];
                    // every run of one or two tags at every place
                    for (int start = 0; start < n; start++) {
                        for (int end = start + 1; end <= Math.min(n, start + 2); end++) {
                            for (int code = 0; code < (int) Math.pow(p.k(), end - start); code++) {
                                int[] path = new int[n];
                                for (int i = start, c = code; i < end; i++, c /= p.k()) {
                                    path[i] = c % p.k();
                                }
                                int[] run = Arrays.copyOfRange(path, start, end);
                                assertEquals(p.closedSpanProbability(b, start, run, continues),
                                        marginals.spanProbability(b, path, start, end, continues), 1e-5,
                                        scheme + ", tags " + Arrays.toString(run) + " at " + start);
                            }
                        }
                    }
                }
            });
        }
        boolean[][] bio = CrfConstraints.of(TagScheme.BIO, BIO).continues();
        assertTrue(bio[1][2] && bio[2][2] && !bio[0][2] && !bio[2][1], "I-X goes on with B-X and I-X; B-X starts anew");
    }

    @Test
    void decodingWithScoresKeepsTheViterbiPathsAndScoresTheirSpans() {
        TagSet tags = new TagSet(TagScheme.BIO, List.of("O", "B-X", "I-X", "B-Y", "I-Y"));
        CrfProblem p = CrfProblem.random(7, 5, 6, new int[] {6, 4, 2}, CrfConstraints.of(TagScheme.BIO, tags.tags()));
        withCrf(p, (crf, em) -> {
            int[][] paths = crf.decode(em, p.lengths());
            List<ScoredPath> scored = crf.decodeWithScores(em, p.lengths(), tags::decode);
            SpanMarginals marginals = crf.marginals(em, p.lengths());
            boolean anySpan = false;
            for (int b = 0; b < paths.length; b++) {
                assertArrayEquals(paths[b], scored.get(b).path());
                assertEquals(tags.decode(paths[b]), scored.get(b).spans().stream().map(ScoredSpan::span).toList());
                for (ScoredSpan s : scored.get(b).spans()) {
                    anySpan = true;
                    assertTrue(s.score() > 0 && s.score() <= 1, "score " + s.score());
                    int[] sub = Arrays.copyOfRange(paths[b], s.span().start(), s.span().end());
                    assertEquals(p.closedSpanProbability(b, s.span().start(), sub, p.c().continues()), s.score(), 1e-5);
                    assertTrue(s.score() <= p.subPathProbability(b, s.span().start(), sub) + 1e-9,
                            "an entity is its tags and more: no I-X after it");
                }
            }
            assertTrue(anySpan, "the random problem decodes to at least one entity");
            assertFalse(scored.isEmpty());
        });
    }
}
