package dev.nlpipe.core.tokenize.lucene;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.OptionType;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * {@code tokenize.lucene}: tokens from a Lucene analyzer, by name ({@code standard},
 * {@code english}, {@code whitespace}, {@code simple}, {@code cjk}, {@code smartcn}) or as a
 * custom chain of Lucene SPI components. Token text is the analyzer's term (its normalized form:
 * lowercased, stemmed; smartcn writes every punctuation mark as ",") unless {@code surface} is
 * set; offsets always point at the original characters.
 */
public final class LuceneStage implements StageProvider {

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public String name() {
        return "tokenize.lucene";
    }

    @Override
    public String description() {
        return "tokens from a Lucene analyzer (standard, english, whitespace, simple, cjk, smartcn) or a custom chain of SPI components";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.choice("analyzer", "standard", "the Lucene analyzer: " + String.join(", ", Analyzers.NAMES), Analyzers.NAMES.toArray(String[]::new)),
                new OptionSpec("stopwords", OptionType.BOOLEAN, null, "drop the analyzer's stop words (default: true for english "
                        + "and cjk, as in Lucene; false for standard and smartcn, whose stop list is punctuation)", false, List.of()),
                new OptionSpec("stemming", OptionType.BOOLEAN, null, "english: Porter stemming (default true)", false, List.of()),
                OptionSpec.any("tokenizer", "custom: the tokenizer, a Lucene SPI name or {type: NAME, PARAM: VALUE...}"),
                OptionSpec.any("charFilters", "custom: char filters before the tokenizer, names or {type: NAME, PARAM: VALUE...}"),
                OptionSpec.any("filters", "custom: token filters after the tokenizer, names or {type: NAME, PARAM: VALUE...}"),
                OptionSpec.bool("surface", false, "token text is the characters the token covers, not the analyzer's normalized term"));
    }

    @Override
    public Set<Layer> provides(Options options) {
        return Set.of(Layer.TOKENS);
    }

    @Override
    public Processor create(StageContext ctx) {
        Analyzer analyzer = Analyzers.build(ctx.options());
        boolean surface = ctx.options().getBoolean("surface");
        return new Annotator() {
            @Override
            public void annotate(Document doc) {
                doc.setTokens(LuceneTokens.tokens(analyzer, doc, surface));
            }

            @Override
            public void close() {
                analyzer.close();
            }
        };
    }
}
