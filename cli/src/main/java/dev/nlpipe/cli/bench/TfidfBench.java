package dev.nlpipe.cli.bench;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.embed.vectorize.AnalyzerSpec;
import dev.nlpipe.embed.vectorize.Pruning;
import dev.nlpipe.embed.vectorize.VectorizerFitter;
import dev.nlpipe.embed.vectorize.VectorizerModel;
import dev.nlpipe.embed.vectorize.Weighting;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Benchmark behind {@code bench/tfidf-speed.sh}: TF-IDF fit + transform of a corpus held in memory
 * (every non-empty, stripped line of the {@code *.txt} files of a directory, in sorted file order),
 * with scikit-learn's default analyzer, word 1-2-grams, min_df=2 and sublinear tf — the setting of
 * the reference figures. Prints throughput (best of the timed repeats), peak heap and checksums
 * that the script compares with scikit-learn's.
 *
 * <p>Usage: {@code java -cp nlpipe.jar dev.nlpipe.cli.bench.TfidfBench DIR [THREADS] [REPEATS]}
 */
public final class TfidfBench {
    private TfidfBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Document> docs = new ArrayList<>();
        long bytes = read(dir, docs);
        AnalyzerSpec spec = new AnalyzerSpec(AnalyzerSpec.Kind.WORD, 1, 2, true, AnalyzerSpec.SKLEARN_TOKEN_PATTERN, Set.of(), true);
        Pruning pruning = new Pruning(2L, 1.0, null);
        Weighting w = new Weighting(false, true, true, true, Weighting.Norm.L2);

        VectorizerFitter.fitTransform(docs, spec, pruning, w, null, threads); // warm-up
        System.gc();
        resetPeaks();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        VectorizerFitter.Fitted fitted = null;
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < repeats; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            fitted = VectorizerFitter.fitTransform(docs, spec, pruning, w, null, threads);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - c0) / 1e9);
        }
        long peak = peakHeap();
        double fitOnly = Double.MAX_VALUE;
        double transformOnly = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            VectorizerModel m = VectorizerFitter.fit(docs, spec, pruning, w, null, threads);
            long t1 = System.nanoTime();
            SparseVector[] rows = new SparseVector[docs.size()];
            java.util.stream.IntStream.range(0, rows.length).parallel().forEach(i -> rows[i] = m.transform(docs.get(i)));
            long t2 = System.nanoTime();
            fitOnly = Math.min(fitOnly, (t1 - t0) / 1e9);
            transformOnly = Math.min(transformOnly, (t2 - t1) / 1e9);
        }
        double mb = bytes / 1e6;
        System.out.printf(Locale.ROOT, "documents %d%nmegabytes %.3f%nthreads %d%n", docs.size(), mb, threads);
        System.out.printf(Locale.ROOT, "fit_transform_seconds %.4f%ndocs_per_second %.0f%nmb_per_second %.2f%n", best, docs.size() / best, mb / best);
        System.out.printf(Locale.ROOT, "cpu_seconds %.4f%n", bestCpu);
        System.out.printf(Locale.ROOT, "fit_seconds %.4f%ntransform_seconds %.4f%n", fitOnly, transformOnly);
        System.out.printf(Locale.ROOT, "peak_heap_mb %.0f%nmax_heap_mb %.0f%n", peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        checksums(fitted);
    }

    private static long read(Path dir, List<Document> docs) throws IOException {
        long bytes = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (!t.isEmpty()) {
                    docs.add(new Document("d" + docs.size(), t));
                    bytes += t.getBytes(StandardCharsets.UTF_8).length;
                }
            }
        }
        return bytes;
    }

    /** Vocabulary hash, non-zeros and value sums, printed the same way as the Python side. */
    private static void checksums(VectorizerFitter.Fitted f) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(String.join("\n", f.model().vocabulary().terms()).getBytes(StandardCharsets.UTF_8));
        long nnz = 0;
        double sum = 0;
        double weighted = 0;
        for (SparseVector v : f.rows()) {
            nnz += v.size();
            for (int i = 0; i < v.size(); i++) {
                sum += v.values()[i];
                weighted += v.values()[i] * ((v.indices()[i] % 1000) + 1);
            }
        }
        System.out.printf(Locale.ROOT, "vocabulary %d%nvocabulary_sha256 %s%nnnz %d%nsum_values %.6f%nsum_weighted %.6f%n",
                f.model().size(), HexFormat.of().formatHex(sha.digest()), nnz, sum, weighted);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        return Arrays.stream(ManagementFactory.getMemoryPoolMXBeans().toArray(new MemoryPoolMXBean[0]))
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
