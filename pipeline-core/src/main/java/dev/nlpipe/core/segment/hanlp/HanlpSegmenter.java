package dev.nlpipe.core.segment.hanlp;

import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Dijkstra.DijkstraSegment;
import com.hankcs.hanlp.seg.NShort.NShortSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import dev.nlpipe.core.segment.TextChunker;
import dev.nlpipe.core.segment.Word;
import dev.nlpipe.core.text.RegexTokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A configured HanLP segmenter: the algorithm, the dictionaries and the recognizers of one
 * pipeline stage. {@link #segment} is thread-safe (HanLP's segmentation methods are; only its
 * configuration methods are not, and they run once, here in the constructor).
 *
 * <p>Words come back with their offsets in the given text. Spaces and control characters, which
 * HanLP returns as words of their own (or glued to a symbol), are left out. Texts longer than {@link #CHUNK} characters
 * are segmented in chunks cut at sentence ends (see {@link TextChunker}), which bounds memory on
 * huge single-line documents; shorter texts go to HanLP in one call, exactly as a direct caller
 * would pass them.
 */
public final class HanlpSegmenter {
    /** The longest text handed to HanLP in one call. */
    public static final int CHUNK = 8192;

    /** The segmentation algorithms HanLP offers. */
    public enum Algorithm {
        VITERBI, DIJKSTRA, NSHORT;

        Segment newSegment() {
            return switch (this) {
                case VITERBI -> new ViterbiSegment();
                case DIJKSTRA -> new DijkstraSegment();
                case NSHORT -> new NShortSegment();
            };
        }
    }

    /**
     * How to build a segmenter.
     *
     * @param algorithm the segmentation algorithm
     * @param userWords the user dictionary (may be empty)
     * @param builtinDictionary whether HanLP's bundled custom dictionary is used besides the core dictionary
     * @param forcing whether dictionary words are forced into the word lattice (HanLP's custom-dictionary forcing)
     * @param posTagging whether HanLP's HMM part-of-speech tagger resolves each word's nature
     * @param entities whether place and organization recognition run besides HanLP's default person-name recognition
     */
    public record Settings(Algorithm algorithm, UserDictionary userWords, boolean builtinDictionary, boolean forcing,
                           boolean posTagging, boolean entities) {
    }

    private final Segment segment;
    private final UserDictionary userWords;
    private final int longestUserWord;

    public HanlpSegmenter(Settings s) {
        this.userWords = s.userWords();
        this.longestUserWord = userWords.longestWord();
        Segment seg = s.algorithm().newSegment();
        seg.enablePartOfSpeechTagging(s.posTagging());
        if (s.entities()) {
            seg.enableNameRecognize(true).enableTranslatedNameRecognize(true).enablePlaceRecognize(true)
                    .enableOrganizationRecognize(true);
        }
        if (s.userWords().size() > 0) {
            DynamicCustomDictionary dictionary = s.userWords().build(s.builtinDictionary());
            seg.enableCustomDictionary(dictionary);
        } else if (!s.builtinDictionary()) {
            seg.enableCustomDictionary(false);
        }
        // HanLP's forcing turns the custom dictionary back on: only where there is one, else builtinDictionary: false is undone
        if (s.forcing() && (s.userWords().size() > 0 || s.builtinDictionary())) {
            seg.enableCustomDictionaryForcing(true);
        }
        this.segment = seg;
    }

    /** Whether {@code word} is an entry of the user dictionaries (C++, .NET: kept whole by the mark splitting of {@code segment}). */
    public boolean isUserWord(String word) {
        return userWords.contains(word);
    }

    /** Whether a word of the user dictionaries starts with {@code prefix}, so that a search for them can stop. */
    public boolean startsAUserWord(String prefix) {
        return userWords.startsAWord(prefix);
    }

    /** The length of the longest word of the user dictionaries (0 without one), so that a search for them can stop. */
    public int longestUserWord() {
        return longestUserWord;
    }

    /** The HanLP segment this wraps (for benchmarks that compare against calling it directly). */
    public Segment segment() {
        return segment;
    }

    /** The words of {@code text} with HanLP's natures as part-of-speech tags. */
    public List<Word> segment(String text) {
        List<Word> out = new ArrayList<>(text.length() / 2 + 4);
        int from = 0;
        int n = text.length();
        while (from < n) {
            int to = TextChunker.end(text, from, CHUNK);
            String chunk = from == 0 && to == n ? text : text.substring(from, to);
            collect(segment.seg(chunk), text, from, to, out);
            from = to;
        }
        return out;
    }

    private static void collect(List<Term> terms, String text, int from, int to, List<Word> out) {
        int at = from;
        for (Term t : terms) {
            String w = t.word;
            if (w.isEmpty()) {
                continue;
            }
            if (!text.startsWith(w, at)) {
                // HanLP returns the input characters unchanged (normalization is off); stay safe if a version does not.
                int found = text.indexOf(w, at);
                if (found < 0 || found + w.length() > to) {
                    continue;
                }
                at = found;
            }
            int end = at + w.length();
            String pos = t.nature == null ? null : t.nature.toString();
            // HanLP lumps characters no dictionary word starts with into one term by character class, and spaces and
            // line breaks share a class with Cyrillic, kana and accented vowels (U+3000 with 「」): "ありがとう ございます",
            // "」\u3000「", "Привет\nмир" came out as single tokens. Spaces are never part of a token: the term is split at them.
            for (int s = at; s < end; ) {
                while (s < end && RegexTokenizer.isSpace(text.charAt(s))) {
                    s++;
                }
                int e = s;
                while (e < end && !RegexTokenizer.isSpace(text.charAt(e))) {
                    e++;
                }
                if (e > s) {
                    Word last = out.isEmpty() ? null : out.get(out.size() - 1);
                    if (last != null && last.end() == s && joinsWord(text, s)) {
                        // HanLP gives accented letters a character class of their own: Pokémon came out as Pok / é / mon
                        // the letters' tag, not the punctuation tag HanLP gives a lone accented first letter (école, Émile)
                        out.set(out.size() - 1, new Word(last.start(), e, "w".equals(last.pos()) ? pos : last.pos(), null));
                    } else {
                        out.add(new Word(s, e, pos, s == at && e == end ? w : null));
                    }
                }
                s = e;
            }
            at = end;
        }
    }

    /** Whether the characters either side of {@code at} belong to one Latin, Greek or Cyrillic word (letters or combining marks). */
    private static boolean joinsWord(String text, int at) {
        return at > 0 && at < text.length() && wordPart(text.codePointBefore(at)) && wordPart(text.codePointAt(at));
    }

    private static boolean wordPart(int cp) {
        if (RegexTokenizer.isMark(cp)) {
            return true;
        }
        if (!Character.isLetter(cp)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.CYRILLIC;
    }
}
