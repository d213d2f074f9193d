package dev.nlpipe.core.tokenize.lucene;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.Suggest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.SimpleAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Builds the Lucene analyzer a {@code tokenize.lucene} stage names: one of Lucene's own analyzers,
 * or a custom chain of char filters, a tokenizer and token filters named by their Lucene SPI
 * names with their parameters (as Lucene's {@link CustomAnalyzer} takes them).
 */
public final class Analyzers {
    /** The named analyzers. */
    public static final List<String> NAMES = List.of("standard", "english", "whitespace", "simple", "cjk", "smartcn", "custom");

    private Analyzers() {
    }

    /** Builds the analyzer the validated options describe; option errors are located at their values. */
    public static Analyzer build(Options o) {
        String name = o.getString("analyzer");
        boolean custom = name.equals("custom");
        for (String key : List.of("tokenizer", "charFilters", "filters")) {
            if (!custom && o.get(key) != null) {
                throw o.error(key, "tokenizer, charFilters and filters describe a custom chain; set analyzer: custom to use them");
            }
        }
        Boolean stop = o.has("stopwords") ? o.getBoolean("stopwords") : null;
        Boolean stem = o.has("stemming") ? o.getBoolean("stemming") : null;
        if (stem != null && !name.equals("english")) {
            throw o.error("stemming", "stemming applies to the english analyzer (in a custom chain, add the porterStem filter)");
        }
        if (stop != null && (name.equals("whitespace") || name.equals("simple") || custom)) {
            throw o.error("stopwords", "the " + name + " analyzer has no stop words"
                    + (custom ? " option (add the stop filter to the chain)" : "; use standard or english, or a stopwords.remove stage"));
        }
        return switch (name) {
            case "standard" -> Boolean.TRUE.equals(stop) ? new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) : new StandardAnalyzer();
            case "english" -> english(stop == null || stop, stem == null || stem);
            case "whitespace" -> new WhitespaceAnalyzer();
            case "simple" -> new SimpleAnalyzer();
            case "cjk" -> stop == null || stop ? new CJKAnalyzer() : new CJKAnalyzer(CharArraySet.EMPTY_SET);
            case "smartcn" -> new SmartChineseAnalyzer(Boolean.TRUE.equals(stop));
            case "custom" -> custom(o);
            default -> throw o.error("analyzer", "unknown analyzer '" + name + "'");
        };
    }

    /** Lucene's English chain (possessives, lowercase, stop words, Porter stemming) with either of the last two left out. */
    static Analyzer english(boolean stop, boolean stem) {
        if (stop && stem) {
            return new EnglishAnalyzer();
        }
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(new EnglishPossessiveFilter(source));
                if (stop) {
                    ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                }
                if (stem) {
                    ts = new PorterStemFilter(ts);
                }
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    private record Part(String name, Map<String, String> params) {
    }

    private static Analyzer custom(Options o) {
        Object tokenizer = o.get("tokenizer");
        if (tokenizer == null) {
            throw o.error("analyzer", "analyzer: custom needs a tokenizer, e.g. tokenizer: standard (Lucene's names: "
                    + String.join(", ", new TreeSet<>(TokenizerFactory.availableTokenizers())) + ")");
        }
        try {
            CustomAnalyzer.Builder b = CustomAnalyzer.builder(Path.of("").toAbsolutePath());
            for (Part p : parts(o, "charFilters")) {
                checkName(o, "charFilters", "char filter", p.name(), CharFilterFactory.availableCharFilters());
                b.addCharFilter(p.name(), p.params());
            }
            List<Part> tok = parts(o, "tokenizer");
            if (tok.size() != 1) {
                throw o.error("tokenizer", "give exactly one tokenizer (a name, or a map with 'type' and its parameters)");
            }
            checkName(o, "tokenizer", "tokenizer", tok.get(0).name(), TokenizerFactory.availableTokenizers());
            b.withTokenizer(tok.get(0).name(), tok.get(0).params());
            for (Part p : parts(o, "filters")) {
                checkName(o, "filters", "token filter", p.name(), TokenFilterFactory.availableTokenFilters());
                b.addTokenFilter(p.name(), p.params());
            }
            return b.build();
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw o.error("analyzer", "Lucene rejected the custom chain: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load a resource of the custom analyzer: " + e.getMessage(), e);
        }
    }

    /** A list of components, each a name or a map {type: name, param: value...}; a single one may stand alone. */
    private static List<Part> parts(Options o, String key) {
        Object v = o.get(key);
        if (v == null) {
            return List.of();
        }
        List<?> items = v instanceof List<?> l ? l : List.of(v);
        return items.stream().map(item -> part(o, key, item)).toList();
    }

    private static Part part(Options o, String key, Object item) {
        if (item instanceof String s) {
            return new Part(s, new LinkedHashMap<>());
        }
        if (item instanceof Map<?, ?> m && m.get("type") instanceof String type) {
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getKey().equals("type")) {
                    continue;
                }
                if (e.getValue() instanceof Map<?, ?> || e.getValue() instanceof List<?>) {
                    throw o.error(key, "parameter '" + e.getKey() + "' of " + type + " must be a single value (Lucene takes strings)");
                }
                params.put(String.valueOf(e.getKey()), luceneValue(e.getValue()));
            }
            return new Part(type, params);
        }
        throw o.error(key, "each entry must be a Lucene SPI name or a map with 'type' and its parameters, not " + item);
    }

    private static void checkName(Options o, String key, String what, String name, Set<String> available) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (available.stream().noneMatch(a -> a.toLowerCase(Locale.ROOT).equals(lower))) {
            throw o.error(key, "unknown " + what + " '" + name + "'" + Suggest.didYouMean(name, available) + " (Lucene's names: "
                    + String.join(", ", new TreeSet<>(available)) + ")");
        }
    }

    /**
     * A parameter as Lucene reads it, a string: YAML 1.1's boolean words ({@code ignoreCase: yes}),
     * which a configuration keeps as written, become {@code true} and {@code false}, as Lucene's
     * {@code Boolean.parseBoolean} would otherwise read {@code yes} as false.
     */
    private static String luceneValue(Object v) {
        String s = String.valueOf(v);
        Boolean word = Options.booleanWord(s);
        return word == null ? s : String.valueOf(word);
    }
}
