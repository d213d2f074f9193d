package dev.nlpipe.core.segment;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.segment.hanlp.HanlpAnnotator;
import dev.nlpipe.core.segment.hanlp.HanlpStage;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import dev.nlpipe.core.tokenize.lucene.LuceneTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * {@code segment}: one tokenizer for corpora that mix Chinese and other languages. A document
 * whose language is Chinese ({@code zh}, {@code zh-*}), or, when no language is given, whose
 * text is mostly Han characters, is segmented by HanLP (which keeps Latin words and numbers inside
 * Chinese text whole); any other document is tokenized by Lucene's standard tokenizer, except its
 * runs of Han characters, which HanLP segments ("The conference in 上海" keeps 上海 whole). Token
 * text is the original characters (or lowercased, with {@code lowercase}). Punctuation is treated
 * alike in both: with {@code punctuation: keep} (the default) each mark is a token of its own, as
 * HanLP makes Chinese ones; with {@code drop} no punctuation or symbol is a token. A document
 * without a language gets {@code lang: zh} when HanLP segmented it as Chinese.
 */
public final class AutoSegmenterStage implements StageProvider {

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public String name() {
        return "segment";
    }

    @Override
    public String description() {
        return "HanLP for Chinese (lang zh, or mostly Han text), Lucene standard tokenizer otherwise";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> out = new ArrayList<>(HanlpStage.OPTIONS);
        out.add(OptionSpec.number("hanShare", 0.5, "without a document language: segment with HanLP when at least this share of "
                + "the text's units are Han characters (a Latin word counts as one unit)"));
        out.add(OptionSpec.bool("lowercase", false, "lowercase token texts (offsets unchanged)"));
        out.add(OptionSpec.choice("punctuation", "keep", "keep: every punctuation mark or symbol is a token of its own, in Chinese and"
                + " other text alike; drop: none is a token", "keep", "drop"));
        return out;
    }

    @Override
    public Set<Layer> provides(Options o) {
        return HanlpStage.layers(o);
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        double threshold = o.getDouble("hanShare");
        if (threshold < 0 || threshold > 1) {
            throw o.error("hanShare", "must be between 0 and 1, not " + threshold);
        }
        HanlpAnnotator hanlp = HanlpStage.annotator(o);
        boolean entities = o.getBoolean("entities");
        boolean lowercase = o.getBoolean("lowercase");
        boolean keepPunctuation = o.getString("punctuation").equals("keep");
        boolean pos = o.getBoolean("pos");
        Analyzer standard = new StandardAnalyzer(CharArraySet.EMPTY_SET);
        return new Annotator() {
            @Override
            public void annotate(Document doc) {
                if (isChinese(doc, threshold)) {
                    hanlp.annotate(doc);
                    doc.setTokens(MixedText.edgeMarksSplit(doc.text(), doc.tokens(), hanlp.segmenter()::isUserWord));
                    if (doc.lang() == null) {
                        doc.setLang("zh");
                    }
                } else {
                    // repaired on the analysis text's own offsets, then moved onto the original text in one step
                    String text = doc.analysisText();
                    List<Token> tokens = LuceneTokens.tokens(standard, new Document(doc.id(), text), true);
                    // before the Han runs are cut: an ideograph newer than Lucene's tables (U+9FF0) is still part of its run
                    tokens = MixedText.withSkipped(text, tokens);
                    List<Word> named = new ArrayList<>();
                    tokens = MixedText.hanRunsSegmented(text, tokens, hanlp, pos, named);
                    tokens = MixedText.userWordsJoined(text, tokens, hanlp.segmenter()::isUserWord, hanlp.segmenter()::startsAUserWord,
                            hanlp.segmenter().longestUserWord());
                    doc.setTokens(MixedText.toOriginal(doc, tokens));
                    if (entities) {
                        doc.addEntities(HanlpAnnotator.entities(doc, named));
                    }
                    if (doc.lang() == null && EnglishGuess.isEnglish(text)) {
                        doc.setLang("en");
                    }
                }
                if (!keepPunctuation) {
                    doc.setTokens(MixedText.withoutPunctuation(doc.tokens()));
                }
                if (lowercase) {
                    doc.setTokens(lower(doc.tokens()));
                }
            }

            @Override
            public void close() {
                standard.close();
            }
        };
    }

    /** Whether the document goes to the Chinese segmenter. */
    public static boolean isChinese(Document doc, double hanShare) {
        String lang = doc.lang();
        if (lang != null && !lang.isBlank()) {
            String l = lang.toLowerCase(Locale.ROOT);
            return l.equals("zh") || l.startsWith("zh-") || l.startsWith("zh_");
        }
        // kanji make Japanese look Han; HanLP's Chinese model would split its words and the document be labelled zh
        return Scripts.hanShare(doc.analysisText()) >= hanShare && !Scripts.looksJapanese(doc.analysisText());
    }

    private static List<Token> lower(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(t.withText(t.text().toLowerCase(Locale.ROOT)));
        }
        return out;
    }
}
