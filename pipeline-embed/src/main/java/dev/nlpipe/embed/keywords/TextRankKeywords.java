package dev.nlpipe.embed.keywords;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code keywords.textrank}: TextRank keywords (Mihalcea and Tarau, 2004). Candidate tokens —
 * words of at least {@code minLength} characters, not stop words, optionally of the given parts of
 * speech — are nodes; two candidates within {@code window} tokens of each other are linked, with
 * the number of such co-occurrences as weight; weighted PageRank scores the nodes, and the top-k
 * (scaled so the best is 1.0) go to {@code meta.keywords}. Needs no model.
 */
public final class TextRankKeywords implements StageProvider {

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public String name() {
        return "keywords.textrank";
    }

    @Override
    public String description() {
        return "TextRank keywords per document (co-occurrence graph + weighted PageRank), into meta.keywords";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("topK", 10, "keywords per document"),
                OptionSpec.string("field", "keywords", "meta field that receives the keywords"),
                OptionSpec.integer("window", 5, "tokens i and j are linked when j - i < window (jieba's span)"),
                OptionSpec.number("damping", 0.85, "PageRank damping factor"),
                OptionSpec.integer("maxIterations", 100, "PageRank iterations at most"),
                OptionSpec.number("tolerance", 1e-6, "stop when no score changes by more than this"),
                OptionSpec.integer("minLength", 2, "candidates have at least this many characters"),
                OptionSpec.stringList("pos", List.of(), "keep only tokens whose part-of-speech tag starts with one of these"
                        + " (e.g. [n, v, vn, ns]); empty: all"),
                OptionSpec.stringList("stopWords", List.of(), "words that are never keywords"),
                OptionSpec.bool("lowercase", true, "lowercase candidates"));
    }

    @Override
    public Set<Layer> requires(Options o) {
        return o.getStringList("pos").isEmpty() ? Set.of(Layer.TOKENS) : Set.of(Layer.TOKENS, Layer.POS);
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        Settings s = new Settings(o.getInt("topK"), o.getInt("window"), o.getDouble("damping"), o.getInt("maxIterations"),
                o.getDouble("tolerance"), o.getInt("minLength"), List.copyOf(o.getStringList("pos")),
                stopWords(o.getStringList("stopWords"), o.getBoolean("lowercase")), o.getBoolean("lowercase"));
        if (s.topK < 1) {
            throw o.error("topK", "must be at least 1");
        }
        if (s.window < 2) {
            throw o.error("window", "must be at least 2");
        }
        if (s.damping <= 0 || s.damping >= 1) {
            throw o.error("damping", "must be between 0 and 1");
        }
        String field = o.getString("field");
        String id = ctx.id();
        return (Annotator) doc -> doc.meta().put(field, Keyword.toMeta(keywords(doc.requireTokens(id), s)));
    }

    record Settings(int topK, int window, double damping, int maxIterations, double tolerance, int minLength, List<String> pos,
                    Set<String> stopWords, boolean lowercase) {
    }

    /** The top keywords of a token sequence. */
    static List<Keyword> keywords(List<Token> tokens, Settings s) {
        Map<String, Integer> node = new LinkedHashMap<>();
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            String w = candidate(tokens.get(i), s);
            ids[i] = w == null ? -1 : node.computeIfAbsent(w, x -> node.size());
        }
        int n = node.size();
        if (n == 0) {
            return List.of();
        }
        List<Map<Integer, Double>> edges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            edges.add(new HashMap<>());
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                continue;
            }
            for (int j = i + 1; j < Math.min(ids.length, i + s.window); j++) {
                if (ids[j] >= 0 && ids[j] != ids[i]) {
                    edges.get(ids[i]).merge(ids[j], 1.0, Double::sum);
                    edges.get(ids[j]).merge(ids[i], 1.0, Double::sum);
                }
            }
        }
        double[] score = pageRank(edges, s);
        List<Keyword> out = new ArrayList<>(n);
        double max = 0;
        for (double v : score) {
            max = Math.max(max, v);
        }
        int k = 0;
        for (String w : node.keySet()) {
            out.add(new Keyword(w, max > 0 ? score[k] / max : 0));
            k++;
        }
        out.sort(Keyword.BEST_FIRST);
        return out.subList(0, Math.min(s.topK, out.size()));
    }

    /** The stop words as candidates are compared with them: lowercased when the candidates are ({@code The} stops "the"). */
    private static Set<String> stopWords(List<String> given, boolean lowercase) {
        Set<String> out = new HashSet<>();
        given.forEach(w -> out.add(lowercase ? w.toLowerCase(Locale.ROOT) : w));
        return out;
    }

    private static String candidate(Token t, Settings s) {
        if (t.stop()) {
            return null;
        }
        String w = s.lowercase ? t.text().toLowerCase(Locale.ROOT) : t.text();
        if (w.codePointCount(0, w.length()) < s.minLength || s.stopWords.contains(w) || !hasLetterOrDigit(w)) {
            return null;
        }
        if (!s.pos.isEmpty()) {
            String p = t.pos();
            if (p == null || s.pos.stream().noneMatch(p::startsWith)) {
                return null;
            }
        }
        return w;
    }

    private static boolean hasLetterOrDigit(String w) {
        return w.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Weighted PageRank: {@code S(v) = (1 - d) + d · Σ_u w(u,v) / W(u) · S(u)}, iterated to convergence. */
    private static double[] pageRank(List<Map<Integer, Double>> edges, Settings s) {
        int n = edges.size();
        double[] out = new double[n];
        for (int v = 0; v < n; v++) {
            for (double w : edges.get(v).values()) {
                out[v] += w;
            }
        }
        double[] score = new double[n];
        java.util.Arrays.fill(score, 1.0);
        double[] next = new double[n];
        for (int it = 0; it < s.maxIterations; it++) {
            double change = 0;
            for (int v = 0; v < n; v++) {
                double sum = 0;
                for (Map.Entry<Integer, Double> e : edges.get(v).entrySet()) {
                    int u = e.getKey();
                    sum += e.getValue() / out[u] * score[u];
                }
                next[v] = (1 - s.damping) + s.damping * sum;
                change = Math.max(change, Math.abs(next[v] - score[v]));
            }
            double[] t = score;
            score = next;
            next = t;
            if (change < s.tolerance) {
                break;
            }
        }
        return score;
    }

    /** Keywords of a document with default settings (for programs). */
    public static List<Keyword> keywords(Document doc, int topK) {
        return keywords(doc.requireTokens("keywords.textrank"), new Settings(topK, 5, 0.85, 100, 1e-6, 2, List.of(), Set.of(), true));
    }
}
