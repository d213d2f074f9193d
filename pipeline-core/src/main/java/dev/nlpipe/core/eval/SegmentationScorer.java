package dev.nlpipe.core.eval;

import dev.nlpipe.core.doc.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accumulates word segmentation scores sentence by sentence, by the SIGHAN bakeoff's rules:
 * words are compared as character spans of the raw sentence (the gold line without its spaces),
 * and gold words missing from the training word list count as out of vocabulary. Not
 * thread-safe.
 */
public final class SegmentationScorer {
    private static final Pattern SEPARATORS = Pattern.compile("[ \t\u3000]+");

    private final Set<String> trainingWords;
    private long sentences;
    private long chars;
    private long gold;
    private long predicted;
    private long correct;
    private long oov;
    private long oovCorrect;
    private long ivCorrect;

    /** @param trainingWords the training word list for OOV figures, or {@code null} for none */
    public SegmentationScorer(Set<String> trainingWords) {
        this.trainingWords = trainingWords;
    }

    /** The words of a segmented line (words separated by spaces, tabs or ideographic spaces; a trailing CR ignored). */
    public static List<String> words(String line) {
        String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        String trimmed = SEPARATORS.matcher(s).replaceAll(" ").strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split(" "));
    }

    /** The raw text of segmented words: the words joined without separators. */
    public static String raw(List<String> words) {
        return String.join("", words);
    }

    /** The character spans of consecutive words. */
    public static List<Span> spans(List<String> words) {
        List<Span> out = new ArrayList<>(words.size());
        int at = 0;
        for (String w : words) {
            out.add(new Span(at, at + w.length()));
            at += w.length();
        }
        return out;
    }

    /**
     * Scores one sentence.
     *
     * @param goldWords the gold words
     * @param predictedSpans predicted words as spans of the raw sentence (the gold words joined)
     */
    public void add(List<String> goldWords, List<Span> predictedSpans) {
        sentences++;
        chars += raw(goldWords).length();
        gold += goldWords.size();
        predicted += predictedSpans.size();
        Set<Span> found = new HashSet<>(predictedSpans);
        int at = 0;
        for (String w : goldWords) {
            Span s = new Span(at, at + w.length());
            at = s.end();
            boolean hit = found.contains(s);
            if (hit) {
                correct++;
            }
            if (trainingWords != null) {
                if (trainingWords.contains(w)) {
                    ivCorrect += hit ? 1 : 0;
                } else {
                    oov++;
                    oovCorrect += hit ? 1 : 0;
                }
            }
        }
    }

    /**
     * Scores one sentence segmented as words.
     *
     * @throws IllegalArgumentException when the predicted words do not spell the gold sentence
     */
    public void addWords(List<String> goldWords, List<String> predictedWords) {
        String g = raw(goldWords);
        String p = raw(predictedWords);
        if (!g.equals(p)) {
            throw new IllegalArgumentException("the segmented text differs from the gold text: " + firstDifference(g, p));
        }
        add(goldWords, spans(predictedWords));
    }

    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return "at character " + (i + 1) + ", gold has '" + excerpt(a, i) + "', segmented has '" + excerpt(b, i) + "'";
    }

    private static String excerpt(String s, int i) {
        return i >= s.length() ? "(end)" : s.substring(i, Math.min(s.length(), i + 10));
    }

    /** The scores so far. */
    public SegmentationScore score() {
        boolean known = trainingWords != null;
        return new SegmentationScore(sentences, chars, gold, predicted, correct, known ? oov : -1, known ? oovCorrect : -1,
                known ? ivCorrect : -1);
    }
}
