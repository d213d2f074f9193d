package dev.nlpipe.cli;

import dev.nlpipe.embed.word2vec.AnalogyEvaluation;
import dev.nlpipe.embed.word2vec.SimilarityEvaluation;
import dev.nlpipe.embed.word2vec.WordVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nlpipe eval embed}: word-analogy accuracy and word-similarity correlation of word vectors. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Evaluate word vectors: analogy accuracy (questions-words format: Google's set, CA8) per section and overall, "
                + "and Spearman's rho on word-similarity sets (WordSim-353, SimLex-999, wordsim-240/297).")
public final class EvalEmbedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--vectors", required = true, paramLabel = "FILE", description = "word2vec model directory or vectors file (.bin, .txt, .vec)")
    Path vectors;

    @Option(names = "--analogy", paramLabel = "FILE", description = "analogy questions ': section' + 'a b c d' lines (repeatable)")
    List<Path> analogy = new ArrayList<>();

    @Option(names = "--similarity", paramLabel = "FILE", description = "word pairs 'w1<TAB>w2<TAB>score' (repeatable)")
    List<Path> similarity = new ArrayList<>();

    @Option(names = "--restrict-vocab", paramLabel = "N", description = "only the N most frequent words take part, in analogies and"
            + " similarity (default: 30000 for analogies, as compute-accuracy; 300000 for similarity, as gensim's evaluate_word_pairs;"
            + " 0 = all)")
    Integer restrict;

    @Option(names = "--method", defaultValue = "add", description = "with --analogy: add (3CosAdd) or mul (3CosMul); default: ${DEFAULT-VALUE}")
    String method;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON ('-' for standard output)")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (analogy.isEmpty() && similarity.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --analogy FILE and/or --similarity FILE");
        }
        if (analogy.isEmpty() && spec.commandLine().getParseResult().hasMatchedOption("--method")) {
            // similarity takes no method: ignoring it would hide that the analogies the user meant to score are missing
            throw new CommandLine.ParameterException(spec.commandLine(), "--method scores analogies and goes with --analogy FILE");
        }
        if (restrict != null && restrict < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--restrict-vocab must be 0 (all words) or more, not " + restrict);
        }
        WordVectors.AnalogyMethod m = method(spec, method);
        for (Path p : concat(analogy, similarity)) {
            if (!Files.isRegularFile(p)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "evaluation file not found: " + p
                        + (p.toString().contains("shared/data") ? " (the public data sets are expected in ../shared/data beside the repository)" : ""));
            }
        }
        List<OutputOptions.Input> read = new ArrayList<>(List.of(OutputOptions.in("--vectors", vectors)));
        analogy.forEach(p -> read.add(OutputOptions.in("--analogy", p)));
        similarity.forEach(p -> read.add(OutputOptions.in("--similarity", p)));
        OutputOptions.reportFile(spec, "--json", json, read.toArray(OutputOptions.Input[]::new));
        OutputOptions.refuseInside(spec, "--json", json, OutputOptions.in("--vectors", vectors));
        WordVectors v = EmbedCommand.load(spec, vectors);
        PrintWriter out = OutputOptions.textOut(spec, json);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("vectors", vectors.toString());
        report.put("words", v.size());
        report.put("dim", v.dim());
        out.printf(Locale.ROOT, "%s: %,d words, %d dimensions%n", vectors, v.size(), v.dim());
        if (!analogy.isEmpty()) {
            AnalogyEvaluation.Result r = AnalogyEvaluation.evaluate(v, analogy, restrict != null ? restrict : AnalogyEvaluation.RESTRICT_VOCAB, m);
            out.printf(Locale.ROOT, "analogy (%s, %,d most frequent words): accuracy %.4f  (%d correct of %d answered; %d of %d questions skipped as out of vocabulary)%n",
                    r.asMap().get("method"), r.restrictVocab(), r.accuracy(), r.correct(), r.answered(), r.questions() - r.answered(), r.questions());
            for (AnalogyEvaluation.Section s : r.sections()) {
                out.printf(Locale.ROOT, "  %-32s %.4f  %5d / %5d answered of %5d%n", s.name(), s.accuracy(), s.correct(), s.answered(), s.questions());
            }
            report.put("analogy", r.asMap());
        }
        if (!similarity.isEmpty()) {
            Map<String, Object> sims = new LinkedHashMap<>();
            for (Path p : similarity) {
                SimilarityEvaluation.Result r = SimilarityEvaluation.evaluate(v, p, restrict != null ? restrict : SimilarityEvaluation.RESTRICT_VOCAB);
                out.printf(Locale.ROOT, "similarity %s: spearman %.4f  pearson %.4f  (%d pairs, %d out of vocabulary%s)%n", r.name(), r.spearman(),
                        r.pearson(), r.pairs(), r.oov(), r.restrictVocab() > 0 && r.restrictVocab() < v.size()
                                ? String.format(Locale.ROOT, " or past the %,d most frequent words", r.restrictVocab()) : "");
                // two files of one name (a/sim.txt, b/sim.txt) are both kept: the later under its path
                sims.put(sims.containsKey(r.name()) ? p.toString() : r.name(), r.asMap());
            }
            report.put("similarity", sims);
        }
        out.flush();
        if (json != null) {
            OutputOptions.writeJson(spec, json, report);
        }
        return ExitCodes.OK;
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static WordVectors.AnalogyMethod method(CommandSpec spec, String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "add", "3cosadd" -> WordVectors.AnalogyMethod.ADD;
            case "mul", "3cosmul" -> WordVectors.AnalogyMethod.MUL;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--method must be add (3CosAdd) or mul (3CosMul), not '" + name + "'");
        };
    }
}
