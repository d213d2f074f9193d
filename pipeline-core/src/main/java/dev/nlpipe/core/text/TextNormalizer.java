package dev.nlpipe.core.text;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.NormalizedText;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code normalize.text}: Unicode NFKC, full-width to half-width, optional lowercasing. The
 * document's text is never changed (every layer's offsets refer to it); the stage sets the
 * normalized view that later tokenizers read, with a map back to the original characters, so
 * tokens carry normalized text and original offsets.
 */
public final class TextNormalizer implements StageProvider {

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
        return "normalize.text";
    }

    @Override
    public String description() {
        return "Unicode NFKC, full-width to half-width, lowercase; later tokenizers see the normalized text, offsets stay original";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.bool("nfkc", true, "apply Unicode NFKC compatibility normalization"),
                OptionSpec.bool("fullWidth", true, "map full-width ASCII forms and the ideographic space to half-width"
                        + " (false: they stay, also under nfkc)"),
                OptionSpec.bool("lowercase", false, "lowercase (locale-independent)"));
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        boolean nfkc = o.getBoolean("nfkc");
        boolean fullWidth = o.getBoolean("fullWidth");
        boolean lower = o.getBoolean("lowercase");
        return (Annotator) doc -> apply(doc, nfkc, fullWidth, lower);
    }

    /** Sets (or refines) the document's normalized view. */
    public static void apply(Document doc, boolean nfkc, boolean fullWidth, boolean lowercase) {
        String in = doc.analysisText();
        NormalizedText step = normalize(in, nfkc, fullWidth, lowercase);
        if (step == null) {
            return;
        }
        doc.setNormalized(doc.normalized() == null ? step : doc.normalized().then(step));
    }

    /** The normalized form of {@code s} with its offset map, or {@code null} when nothing changes. */
    static NormalizedText normalize(String s, boolean nfkc, boolean fullWidth, boolean lowercase) {
        if (!changes(s, nfkc, fullWidth, lowercase)) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        int[] starts = new int[s.length() + 8];
        int[] ends = new int[s.length() + 8];
        int n = s.length();
        int i = 0;
        while (i < n) {
            int unitStart = i;
            i += Character.charCount(s.codePointAt(i));
            while (i < n && isCombining(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            String unit = s.substring(unitStart, i);
            String mapped = unit;
            if (fullWidth) {
                mapped = halfWidth(mapped);
            }
            // NFKC folds the full-width forms too: with fullWidth off, a unit that starts with one keeps its spelling
            if (nfkc && (fullWidth || !isFullWidthForm(unit.charAt(0)))) {
                mapped = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
            }
            if (lowercase) {
                mapped = mapped.toLowerCase(Locale.ROOT);
            }
            for (int k = 0; k < mapped.length(); k++) {
                int at = out.length();
                if (at >= starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    ends = Arrays.copyOf(ends, ends.length * 2);
                }
                out.append(mapped.charAt(k));
                starts[at] = unitStart;
                ends[at] = i;
            }
        }
        int len = out.length();
        return new NormalizedText(out.toString(), Arrays.copyOf(starts, len), Arrays.copyOf(ends, len));
    }

    private static boolean changes(String s, boolean nfkc, boolean fullWidth, boolean lowercase) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return true;
            }
            if (lowercase && c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code cp} composes with the character before it under NFKC, so both are normalized as
     * one unit: combining marks, the half-width voicing marks (ｶﾞ → ガ; they are modifier letters,
     * not marks) and the vowels and finals of decomposed Hangul (ᄀ + ᅡ → 가, as NFD text from macOS file names has it).
     */
    private static boolean isCombining(int cp) {
        return RegexTokenizer.isMark(cp) || cp == 0xFF9E || cp == 0xFF9F || cp >= 0x1160 && cp <= 0x11FF || cp >= 0xD7B0 && cp <= 0xD7FF;
    }

    /** Whether {@code c} is a full-width ASCII variant (U+FF01..U+FF5E) or the ideographic space U+3000. */
    private static boolean isFullWidthForm(char c) {
        return c >= 0xFF01 && c <= 0xFF5E || c == 0x3000;
    }

    /** Full-width ASCII variants (U+FF01..U+FF5E) and U+3000 to their ASCII forms. */
    static String halfWidth(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char m = !isFullWidthForm(c) ? c : c == 0x3000 ? ' ' : (char) (c - 0xFEE0);
            if (m != c && sb == null) {
                sb = new StringBuilder(s);
            }
            if (sb != null) {
                sb.setCharAt(i, m);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
