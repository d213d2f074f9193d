package dev.nlpipe.core.bench;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.ErrorLog;
import dev.nlpipe.core.run.MemorySink;
import dev.nlpipe.core.run.OnError;
import dev.nlpipe.core.run.PipelineRunner;
import dev.nlpipe.core.run.RunOptions;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Segmentation throughput on a warm JVM, in characters per second, for every backend: through
 * nlpipe's pipeline runner and by calling the wrapped library directly, on 1 and 2 threads, in the
 * same run. Each figure is the median of several timed rounds, after warm-up; each round times the
 * library and nlpipe back to back in ABBA order, and the overhead is the median of the rounds'
 * time ratios, so that load from other processes on a shared machine hits both sides alike. Scaling
 * is shown both by wall clock and by characters per CPU-second of the JVM: on a machine whose
 * cores other processes also use, the second is the one that tells whether two threads contend.
 * Run by {@code bench/segment-throughput.sh}; not a unit test.
 *
 * <pre>SegmentThroughput TEXT TRAINING_WORDS PKU_PIPELINE [--seconds S] [--rounds N] [--only TEXT]
 *     [--peer NAME=CHARS_PER_SECOND:CHARS_PER_CPU_SECOND]...</pre>
 */
public final class SegmentThroughput {
    private static final int BATCH = 128;

    private SegmentThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path text = Path.of(args[0]);
        Path words = Path.of(args[1]);
        Path pkuPipeline = Path.of(args[2]);
        double seconds = 1;
        int rounds = 5;
        String only = "";
        Map<String, Rate> peers = new TreeMap<>();
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "--peer" -> {
                    String[] kv = args[++i].split("=", 2);
                    String[] rates = kv[1].split(":", 2);
                    peers.put(kv[0], new Rate(Double.parseDouble(rates[0]), Double.parseDouble(rates[1])));
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<String> lines = Files.readAllLines(text, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        long chars = lines.stream().mapToLong(String::length).sum();
        System.out.printf(Locale.ROOT, "text: %s, %d lines, %,d chars; %d cores; Java %s; %d ABBA rounds of >= %.1f s per side after warm-up; load average %s%n",
                text, lines.size(), chars, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), rounds, seconds,
                loadAverage());
        System.out.printf(Locale.ROOT, "%-20s %7s %14s %14s %9s %18s %18s %9s %6s%n", "backend", "threads", "nlpipe chars/s",
                "direct chars/s", "overhead", "nlpipe chars/CPU-s", "direct chars/CPU-s", "overhead", "cores");
        Map<String, Measurement> nlpipeOneThread = new TreeMap<>();
        for (SegmentBackends.Backend b : SegmentBackends.all(words, pkuPipeline)) {
            if (!b.name().contains(only)) {
                continue;
            }
            try (Pipeline p = b.pipeline().get()) {
                SegmentBackends.Direct direct = b.direct() == null ? null : b.direct().get();
                Measurement one = measure(p, direct, lines, chars, 1, rounds, seconds);
                Measurement two = measure(p, direct, lines, chars, 2, rounds, seconds);
                for (Measurement m : List.of(one, two)) {
                    System.out.printf(Locale.ROOT, "%-20s %7d %,14.0f %,14.0f %9s %,18.0f %,18.0f %9s %6.2f%n", b.name(), m.threads(),
                            m.nlpipe().wall(), m.direct().wall(), percent(m.overhead()), m.nlpipe().perCpu(), m.direct().perCpu(),
                            percent(m.cpuOverhead()), m.nlpipe().wall() / m.nlpipe().perCpu());
                }
                System.out.printf(Locale.ROOT, "%-20s 2 threads / 1 thread (nlpipe): %.2fx wall clock, %.2fx chars per CPU-second%n", "",
                        two.nlpipe().wall() / one.nlpipe().wall(), two.nlpipe().perCpu() / one.nlpipe().perCpu());
                nlpipeOneThread.put(b.name(), one);
            }
        }
        System.out.println("direct: " + String.join("; ", SegmentBackends.all(words, pkuPipeline).stream()
                .map(b -> b.name() + " = " + b.note()).toList()));
        System.out.println("overhead: how much longer nlpipe takes than the direct call (median of the rounds' time ratios, minus 1),"
                + " in wall time and in CPU time");
        System.out.println("cores: CPU time of the whole JVM (workers, GC, JIT) per second of wall time while nlpipe ran;"
                + " chars per CPU-second that stay the same on 2 threads mean no contention, so the wall-clock gain is"
                + " limited only by the cores other processes leave free");
        System.out.println("load average at the end: " + loadAverage());
        for (Map.Entry<String, Rate> peer : peers.entrySet()) {
            Rate pr = peer.getValue();
            for (Map.Entry<String, Measurement> e : nlpipeOneThread.entrySet()) {
                Rate n = e.getValue().nlpipe();
                System.out.printf(Locale.ROOT, "ratio nlpipe %s / %s, 1 thread: %.2fx by wall clock, %.2fx by CPU time (%s: %,.0f chars/s, %,.0f chars/CPU-s)%n",
                        e.getKey(), peer.getKey(), n.wall() / pr.wall(), n.perCpu() / pr.perCpu(), peer.getKey(), pr.wall(), pr.perCpu());
            }
        }
    }

