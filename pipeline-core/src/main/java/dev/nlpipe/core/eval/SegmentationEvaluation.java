package dev.nlpipe.core.eval;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Span;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.io.ErrorLog;
import dev.nlpipe.core.io.InputFormatException;
import dev.nlpipe.core.io.Utf8Text;
import dev.nlpipe.core.run.MemorySink;
import dev.nlpipe.core.run.OnError;
import dev.nlpipe.core.run.PipelineRunner;
import dev.nlpipe.core.run.RunOptions;
import dev.nlpipe.core.text.RegexTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a word segmentation against a gold file in the SIGHAN bakeoff format (one sentence per
 * line, words separated by spaces): either a pipeline, which segments each gold line with its
 * spaces removed, or a file of predicted segmentations, line by line.
 */
public final class SegmentationEvaluation {

    /** A non-empty gold line: its 1-based line number and words. */
    public record GoldLine(int line, List<String> words) {
        /** The raw sentence: the words without separators. */
        public String raw() {
            return SegmentationScorer.raw(words);
        }
    }

    /**
     * The outcome of segmenting the gold text with a pipeline.
     *
     * @param score the scores
     * @param seconds wall time of the segmentation run (pipeline construction excluded)
     * @param threads worker threads used
     * @param predicted for each gold line, the predicted spans of its raw sentence, as scored ({@link #withSpaces})
     */
    public record Result(SegmentationScore score, double seconds, int threads, List<List<Span>> predicted) {
        /** Raw characters segmented per second of wall time. */
        public double charsPerSecond() {
            return seconds > 0 ? score.chars() / seconds : 0;
        }
    }

    private SegmentationEvaluation() {
    }

