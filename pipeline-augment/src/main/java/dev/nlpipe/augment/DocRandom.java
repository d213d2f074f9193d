package dev.nlpipe.augment;

import java.util.SplittableRandom;

/**
 * Per-document random streams. Each document's generator is derived from the stage's seed, the
 * stage id and the document id alone, so a document gets the same variants whatever thread handles
 * it, in whatever order, and whatever else is in the corpus.
 */
public final class DocRandom {
    private DocRandom() {
    }

    /** The generator for one document of one stage. */
    public static SplittableRandom of(long seed, String stage, String docId) {
        long h = mix(seed);
        h = mix(h ^ hash(stage));
        h = mix(h ^ hash(docId));
        return new SplittableRandom(h);
    }

    /** FNV-1a over the UTF-16 code units: stable across runs and JVMs (unlike identity hashes). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finalizer: spreads nearby inputs over the whole 64-bit range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