    /** Wall-clock and CPU-time throughput of one timing. */
    private record Rate(double wall, double perCpu) {
    }

    /**
     * @param threads worker threads
     * @param nlpipe median nlpipe throughput
     * @param direct median direct throughput, NaN when there is no direct call
     * @param overhead median over rounds of (nlpipe wall time / direct wall time) - 1, NaN without a direct call
     * @param cpuOverhead the same for CPU time
     */
    private record Measurement(int threads, Rate nlpipe, Rate direct, double overhead, double cpuOverhead) {
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * fraction);
    }

    /** Warm-up, then ABBA rounds: direct, nlpipe, direct. */
    private static Measurement measure(Pipeline p, SegmentBackends.Direct direct, List<String> lines, long chars, int threads, int rounds,
                                       double seconds) throws Exception {
        double[][] v = new double[6][rounds];   // nlpipe wall, nlpipe cpu, direct wall, direct cpu, wall ratio, cpu ratio
        Rate none = new Rate(Double.NaN, Double.NaN);
        warmUp(p, direct, lines, threads, 2 * seconds);
        for (int r = 0; r < rounds; r++) {
            Rate d1 = direct == null ? none : time(() -> runDirect(direct, lines, threads), chars, seconds / 2);
            Rate n = time(() -> runNlpipe(p, lines, threads), chars, seconds);
            Rate d2 = direct == null ? none : time(() -> runDirect(direct, lines, threads), chars, seconds / 2);
            double[] row = {n.wall(), n.perCpu(), (d1.wall() + d2.wall()) / 2, (d1.perCpu() + d2.perCpu()) / 2, 0, 0};
            row[4] = row[2] / row[0];
            row[5] = row[3] / row[1];
            for (int k = 0; k < row.length; k++) {
                v[k][r] = row[k];
            }
        }
        return new Measurement(threads, new Rate(median(v[0]), median(v[1])), new Rate(median(v[2]), median(v[3])), median(v[4]) - 1,
                median(v[5]) - 1);
    }

    private static void warmUp(Pipeline p, SegmentBackends.Direct direct, List<String> lines, int threads, double seconds)
            throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        do {
            runNlpipe(p, lines, threads);
            if (direct != null) {
                runDirect(direct, lines, threads);
            }
        } while (System.nanoTime() < end);
    }

    /** One pass over the text. */
    private interface Pass {
        void run() throws Exception;
    }

    /** Chars per second (of wall time and of the JVM's CPU time) of whole passes, repeated for at least {@code seconds}. */
    private static Rate time(Pass pass, long chars, double seconds) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long passes = 0;
        do {
            pass.run();
            passes++;
        } while (System.nanoTime() - t0 < seconds * 1e9);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - c0) / 1e9;
        return new Rate(passes * chars / wall, passes * chars / cpu);
    }

    private static void runNlpipe(Pipeline p, List<String> lines, int threads) throws IOException {
        Iterator<Document> docs = new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < lines.size();
            }

            @Override
            public Document next() {
                int n = i++;
                return new Document("l" + n, lines.get(n));
            }
        };
        MemorySink sink = new MemorySink(false);
        new PipelineRunner(p.name(), p.stages(), new RunOptions(threads, BATCH, OnError.FAIL, false), null)
                .run(docs, sink, new ErrorLog(null, null, OnError.FAIL), 0, () -> 0);
        if (sink.count() != lines.size()) {
            throw new IllegalStateException("lost documents");
        }
    }

    /** Segments every line: on the calling thread, or on a pool taking batches of lines as the runner does. */
    private static void runDirect(SegmentBackends.Direct direct, List<String> lines, int threads) throws Exception {
        if (threads == 1) {
            for (String l : lines) {
                direct.segment(l);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                jobs.add(pool.submit(() -> {
                    int from;
                    while ((from = next.getAndAdd(BATCH)) < lines.size()) {
                        for (int i = from; i < Math.min(lines.size(), from + BATCH); i++) {
                            direct.segment(lines.get(i));
                        }
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
