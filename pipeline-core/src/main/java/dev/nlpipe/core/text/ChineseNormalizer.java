package dev.nlpipe.core.text;

import com.hankcs.hanlp.dictionary.ts.TraditionalChineseDictionary;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.NormalizedText;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.util.Arrays;
import java.util.List;

/**
 * {@code normalize.chinese}: traditional to simplified Chinese with HanLP's conversion tables
 * (longest phrase first, as {@code HanLP.convertToSimplifiedChinese} converts), and full-width
 * ASCII forms to half-width. Like {@code normalize.text}, it never changes the document's text:
 * it sets the normalized view that later tokenizers read, so tokens carry the simplified,
 * half-width form as their text and the original characters' offsets.
 */
public final class ChineseNormalizer implements StageProvider {

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public boolean normalizes() {
        return true;
    }

    @Override
    public String name() {
        return "normalize.chinese";
    }

    @Override
    public String description() {
        return "traditional to simplified Chinese (HanLP's tables) and full-width to half-width; offsets stay on the original text";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.bool("traditional", true, "convert traditional Chinese characters and phrases to simplified"),
                OptionSpec.bool("fullWidth", true, "map full-width ASCII forms and the ideographic space to half-width"));
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        boolean traditional = o.getBoolean("traditional");
        boolean fullWidth = o.getBoolean("fullWidth");
        if (traditional) {
            TraditionalChineseDictionary.convertToSimplifiedChinese("");   // loads the tables before the first document
        }
        return (Annotator) doc -> apply(doc, traditional, fullWidth);
    }

    /** Sets (or refines) the document's normalized view. */
    public static void apply(Document doc, boolean traditional, boolean fullWidth) {
        NormalizedText step = normalize(doc.analysisText(), traditional, fullWidth);
        if (step != null) {
            doc.setNormalized(doc.normalized() == null ? step : doc.normalized().then(step));
        }
    }

    /** The normalized form of {@code s} with its offset map, or {@code null} when nothing changes. */
    public static NormalizedText normalize(String s, boolean traditional, boolean fullWidth) {
        int n = s.length();
        int[] matchLength = new int[n];
        String[] replacement = new String[n];
        if (traditional && n > 0) {
            TraditionalChineseDictionary.trie.parseText(s.toCharArray(), (begin, end, value) -> {
                if (end - begin > matchLength[begin]) {
                    matchLength[begin] = end - begin;
                    replacement[begin] = value;
                }
            });
        }
        Mapped out = new Mapped(n);
        boolean changed = false;
        for (int i = 0; i < n; ) {
            if (matchLength[i] > 0) {
                String to = fullWidth ? TextNormalizer.halfWidth(replacement[i]) : replacement[i];
                changed |= to.length() != matchLength[i] || !s.regionMatches(i, to, 0, to.length());
                out.append(to, i, i + matchLength[i]);
                i += matchLength[i];
            } else {
                char c = s.charAt(i);
                char m = fullWidth ? TextNormalizer.halfWidth(String.valueOf(c)).charAt(0) : c;
                changed |= m != c;
                out.append(m, i);
                i++;
            }
        }
        return changed ? out.view() : null;
    }

    /** A growing normalized text with its map back to the source characters. */
    private static final class Mapped {
        private final StringBuilder text;
        private int[] starts;
        private int[] ends;

        Mapped(int capacity) {
            text = new StringBuilder(capacity);
            starts = new int[Math.max(capacity, 4)];
            ends = new int[Math.max(capacity, 4)];
        }

        void append(char c, int source) {
            grow(1);
            starts[text.length()] = source;
            ends[text.length()] = source + 1;
            text.append(c);
        }

        /** Appends a replacement for source range [from, to): char by char when lengths agree, else every char maps to the whole range. */
        void append(String to, int from, int end) {
            grow(to.length());
            boolean aligned = to.length() == end - from;
            for (int k = 0; k < to.length(); k++) {
                starts[text.length()] = aligned ? from + k : from;
                ends[text.length()] = aligned ? from + k + 1 : end;
                text.append(to.charAt(k));
            }
        }

        private void grow(int more) {
            if (text.length() + more > starts.length) {
                int size = Math.max(starts.length * 2, text.length() + more);
                starts = Arrays.copyOf(starts, size);
                ends = Arrays.copyOf(ends, size);
            }
        }

        NormalizedText view() {
            int len = text.length();
            return new NormalizedText(text.toString(), Arrays.copyOf(starts, len), Arrays.copyOf(ends, len));
        }
    }
}
