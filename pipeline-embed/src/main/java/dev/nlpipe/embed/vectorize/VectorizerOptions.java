package dev.nlpipe.embed.vectorize;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.io.Utf8Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * The vectorizer options shared by the stages and trainers, with scikit-learn's names (in camel
 * case) and defaults, and their conversion into an {@link AnalyzerSpec}, {@link Pruning} and
 * {@link Weighting} with located error messages.
 */
public final class VectorizerOptions {
    /** The way out of a term or stop word that lowercasing keeps from ever matching (scikit-learn only warns). */
    private static final String LOWER_CASE_FIX = "; write it in lower case, or set lowercase: false";
    private VectorizerOptions() {
    }

    /** Options that say how documents become features. */
    public static List<OptionSpec> analysis() {
        return List.of(
                OptionSpec.choice("analyzer", "word", "features are word n-grams of the tokens, or character n-grams (char, char_wb)",
                        "word", "char", "char_wb"),
                OptionSpec.intList("ngramRange", List.of(1, 1), "[min, max] n-gram lengths, e.g. [1, 2] for unigrams and bigrams")
                        .between(1, AnalyzerSpec.MAX_N),
                OptionSpec.bool("lowercase", true, "lowercase before analysis"),
                OptionSpec.string("tokenPattern", null, "word analyzer: a Python regex whose matches are the words, read from the text"
                        + " (scikit-learn's default is (?u)\\b\\w\\w+\\b); unset: use the document's tokens"),
                OptionSpec.stringList("stopWords", List.of(), "words left out before n-grams are formed (word analyzer)"),
                OptionSpec.path("stopWordsFile", "a file of stop words, one per line (word analyzer)"),
                OptionSpec.bool("skipStopTokens", true, "leave out tokens a stop-word stage marked as stop words"));
    }

    /** Options that only fitting reads. */
    public static List<OptionSpec> pruning() {
        return List.of(
                OptionSpec.number("minDf", 1L, "drop terms in fewer documents: a count (2) or a fraction of the documents (0.01)"),
                OptionSpec.number("maxDf", 1.0, "drop terms in more documents: a count or a fraction (1.0 keeps all)"),
                OptionSpec.integer("maxFeatures", null, "keep only this many terms, the most frequent in the corpus"));
    }

    /** A fixed vocabulary instead of a fitted one. */
    public static List<OptionSpec> fixedVocabulary() {
        return List.of(
                OptionSpec.stringList("vocabulary", null, "a fixed vocabulary: these terms, in this column order"),
                OptionSpec.path("vocabularyFile", "a fixed vocabulary read from a file, one term per line as written (spaces"
                        + " belong to character n-grams)"));
    }

    /** How counts become values: {@code binary} only for counts, the TF-IDF options too for TF-IDF. */
    public static List<OptionSpec> weighting(boolean tfidf) {
        List<OptionSpec> out = new ArrayList<>();
        out.add(OptionSpec.bool("binary", false, "every present term counts 1"));
        if (tfidf) {
            out.add(OptionSpec.choice("norm", "l2", "row normalization", "l2", "l1", "none"));
            out.add(OptionSpec.bool("useIdf", true, "multiply by the inverse document frequency"));
            out.add(OptionSpec.bool("smoothIdf", true, "idf = ln((1 + n) / (1 + df)) + 1 instead of ln(n / df) + 1"));
            out.add(OptionSpec.bool("sublinearTf", false, "use 1 + ln(count) instead of the count"));
        }
        return out;
    }

    /** Whether the analysis options describe an analyzer that reads the tokens layer (word n-grams without tokenPattern). */
    public static boolean readsTokens(Options o) {
        return "word".equals(o.getString("analyzer")) && o.getString("tokenPattern") == null;
    }

    /** The analyzer the options describe. */
    public static AnalyzerSpec analyzer(Options o) {
        List<Integer> range = o.getIntList("ngramRange");
        if (range.size() != 2 || range.get(0) < 1 || range.get(1) < range.get(0)) {
            throw o.error("ngramRange", "must be [min, max] with 1 <= min <= max, e.g. [1, 2]; got " + range);
        }
        AnalyzerSpec.Kind kind = AnalyzerSpec.Kind.of(o.getString("analyzer"));
        String pattern = o.getString("tokenPattern");
        if (pattern != null && kind != AnalyzerSpec.Kind.WORD) {
            throw o.error("tokenPattern", "only applies to analyzer: word");
        }
        Set<String> stops = stopWords(o);
        if (!stops.isEmpty() && kind != AnalyzerSpec.Kind.WORD) {
            throw o.error(o.isSet("stopWords") ? "stopWords" : "stopWordsFile", "only applies to analyzer: word");
        }
        AnalyzerSpec spec = new AnalyzerSpec(kind, range.get(0), range.get(1), o.getBoolean("lowercase"), pattern, stops,
                o.getBoolean("skipStopTokens"));
        if (o.isSet("skipStopTokens") && !spec.usesTokens()) {
            // the analysis reads the text itself: a stop-word stage's marks are on tokens it never sees
            throw o.error("skipStopTokens", "only applies to analyzer: word without tokenPattern, which reads the document's tokens"
                    + " (a stop-word stage's marks are on them); with " + (pattern != null ? "tokenPattern" : "analyzer: " + o.getString("analyzer")) + " give the stop words as stopWords or stopWordsFile");
        }
        checkPattern(o, spec);
        refuseUnmatchableStopWords(o, spec);
        return spec;
    }

