package dev.nlpipe.cli;

import dev.nlpipe.embed.vectorize.TfidfParity;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nlpipe eval tfidf-parity REF.json...}: reproduces scikit-learn TF-IDF reference files and reports the differences. */
@Command(name = "tfidf-parity", mixinStandardHelpOptions = true,
        description = {"Reproduce scikit-learn TfidfVectorizer reference files (settings, documents, vocabulary, idf and every"
                + " value) with nlpipe, and report whether the vocabulary is identical and the largest absolute difference.",
                "Exits 1 when any file differs by more than --tolerance."})
public final class EvalTfidfParityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF.json", arity = "1..*", description = "reference files (or directories of tfidf_ref_*.json)")
    List<Path> references;

    @Option(names = "--tolerance", defaultValue = "1e-9", description = "largest accepted absolute difference (default ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON ('-' for standard output)")
    Path json;

    @Override
    public Integer call() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path p : references) {
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().matches("tfidf_ref_.*\\.json")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                System.err.println("nlpipe: not found: " + p + " (the references live in ../shared/parity)");
                return ExitCodes.CONFIG;
            }
        }
        if (files.isEmpty()) {
            System.err.println("nlpipe: no reference file (tfidf_ref_*.json) in " + references + " (the references live in ../shared/parity)");
            return ExitCodes.CONFIG;
        }
        OutputOptions.reportFile(spec, "--json", json, files.stream().map(f -> OutputOptions.in("reference", f))
                .toArray(OutputOptions.Input[]::new));
        PrintWriter text = OutputOptions.textOut(spec, json);
        boolean ok = true;
        Map<String, Object> all = new LinkedHashMap<>();
        for (Path f : files) {
            TfidfParity.Result r = TfidfParity.check(f);
            boolean match = r.matches(tolerance);
            ok &= match;
            all.put(f.getFileName().toString(), r.toMap());
            text.printf(Locale.ROOT, "%-34s %s  docs %d  terms %d/%d  vocabulary %s  max |Δidf| %.3g  max |Δvalue| %.3g%n",
                    f.getFileName(), match ? "OK  " : "FAIL", r.documents(), r.nlpipeTerms(), r.referenceTerms(),
                    r.vocabularyIdentical() ? "identical" : "DIFFERS (missing " + r.missingTerms() + ", extra " + r.extraTerms() + ")",
                    r.maxIdfDiff(), r.maxValueDiff());
        }
        text.flush();
        if (json != null) {
            OutputOptions.writeJson(spec, json, all);
        }
        return ok ? ExitCodes.OK : ExitCodes.RECORDS_FAILED;
    }
}
