package dev.nlpipe.nn.bert;

/** Applies a {@link BertNormalization} to a range of the original text, keeping each unit's original span. */
final class TextNormalizer {
    private static final int REPLACEMENT = 0xFFFD;
    private final boolean clean;
    private final boolean chinese;
    private final CharMapping mapping;

    TextNormalizer(BertNormalization options) {
        this.clean = options.cleanText();
        this.chinese = options.handleChineseChars();
        this.mapping = CharMapping.of(options.stripsAccents(), options.lowercase());
    }

    /**
     * Normalizes {@code text[from, to)} into {@code out} (cleared first). A lone surrogate is read as U+FFFD, which is
     * what the Rust library receives for it through DJL.
     */
    void normalize(CharSequence text, int from, int to, NormalizedText out) {
        out.clear();
        int i = from;
        while (i < to) {
            int cp = Character.codePointAt(text, i);
            int start = i;
            i += Character.charCount(cp);
            if (i > to) {
                i = to;
            }
            if (Character.isSurrogate((char) cp) && cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                cp = REPLACEMENT;
            }
            int flags = CharClasses.of(cp);
            if (clean) {
                if ((flags & CharClasses.REMOVED) != 0) {
                    continue;
                }
                if ((flags & CharClasses.SPACE) != 0) {
                    out.append(' ', start, i);
                    continue;
                }
            }
            boolean isolate = chinese && (flags & CharClasses.CHINESE) != 0;
            if (isolate) {
                out.append(' ', start, i);
            }
            int[] mapped = mapping == null ? null : mapping.map(cp);
            if (mapped == null) {
                out.append(cp, start, i);
            } else {
                for (int m : mapped) {
                    out.append(m, start, i);
                }
            }
            if (isolate) {
                out.append(' ', start, i);
            }
        }
    }
}