    private static void checkPattern(Options o, AnalyzerSpec spec) {
        try {
            new Analyzer(spec, "check");
        } catch (PatternSyntaxException e) {
            throw o.error("tokenPattern", "invalid regex: " + e.getDescription());
        }
    }

    private static Set<String> stopWords(Options o) {
        Set<String> out = new LinkedHashSet<>(o.getStringList("stopWords"));
        Path file = o.getPath("stopWordsFile");
        if (file != null) {
            out.addAll(readLines(o, "stopWordsFile", file, true));
        }
        return out;
    }

    /** The pruning the options describe. */
    public static Pruning pruning(Options o) {
        Integer maxFeatures = o.get("maxFeatures") == null ? null : o.getInt("maxFeatures");
        Number minDf = o.getNumber("minDf");
        Number maxDf = o.getNumber("maxDf");
        try {
            return new Pruning(minDf, maxDf, maxFeatures);
        } catch (IllegalArgumentException e) {
            String which = e.getMessage().startsWith("minDf") ? "minDf" : e.getMessage().startsWith("maxDf") ? "maxDf" : "maxFeatures";
            throw o.error(which, e.getMessage());
        }
    }

    /** The weighting the options describe (counts when the TF-IDF options are not declared). */
    public static Weighting weighting(Options o, boolean tfidf) {
        boolean binary = o.getBoolean("binary");
        if (!tfidf) {
            return Weighting.counts(binary);
        }
        return new Weighting(binary, o.getBoolean("sublinearTf"), o.getBoolean("useIdf"), o.getBoolean("smoothIdf"),
                Weighting.Norm.of(o.getString("norm")));
    }

    /**
     * Refuses stop words that can never match: with {@code lowercase} on every word is lower case
     * before stop words are removed, so a capitalised one whose lower-case form is not listed too
     * is dead (Baidu's list holds both zt and ZT, which loses nothing).
     */
    private static void refuseUnmatchableStopWords(Options o, AnalyzerSpec spec) {
        if (!spec.lowercase()) {
            return;
        }
        Set<String> stops = spec.stopWords();
        for (String w : stops) {
            if (!stops.contains(w.toLowerCase(Locale.ROOT))) {
                throw o.error(o.getStringList("stopWords").contains(w) ? "stopWords" : "stopWordsFile", "stop word '" + w
                        + "' can never match: lowercase is on, so every word is lower case before stop words are removed" + LOWER_CASE_FIX);
            }
        }
    }

    /** The fixed vocabulary given by {@code vocabulary} or {@code vocabularyFile}, or {@code null}. */
    public static List<String> fixedVocabulary(Options o) {
        List<String> given = o.get("vocabulary") == null ? null : o.getStringList("vocabulary");
        Path file = o.getPath("vocabularyFile");
        if (given != null && file != null) {
            throw o.error("vocabularyFile", "give either vocabulary or vocabularyFile, not both");
        }
        // terms as written: a character n-gram's spaces (" a", "a ", " ") are part of it
        List<String> terms = file != null ? readLines(o, "vocabularyFile", file, false) : given;
        if (terms == null) {
            return null;
        }
        String name = file != null ? "vocabularyFile" : "vocabulary";
        if (terms.isEmpty()) {
            throw o.error(name, "is empty");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String t : terms) {
            if (!seen.add(t)) {
                throw o.error(name, "duplicate term '" + t + "'");
            }
        }
        // with lowercase on every feature is lower case: a term whose lower-case form is not listed too can never match
        boolean lowercase = o.declares("lowercase") && o.getBoolean("lowercase");
        for (String t : terms) {
            if (lowercase && !seen.contains(t.toLowerCase(Locale.ROOT))) {
                throw o.error(name, "term '" + t + "' can never match: lowercase is on, so every feature is lower case" + LOWER_CASE_FIX);
            }
        }
        return List.copyOf(terms);
    }

    /** The non-empty lines of {@code file}, without a byte-order mark; {@code strip} also removes their edge spaces. */
    private static List<String> readLines(Options o, String name, Path file, boolean strip) {
        try (BufferedReader in = Utf8Text.open(file)) {
            List<String> out = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String t = strip ? line.strip() : line;
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            return out;
        } catch (IOException e) {
            throw o.error(name, "cannot read " + file + ": " + IoErrors.describe(e));
        }
    }

    /** Fails when any of {@code specs} was written in the configuration. */
    public static void rejectSet(Options o, List<OptionSpec> specs, String why) {
        for (OptionSpec s : specs) {
            if (o.isSet(s.name())) {
                throw o.error(s.name(), why);
            }
        }
    }
}
