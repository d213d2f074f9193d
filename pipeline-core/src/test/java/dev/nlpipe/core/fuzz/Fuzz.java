package dev.nlpipe.core.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fuzz harness from the command line: {@code Fuzz DOCUMENTS [SEED]} runs random texts
 * through every stage on the class path and through the readers and writers, prints the counts,
 * and exits 1 when anything went wrong. The test suite runs a small count
 * ({@code -Dnlpipe.fuzz.docs=N} raises it).
 */
public final class Fuzz {
    private Fuzz() {
    }

    /** The document count: the system property {@code nlpipe.fuzz.docs}, else {@code fallback}. */
    public static int documents(int fallback) {
        return Integer.getInteger("nlpipe.fuzz.docs", fallback);
    }

    /** One line per stage fuzzed or skipped, then the totals. */
    public static void print(StageFuzz.Report stages, PrintStream out) {
        stages.results().forEach(out::println);
        stages.skipped().forEach((k, v) -> out.println("skipped " + k + ": " + v));
        out.println("fuzz: " + stages.results().size() + " stages, " + stages.tokens() + " tokens, "
                + stages.exceptions() + " exceptions, " + stages.offsetErrors() + " offset errors");
    }

    public static void main(String[] args) throws IOException {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        StageFuzz.Report stages = StageFuzz.run(documents, seed, true);
        print(stages, System.out);
        Path dir = Files.createTempDirectory("nlpipe-fuzz");
        List<IoFuzz.Result> io = IoFuzz.run(dir, documents, seed);
        io.forEach(System.out::println);
        boolean ok = stages.exceptions() == 0 && stages.offsetErrors() == 0 && io.stream().allMatch(IoFuzz.Result::ok);
        System.exit(ok ? 0 : 1);
    }
}
