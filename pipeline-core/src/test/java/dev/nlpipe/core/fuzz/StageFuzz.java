package dev.nlpipe.core.fuzz;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Span;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.core.stage.StageProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs random texts through every stage that builds without a model or required option (behind a
 * tokenizer and a sentence splitter when it needs their layers), counting exceptions and checking
 * that every token, sentence and entity lies inside its document's text.
 */
public final class StageFuzz {

    /**
     * What one stage did with the texts.
     *
     * @param chain the stages run, the fuzzed one last
     * @param documents texts processed
     * @param tokens tokens checked
     * @param exceptions texts on which the chain threw
     * @param offsetErrors layers outside their text
     * @param firstProblem the first exception or offset error, or {@code null}
     */
    public record StageResult(List<String> chain, long documents, long tokens, long exceptions, long offsetErrors, String firstProblem) {
    }

    /**
     * What the stages did.
     *
     * @param results per stage
     * @param skipped stages that need a model or an option, with why
     */
    public record Report(List<StageResult> results, Map<String, String> skipped) {
        /** Exceptions over all stages. */
        public long exceptions() {
            return results.stream().mapToLong(StageResult::exceptions).sum();
        }

        /** Offset errors over all stages. */
        public long offsetErrors() {
            return results.stream().mapToLong(StageResult::offsetErrors).sum();
        }

        /** Tokens checked over all stages. */
        public long tokens() {
            return results.stream().mapToLong(StageResult::tokens).sum();
        }
    }

    private StageFuzz() {
    }

    /** Fuzzes every stage registered on the class path with {@code documents} texts from {@code seed}. */
    public static Report run(int documents, long seed, boolean loneSurrogates) {
        List<StageResult> results = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (StageProvider stage : Components.get().stages().all()) {
            if (stage.name().startsWith("test.")) {
                continue;  // the test suite's own stages, some of which throw on purpose
            }
            Pipeline p = null;
            String why = null;
            for (List<String> chain : List.of(List.of(stage.name()), List.of("tokenize.regex", stage.name()),
                    List.of("tokenize.regex", "sentence.split", stage.name()))) {
                try {
                    // plain text in: a stage that needs a layer the chain does not make is refused at build
                    Pipeline.Builder b = Pipeline.builder().inputLayers();
                    chain.forEach(b::add);
                    p = b.build();
                } catch (RuntimeException e) {
                    why = e.getMessage();
                    continue;
                }
                try {
                    results.add(fuzz(p, chain, documents, seed, loneSurrogates));
                } finally {
                    p.close();
                }
                break;
            }
            if (p == null) {
                skipped.put(stage.name(), why);
            }
        }
        return new Report(results, skipped);
    }

    private static StageResult fuzz(Pipeline p, List<String> chain, int documents, long seed, boolean loneSurrogates) {
        RandomText random = new RandomText(seed, loneSurrogates);
        long exceptions = 0;
        long offsetErrors = 0;
        long tokens = 0;
        String first = null;
        for (int i = 0; i < documents; i++) {
            Document doc = new Document("fuzz-" + i, random.next());
            List<Document> out;
            try {
                out = p.process(doc);
            } catch (RuntimeException e) {
                exceptions++;
                first = first != null ? first : "doc " + i + ": " + e;
                continue;
            }
            for (Document d : out) {
                String problem = offsetProblem(d);
                if (problem != null) {
                    offsetErrors++;
                    first = first != null ? first : "doc " + i + ": " + problem;
                }
                tokens += d.tokens() == null ? 0 : d.tokens().size();
            }
        }
        return new StageResult(chain, documents, tokens, exceptions, offsetErrors, first);
    }

    /** What is wrong with a document's layers, or {@code null}: every span must lie inside the text. */
    static String offsetProblem(Document d) {
        int n = d.text().length();
        if (d.tokens() != null) {
            for (Token t : d.tokens()) {
                if (t.start() < 0 || t.start() > t.end() || t.end() > n) {
                    return "token " + t + " outside a text of " + n;
                }
            }
        }
        if (d.sentences() != null) {
            for (Span s : d.sentences()) {
                if (s.start() < 0 || s.start() > s.end() || s.end() > n) {
                    return "sentence " + s + " outside a text of " + n;
                }
            }
        }
        if (d.entities() != null) {
            for (Entity e : d.entities()) {
                if (e.start() < 0 || e.start() > e.end() || e.end() > n || !d.text().substring(e.start(), e.end()).equals(e.text())) {
                    return "entity " + e + " does not match the text";
                }
            }
        }
        return null;
    }
}