    /** The non-empty lines of a gold file (UTF-8; CRLF and a byte-order mark are accepted). */
    public static List<GoldLine> readGold(Path file) throws IOException {
        List<GoldLine> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines(file)) {
            lineNo++;
            List<String> words = SegmentationScorer.words(line);
            if (!words.isEmpty()) {
                out.add(new GoldLine(lineNo, words));
            }
        }
        return out;
    }

    /** A training word list: one word per line (the first field of the line), blank lines skipped. */
    public static Set<String> readWords(Path file) throws IOException {
        Set<String> out = new HashSet<>();
        for (String line : lines(file)) {
            List<String> f = SegmentationScorer.words(line);
            if (!f.isEmpty()) {
                out.add(f.get(0));
            }
        }
        return out;
    }

    private static List<String> lines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = Utf8Text.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * Scores a predicted segmentation file against the gold lines: line {@code n} of the
     * prediction segments line {@code n} of the gold file.
     *
     * @throws InputFormatException naming the line where the prediction's text differs from the gold text
     */
    public static SegmentationScore scoreFile(List<GoldLine> gold, Path predicted, Set<String> trainingWords) throws IOException {
        List<String> pred = lines(predicted);
        java.util.BitSet goldLines = new java.util.BitSet();
        gold.forEach(g -> goldLines.set(g.line()));
        for (int n = 1; n <= pred.size(); n++) {
            if (!goldLines.get(n) && !pred.get(n - 1).isBlank()) {
                // a gold line that is empty (or beyond the gold's end) against words: the files are out of step from here
                throw new InputFormatException(predicted.toString(), n, "the gold file's line " + n + " is "
                        + (n <= lastLine(gold) ? "empty" : "past its end") + ", but this line holds words: the files are out of step");
            }
        }
        SegmentationScorer scorer = new SegmentationScorer(trainingWords);
        for (GoldLine g : gold) {
            List<String> p = g.line() <= pred.size() ? SegmentationScorer.words(pred.get(g.line() - 1)) : List.of();
            try {
                scorer.addWords(g.words(), p);
            } catch (IllegalArgumentException e) {
                throw new InputFormatException(predicted.toString(), g.line(), e.getMessage()
                        + (g.line() > pred.size() ? " (the file has only " + pred.size() + " lines)" : ""));
            }
        }
        return scorer.score();
    }

    private static int lastLine(List<GoldLine> gold) {
        return gold.isEmpty() ? 0 : gold.get(gold.size() - 1).line();
    }

    /**
     * Segments every gold sentence with the pipeline, through the pipeline runner, and scores the
     * tokens' spans.
     *
     * @param lang the documents' language, or {@code null} to leave it unset
     * @param threads worker threads (0: all cores)
     * @param progress where to report progress (standard error), or {@code null} for none
     */
    public static Result evaluate(Pipeline pipeline, List<GoldLine> gold, Set<String> trainingWords, String lang, int threads,
                                  PrintStream progress) throws IOException {
        List<Document> docs = new ArrayList<>(gold.size());
        for (GoldLine g : gold) {
            Document d = new Document("line-" + g.line(), g.raw());
            d.setLang(lang);
            d.meta().put("line", g.line());
            docs.add(d);
        }
        RunOptions options = new RunOptions(threads, 0, OnError.FAIL, progress != null);
        MemorySink sink = new MemorySink(true);
        PipelineRunner runner = new PipelineRunner(pipeline.name(), pipeline.stages(), options, progress);
        long t0 = System.nanoTime();
        runner.run(docs.iterator(), sink, new ErrorLog(null, null, OnError.FAIL), 0, () -> 0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (sink.documents().size() != gold.size()) {
            throw new IllegalStateException("the pipeline returned " + sink.documents().size() + " documents for " + gold.size()
                    + " gold sentences; a segmentation pipeline must keep every document (drop filter stages)");
        }
        SegmentationScorer scorer = new SegmentationScorer(trainingWords);
        List<List<Span>> predicted = new ArrayList<>(gold.size());
        for (int i = 0; i < gold.size(); i++) {
            Document d = sink.documents().get(i);
            List<Span> tokens = new ArrayList<>();
            for (Token t : d.requireTokens("eval segment")) {
                tokens.add(new Span(t.start(), t.end()));
            }
            List<Span> spans = withSpaces(gold.get(i).raw(), tokens);
            scorer.add(gold.get(i).words(), spans);
            predicted.add(spans);
        }
        return new Result(scorer.score(), seconds, options.threads(), predicted);
    }

    /**
     * The tokens' spans with the characters between them that a tokenizer takes for space and the
     * gold format does not (a no-break space, a zero-width space, a byte-order mark: those of
     * {@link RegexTokenizer#isSpace} but a space, a tab or an ideographic space) joined to the word
     * before them, or to the first word at the start of the sentence. Such a character in a gold
     * line is part of a word, as in the bakeoff's script, which splits at ASCII white space only; a
     * prediction that dropped it would no longer spell the gold sentence, and one that made it a
     * word would count a word the tokenizer never produced. Overlapping spans and gaps holding
     * other characters are kept as they are.
     *
     * @param raw the sentence the spans index
     * @param spans the tokens' spans, in order
     */
    public static List<Span> withSpaces(String raw, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            int start = i == 0 && RegexTokenizer.onlySpaces(raw, 0, s.start()) ? 0 : s.start();
            int next = i + 1 < spans.size() ? spans.get(i + 1).start() : raw.length();
            int end = next > s.end() && RegexTokenizer.onlySpaces(raw, s.end(), next) ? next : s.end();
            out.add(start == s.start() && end == s.end() ? s : new Span(start, end));
        }
        return out;
    }

    /**
     * A predicted segmentation in the gold file's format: the spans' characters separated by two
     * spaces, so that {@code --pred} reads the line back and scores what {@code --pipeline} scored
     * (the characters between tokens that the tokenizer took for space are joined to a word as
     * {@link #withSpaces} joins them).
     *
     * @throws IllegalArgumentException when a character has no span ({@code punctuation: drop}) or two
     *     spans overlap (character bigrams): the gold format cannot hold that segmentation
     */
    public static String format(String raw, List<Span> spans) {
        StringBuilder sb = new StringBuilder(raw.length() * 2);
        Span previous = null;
        int at = 0;
        for (Span s : withSpaces(raw, spans)) {
            if (s.start() < at) {
                throw new IllegalArgumentException("the tokens '" + raw.substring(previous.start(), previous.end()) + "' and '"
                        + raw.substring(s.start(), s.end()) + "' overlap (in \"" + raw + "\"): the gold format holds one segmentation,"
                        + " so it takes a tokenizer whose tokens do not overlap");
            }
            uncovered(raw, at, s.start());
            word(sb, raw.substring(s.start(), s.end()));
            at = s.end();
            previous = s;
        }
        uncovered(raw, at, raw.length());
        return sb.toString();
    }

    /**
     * Refuses a character no token covers: written as a word it would score as found what was scored as missed, and left
     * out the line would no longer spell the gold sentence.
     */
    private static void uncovered(String raw, int from, int to) {
        if (from < to) {
            int cp = raw.codePointAt(from);
            throw new IllegalArgumentException("no token covers '" + Character.toString(cp) + "' (U+" + String.format(java.util.Locale.ROOT, "%04X", cp)
                    + ", in \"" + raw + "\"): the gold format holds every character, so it takes a pipeline whose tokens cover"
                    + " them all (punctuation: drop leaves marks out)");
        }
    }

    private static void word(StringBuilder sb, String w) {
        if (!sb.isEmpty()) {
            sb.append("  ");
        }
        sb.append(w);
    }
}
