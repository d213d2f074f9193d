package dev.nlpipe.ner.crf;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.nn.Params;
import java.util.Random;

/** A CRF problem for brute-force checks: emissions, weights, constraints, lengths; every tag path enumerable. */
record CrfProblem(int k, int t, int[] lengths, float[] emissions, float[] trans, float[] start, float[] end, CrfConstraints c) {
    static CrfProblem random(long seed, int k, int t, int[] lengths, CrfConstraints c) {
        Random r = new Random(seed);
        return new CrfProblem(k, t, lengths, gauss(r, lengths.length * t * k, 1.5), gauss(r, k * k, 1), gauss(r, k, 1), gauss(r, k, 1), c);
    }

    private static float[] gauss(Random r, int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * std);
        }
        return v;
    }

    double em(int b, int pos, int tag) {
        return emissions[(b * t + pos) * k + tag];
    }

    /** The path's score, forbidden steps included (as the CRF scores them). */
    double score(int b, int[] path) {
        double s = start[path[0]] + (c.start()[path[0]] ? 0 : LinearChainCrf.FORBIDDEN) + em(b, 0, path[0]);
        for (int i = 1; i < path.length; i++) {
            s += trans[path[i - 1] * k + path[i]] + (c.allowed()[path[i - 1]][path[i]] ? 0 : LinearChainCrf.FORBIDDEN) + em(b, i, path[i]);
        }
        int last = path[path.length - 1];
        return s + end[last] + (c.end()[last] ? 0 : LinearChainCrf.FORBIDDEN);
    }

    /** Every path of a sequence's length: [logZ, best score], and the best path in {@code best}. */
    double[] enumerate(int b, int[] best) {
        int n = lengths[b];
        int total = (int) Math.pow(k, n);
        double max = Double.NEGATIVE_INFINITY;
        double[] scores = new double[total];
        for (int code = 0; code < total; code++) {
            int[] path = decodePath(code, n);
            scores[code] = score(b, path);
            if (scores[code] > max) {
                max = scores[code];
                System.arraycopy(path, 0, best, 0, n);
            }
        }
        double sum = 0;
        for (double s : scores) {
            sum += Math.exp(s - max);
        }
        return new double[] {max + Math.log(sum), max};
    }

    /**
     * The probability that sequence {@code b} has {@code tags} at positions {@code start},
     * {@code start + 1}...: the summed probabilities of all paths that do.
     */
    double subPathProbability(int b, int start, int[] tags) {
        return probabilityOf(b, path -> holds(path, start, tags));
    }

    /**
     * By enumeration: the probability that sequence {@code b} has {@code tags} from {@code start} on
     * and, next to them, no tag that {@code continues} them.
     */
    double closedSpanProbability(int b, int start, int[] tags, boolean[][] continues) {
        int end = start + tags.length;
        return probabilityOf(b, path -> holds(path, start, tags) && (start == 0 || !continues[path[start - 1]][path[start]])
                && (end == path.length || !continues[path[end - 1]][path[end]]));
    }

    private static boolean holds(int[] path, int start, int[] tags) {
        for (int i = 0; i < tags.length; i++) {
            if (path[start + i] != tags[i]) {
                return false;
            }
        }
        return true;
    }

    /** The summed probabilities of the paths of sequence {@code b} that {@code counts}. */
    private double probabilityOf(int b, java.util.function.Predicate<int[]> counts) {
        int n = lengths[b];
        double logZ = enumerate(b, new int[n])[0];
        double sum = 0;
        for (int code = 0; code < (int) Math.pow(k, n); code++) {
            int[] path = decodePath(code, n);
            if (counts.test(path)) {
                sum += Math.exp(score(b, path) - logZ);
            }
        }
        return sum;
    }

    int[] decodePath(int code, int n) {
        int[] path = new int[n];
        for (int i = 0; i < n; i++) {
            path[i] = code % k;
            code /= k;
        }
        return path;
    }

    Params params() {
        Params p = new Params(Device.cpu(), true);
        p.put("crf.transitions", new Shape(k, k), trans);
        p.put("crf.start", new Shape(k), start);
        p.put("crf.end", new Shape(k), end);
        return p;
    }
}
