package dev.nlpipe.core.text;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.util.List;
import java.util.Set;

/** {@code filter.length}: drops documents whose character (code point) or token count is outside bounds. */
public final class LengthFilter implements StageProvider {

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public boolean dropsDocuments() {
        return true;
    }

    @Override
    public String name() {
        return "filter.length";
    }

    @Override
    public String description() {
        return "drop documents with too few or too many characters or tokens";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("minChars", 0, "drop documents with fewer characters (Unicode code points)"),
                OptionSpec.integer("maxChars", -1, "drop documents with more characters (Unicode code points); -1 for no limit"),
                OptionSpec.integer("minTokens", 0, "drop documents with fewer tokens (needs tokens)"),
                OptionSpec.integer("maxTokens", -1, "drop documents with more tokens; -1 for no limit (needs tokens)"));
    }

    @Override
    public Set<Layer> requires(Options o) {
        return usesTokens(o) ? Set.of(Layer.TOKENS) : Set.of();
    }

    private static boolean usesTokens(Options o) {
        return o.getInt("minTokens") > 0 || o.getInt("maxTokens") >= 0;
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        int minChars = o.getInt("minChars");
        int maxChars = o.getInt("maxChars");
        int minTokens = o.getInt("minTokens");
        int maxTokens = o.getInt("maxTokens");
        boolean tokens = usesTokens(o);
        String id = ctx.id();
        return doc -> keep(doc, minChars, maxChars, tokens, minTokens, maxTokens, id) ? List.of(doc) : List.of();
    }

    private static boolean keep(Document doc, int minChars, int maxChars, boolean tokens, int minTokens, int maxTokens, String id) {
        if (minChars > 0 || maxChars >= 0) {
            // characters as Python's len() counts them: an emoji or an ideograph beyond the BMP is one, not two UTF-16 units;
            // counted only when bounded, as the count walks the whole text
            int chars = doc.text().codePointCount(0, doc.text().length());
            if (chars < minChars || (maxChars >= 0 && chars > maxChars)) {
                return false;
            }
        }
        if (tokens) {
            int n = doc.requireTokens(id).size();
            return n >= minTokens && (maxTokens < 0 || n <= maxTokens);
        }
        return true;
    }
}
