package dev.nlpipe.nn.bert;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark for {@code bench/tokenizer.sh}: tokens per second of nlpipe's BertTokenizer and of Hugging Face's Rust
 * tokenizers through DJL, in the same JVM on the same lines, one line per call on one thread and in batches of 256 on
 * every core, and with only the ids copied back from Rust. The Chinese tokenizer (bge-small-zh) reads the Chinese novels, the English one (all-MiniLM-L6-v2) the
 * English corpus. No truncation, no padding; each figure is the best of several rounds after a warm-up round.
 *
 * <p>Arguments: ZH_DIR EN_DIR [MEGABYTES_PER_CORPUS (2)] [ROUNDS (3)].
 */
public final class TokenizerBench {
    private static final int BATCH = 256;

    private TokenizerBench() {
    }

    public static void main(String[] args) throws IOException {
        double mb = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.printf(Locale.ROOT, "%d cores; best of %d rounds; tokens counted with [CLS] and [SEP]%n",
                Runtime.getRuntime().availableProcessors(), rounds);
        System.out.printf(Locale.ROOT, "%-34s %-26s %14s %14s %8s%n", "corpus", "mode", "nlpipe tok/s", "HF tok/s", "ratio");
        run(HfReference.ZH, "zh-raw-novels", CorpusLines.head(Path.of(args[0]), (long) (mb * 1e6)), rounds);
        run(HfReference.EN, "en-raw-corpus", CorpusLines.head(Path.of(args[1]), (long) (mb * 1e6)), rounds);
        System.out.println("ratio = nlpipe / Hugging Face (above 1: nlpipe is faster). HF's figures include DJL's JNI calls and the copies of");
        System.out.println("ids, tokens, offsets and masks into Java objects, as a Java program gets them; (*) copies back only the ids");
        System.out.println("(DJL's native encode, then getTokenIds), the closest to the Rust library's own speed, against nlpipe's full encode.");
    }

    private static void run(String resource, String corpus, List<String> lines, int rounds) {
        long bytes = lines.stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length).sum();
        String label = String.format(Locale.ROOT, "%s (%.1f MB, %d lines)", corpus, bytes / 1e6, lines.size());
        String[] array = lines.toArray(new String[0]);
        BertTokenizer mine = HfReference.nlpipe(resource).withTruncation(null);
        try (HuggingFaceTokenizer hf = HfReference.djl(resource, 0)) {
            double[] m1 = best(rounds, () -> {
                long t = 0;
                for (String line : array) {
                    t += mine.encode(line).length();
                }
                return t;
            });
            double[] h1 = best(rounds, () -> {
                long t = 0;
                for (String line : array) {
                    t += hf.encode(line).getIds().length;
                }
                return t;
            });
            print(label, "one line per call, 1 thread", m1, h1);
            long handle = hf.getHandle();
            double[] h1ids = best(rounds, () -> {
                long t = 0;
                for (String line : array) {
                    long encoding = TokenizersLibrary.LIB.encode(handle, line, true);
                    t += TokenizersLibrary.LIB.getTokenIds(encoding).length;
                    TokenizersLibrary.LIB.deleteEncoding(encoding);
                }
                return t;
            });
            print(label, "1 thread, HF ids only (*)", m1, h1ids);
            double[] mb = best(rounds, () -> {
                long t = 0;
                for (int i = 0; i < array.length; i += BATCH) {
                    for (BertEncoding e : mine.encodeBatch(lines.subList(i, Math.min(array.length, i + BATCH)))) {
                        t += e.length();
                    }
                }
                return t;
            });
            double[] hb = best(rounds, () -> {
                long t = 0;
                for (int i = 0; i < array.length; i += BATCH) {
                    String[] chunk = java.util.Arrays.copyOfRange(array, i, Math.min(array.length, i + BATCH));
                    for (Encoding e : hf.batchEncode(chunk)) {
                        t += e.getIds().length;
                    }
                }
                return t;
            });
            print(label, "batches of " + BATCH + ", all cores", mb, hb);
        }
    }

    private interface Pass {
        long tokens();
    }

    /** {tokens per second, tokens} of the fastest round, after one warm-up round. */
    private static double[] best(int rounds, Pass pass) {
        pass.tokens();
        double best = 0;
        long tokens = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            tokens = pass.tokens();
            double secs = (System.nanoTime() - t0) / 1e9;
            best = Math.max(best, tokens / secs);
        }
        return new double[] {best, tokens};
    }

    private static void print(String corpus, String mode, double[] mine, double[] hf) {
        if (mine[1] != hf[1]) {
            System.out.printf(Locale.ROOT, "  (token counts differ: nlpipe %.0f, HF %.0f)%n", mine[1], hf[1]);
        }
        System.out.printf(Locale.ROOT, "%-34s %-26s %,14.0f %,14.0f %7.2fx%n", corpus, mode, mine[0], hf[0], mine[0] / hf[0]);
    }
}
