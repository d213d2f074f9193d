package dev.nlpipe.ner.lexicon;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a lattice model's lexicon comes from and which matches it keeps: the {@code lexicon*}
 * options under {@code model:}, as validated and as stored in {@code model.json}.
 *
 * @param sources {@value #HANLP} (HanLP's core dictionary), {@value #HANLP_CUSTOM} (its custom dictionary)
 *     and/or word-list files (one word per line, optionally followed by its vector), in order; a word
 *     listed twice keeps its first vector
 * @param vectors a word2vec file (text or binary) with vectors for the lexicon's words, or {@code null}
 * @param vectorsFormat {@code auto}, {@code text} or {@code binary}
 * @param minLength the fewest units a matched word spans
 * @param maxLength the most units a matched word spans
 * @param maxMatchesPerChar the most words kept that start at one unit (the longest ones); 0 = all
 * @param unknownWords 0 to drop the words no training sentence matches (and that have no vector);
 *     above 0 to keep them, read through one shared "unknown word" vector, which training learns by
 *     reading each word matched only once in the training sentences as unknown with this chance
 */
public record LexiconSpec(List<String> sources, Path vectors, String vectorsFormat, int minLength, int maxLength,
                          int maxMatchesPerChar, double unknownWords) {
    /** The default of {@code lexiconUnknown}. */
    public static final double DEFAULT_UNKNOWN_WORDS = 0.5;

    /** The source name of HanLP's core dictionary. */
    public static final String HANLP = "hanlp";
    /** The source name of HanLP's custom dictionary. */
    public static final String HANLP_CUSTOM = "hanlp-custom";
    /** The source names that are built in rather than files. */
    public static final List<String> BUILT_IN = List.of(HANLP, HANLP_CUSTOM);

    /** The {@code model:} options of the lexicon. */
    public static List<OptionSpec> options() {
        return List.of(
                OptionSpec.stringList("lexicon", List.of(HANLP), "lexicon sources, in order: hanlp (HanLP's core dictionary, about"
                        + " 85,000 words), hanlp-custom (HanLP's custom dictionary, about 72,000 words, 28,000 of them not in the"
                        + " core one) and/or word-list files (UTF-8, one word per line, optionally followed by its vector,"
                        + " space-separated)"),
                OptionSpec.path("lexiconVectors", "word2vec vectors (text or binary) for the lexicon's words, e.g. from"
                        + " examples/lexicon-vectors.sh; words without a vector start random"),
                OptionSpec.choice("lexiconVectorsFormat", "auto", "format of lexiconVectors", "auto", "text", "binary"),
                OptionSpec.integer("lexiconMinLength", 2, "the fewest characters a matched word spans (single characters are the"
                        + " lattice's characters already)"),
                OptionSpec.integer("lexiconMaxLength", 10, "the most characters a matched word spans"),
                OptionSpec.integer("lexiconMaxMatches", 0, "the most words kept that start at one character, the longest first;"
                        + " 0 keeps every match"),
                OptionSpec.number("lexiconUnknown", DEFAULT_UNKNOWN_WORDS, "keep the lexicon's words that no training sentence"
                        + " matches, all read through one shared unknown-word vector, so test text keeps their lattice spans; while"
                        + " training, a word matched only once is read as unknown with this chance (as unkReplace does for"
                        + " characters); 0 drops those words from the model"));
    }

    /** Reads and checks validated options. */
    public static LexiconSpec from(Options o) {
        List<String> sources = new ArrayList<>();
        for (String s : o.getStringList("lexicon")) {
            if (BUILT_IN.contains(s)) {
                sources.add(s);
                continue;
            }
            Path p = Path.of(s);
            if (Files.isDirectory(p)) {
                throw o.error("lexicon", p + " is a directory; a word list is a file of one word per line (vectors of the words go"
                        + " in lexiconVectors, which also takes a word2vec model directory)");
            }
            if (!Files.isReadable(p)) {
                throw o.error("lexicon", "word list not found or not readable: " + p + " (use 'hanlp' for HanLP's core dictionary,"
                        + " 'hanlp-custom' for its custom dictionary)");
            }
            sources.add(p.toString());
        }
        if (sources.isEmpty()) {
            throw o.error("lexicon", "needs at least one source: hanlp, hanlp-custom or a word-list file");
        }
        int min = o.getInt("lexiconMinLength");
        int max = o.getInt("lexiconMaxLength");
        if (min < 1) {
            throw o.error("lexiconMinLength", "must be at least 1");
        }
        if (max < min) {
            throw o.error("lexiconMaxLength", "must be at least lexiconMinLength (" + min + ")");
        }
        if (o.getInt("lexiconMaxMatches") < 0) {
            throw o.error("lexiconMaxMatches", "must not be negative (0 keeps every match)");
        }
        double unknown = o.getDouble("lexiconUnknown");
        if (unknown < 0 || unknown >= 1) {
            throw o.error("lexiconUnknown", "must be at least 0 and below 1 (0 drops the words training never matched)");
        }
        Path vectors = o.getPath("lexiconVectors");
        if (vectors != null && !Files.isReadable(vectors)) {
            throw o.error("lexiconVectors", "not found or not readable: " + vectors);
        }
        if (vectors == null && o.isSet("lexiconVectorsFormat")) {
            throw o.error("lexiconVectorsFormat", "applies to model.lexiconVectors, which is not given: remove it, or give the vectors");
        }
        return new LexiconSpec(List.copyOf(sources), vectors, o.getString("lexiconVectorsFormat"), min, max,
                o.getInt("lexiconMaxMatches"), unknown);
    }

    /** The form stored in {@code model.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sources", sources);
        m.put("vectors", vectors == null ? null : vectors.toString());
        m.put("vectorsFormat", vectorsFormat);
        m.put("minLength", minLength);
        m.put("maxLength", maxLength);
        m.put("maxMatchesPerChar", maxMatchesPerChar);
        m.put("unknownWords", unknownWords);
        return m;
    }

    /** Reads the form stored by {@link #toMap}; a model saved before {@code unknownWords} existed dropped unseen words (0). */
    @SuppressWarnings("unchecked")
    public static LexiconSpec fromMap(Map<String, Object> m) {
        return new LexiconSpec((List<String>) m.get("sources"), m.get("vectors") instanceof String v ? Path.of(v) : null,
                (String) m.get("vectorsFormat"), ((Number) m.get("minLength")).intValue(), ((Number) m.get("maxLength")).intValue(),
                ((Number) m.get("maxMatchesPerChar")).intValue(), m.get("unknownWords") instanceof Number u ? u.doubleValue() : 0);
    }
}
