package dev.nlpipe.nn.bert;

import java.util.ArrayList;
import java.util.List;

/**
 * One text to WordPiece tokens, as Hugging Face's pipeline does it before post-processing: added tokens found in the
 * original text, normalization, added tokens found in the normalized text, the BERT pre-tokenizer (split on
 * whitespace, every punctuation character a word of its own), WordPiece on each word. Thread-safe.
 */
final class SequenceTokenizer {
    private final WordPieceVocabulary vocab;
    private final TextNormalizer normalizer;
    private final AddedTokenMatcher raw;
    private final AddedTokenMatcher normalized;
    private final ThreadLocal<NormalizedText> scratch = ThreadLocal.withInitial(NormalizedText::new);
    private final boolean chineseWords;
    private final boolean cleanText;
    /** Characters past a word boundary a prefix must reach so that an added token across the boundary is found whole. */
    private final int margin;

    SequenceTokenizer(WordPieceVocabulary vocab, BertNormalization normalization, List<AddedToken> addedTokens) {
        this.vocab = vocab;
        this.normalizer = new TextNormalizer(normalization);
        List<AddedToken> rawTokens = new ArrayList<>();
        List<String> rawPatterns = new ArrayList<>();
        List<AddedToken> normTokens = new ArrayList<>();
        List<String> normPatterns = new ArrayList<>();
        NormalizedText n = new NormalizedText();
        for (AddedToken t : addedTokens) {
            if (t.normalized()) {
                normalizer.normalize(t.content(), 0, t.content().length(), n);
                if (n.length > 0) {
                    normTokens.add(t);
                    normPatterns.add(n.toString());
                }
            } else {
                rawTokens.add(t);
                rawPatterns.add(t.content());
            }
        }
        this.raw = new AddedTokenMatcher(rawTokens, rawPatterns);
        this.normalized = new AddedTokenMatcher(normTokens, normPatterns);
        this.chineseWords = normalization.handleChineseChars();
        this.cleanText = normalization.cleanText();
        int longest = 0;
        for (AddedToken t : addedTokens) {
            longest = Math.max(longest, t.content().length());
        }
        // a normalized token's original span can be longer than its pattern (control characters clean_text drops)
        this.margin = 4 * longest + 16;
    }

    /**
     * The first pieces of a text: at least {@code count} of them when the text has that many, and
     * exactly the ones its whole tokenization starts with, else the whole tokenization. Growing
     * prefixes of the text are tokenized, so a text cut to a few hundred pieces costs about what those
     * pieces cost rather than a book's length: a piece that ends before a word boundary (whitespace,
     * punctuation, a Chinese character) comes out the same whatever follows the boundary.
     */
    TokenBuffer tokenizeFirst(String text, int count) {
        for (long reach = Math.max(1024, 8L * count + margin); reach < text.length(); reach *= 4) {
            int end = (int) reach;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            int boundary = lastBoundary(text, end - margin);
            if (boundary <= 0) {
                continue;
            }
            TokenBuffer prefix = tokenize(text.substring(0, end));
            int exact = 0;
            while (exact < prefix.size && prefix.ends[exact] <= boundary) {
                exact++;
            }
            if (exact >= count) {
                prefix.truncate(exact, false);
                return prefix;
            }
        }
        return tokenize(text);
    }

    /** The last index before {@code before} whose character starts a word of its own or ends one, or -1. */
    private int lastBoundary(String text, int before) {
        for (int i = before - 1; i > 0; i--) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                continue; // a boundary character outside the BMP is passed over: the next one back serves
            }
            int flags = CharClasses.of(c);
            if (cleanText && (flags & CharClasses.REMOVED) != 0) {
                continue; // a vertical tab, form feed or NEL is whitespace that cleaning drops: the words beside it join
            }
            if ((flags & (CharClasses.SPACE | CharClasses.PUNCT)) != 0 || chineseWords && (flags & CharClasses.CHINESE) != 0) {
                return i;
            }
        }
        return -1;
    }

    TokenBuffer tokenize(String text) {
        TokenBuffer out = new TokenBuffer(text.length() / 2 + 4);
        NormalizedText norm = scratch.get();
        int pos = 0;
        if (!raw.isEmpty()) {
            for (AddedTokenMatcher.Match m : raw.find(text, 0, text.length())) {
                if (m.start() > pos) {
                    segment(text, pos, m.start(), norm, out);
                }
                out.add(m.token().id(), text.substring(m.start(), m.end()), m.start(), m.end());
                pos = m.end();
            }
        }
        if (pos < text.length()) {
            segment(text, pos, text.length(), norm, out);
        }
        if (norm.chars.length > KEPT_SCRATCH) {
            scratch.remove(); // a book-length text would otherwise hold its buffers on every thread that ever read one
        }
        return out;
    }

    /** The largest normalization buffer a thread keeps between texts, in characters (about 1 MB of arrays). */
    static final int KEPT_SCRATCH = 1 << 16;

    /** The size of this thread's normalization buffer now, for tests. */
    int scratchCapacity() {
        return scratch.get().chars.length;
    }

    private void segment(String text, int from, int to, NormalizedText norm, TokenBuffer out) {
        normalizer.normalize(text, from, to, norm);
        int pos = 0;
        if (!normalized.isEmpty()) {
            for (AddedTokenMatcher.Match m : normalized.find(norm, 0, norm.length)) {
                preTokenize(norm, pos, m.start(), out);
                out.add(m.token().id(), new String(norm.chars, m.start(), m.end() - m.start()), norm.starts[m.start()],
                        norm.ends[m.end() - 1]);
                pos = m.end();
            }
        }
        preTokenize(norm, pos, norm.length, out);
    }

    /** Splits on whitespace and punctuation and runs WordPiece on every word. */
    private void preTokenize(NormalizedText norm, int from, int to, TokenBuffer out) {
        char[] chars = norm.chars;
        int[] starts = norm.starts;
        int[] ends = norm.ends;
        PreTokenizer.split(chars, from, to, (f, t) -> vocab.tokenizeWord(chars, starts, ends, f, t, out));
    }
}
