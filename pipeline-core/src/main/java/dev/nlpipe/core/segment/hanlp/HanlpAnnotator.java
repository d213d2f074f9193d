package dev.nlpipe.core.segment.hanlp;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.OverlappingTokens;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.segment.PkuConventions;
import dev.nlpipe.core.segment.Word;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.text.Graphemes;
import dev.nlpipe.core.text.RegexTokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Segments a document's analysis text with HanLP and sets its tokens (offsets mapped back to the
 * original text), optionally with part-of-speech tags, PER/LOC/ORG entity spans, and the PKU
 * standard's conventions applied.
 */
public final class HanlpAnnotator implements Annotator {
    private final HanlpSegmenter segmenter;
    private final boolean pos;
    private final boolean entities;
    private final boolean pku;

    /**
     * @param segmenter the configured segmenter
     * @param pos whether tokens carry HanLP's nature as their part of speech
     * @param entities whether person, place and organization words become entity spans
     * @param pku whether the PKU standard's conventions rewrite the words
     */
    public HanlpAnnotator(HanlpSegmenter segmenter, boolean pos, boolean entities, boolean pku) {
        this.segmenter = segmenter;
        this.pos = pos;
        this.entities = entities;
        this.pku = pku;
    }

    public HanlpSegmenter segmenter() {
        return segmenter;
    }

    @Override
    public void annotate(Document doc) {
        String text = doc.analysisText();
        List<Word> words = segmenter.segment(text);
        if (entities) {
            doc.addEntities(entities(doc, words));
        }
        if (pku) {
            words = PkuConventions.apply(text, words);
        }
        words = wholeCharacters(text, words);
        List<Token> tokens = new ArrayList<>(words.size());
        boolean original = doc.normalized() == null;
        for (Word w : words) {
            // without a normalized view the word's own string is the token text: no second copy
            String tag = pos ? w.pos() : null;
            tokens.add(original ? new Token(w.in(text), w.start(), w.end(), tag, false) : doc.tokenAt(w.start(), w.end()).withPos(tag));
        }
        doc.setTokens(OverlappingTokens.joined(tokens));
    }

    /**
     * {@code words} with a word that starts inside a user-perceived character joined to the word
     * before it (HanLP cuts the keycap 1️⃣ into three words, a variation selector off its emoji) and
     * invisible words (a left-to-right mark, a soft hyphen between two words) left out.
     */
    static List<Word> wholeCharacters(String text, List<Word> words) {
        List<Word> out = new ArrayList<>(words.size());
        for (Word w : words) {
            Word last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.end() == w.start() && RegexTokenizer.continuesCharacter(text, w.start())) {
                out.set(out.size() - 1, new Word(last.start(), w.end(), last.pos()));
            } else if (!Graphemes.isInvisible(text, w.start(), w.end())) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The words of {@code text} as this annotator makes them (the PKU conventions applied when
     * configured), for text that is not a whole document, such as a run of Han characters inside
     * English; the words HanLP tagged as person, place or organization, before those conventions,
     * go to {@code named} (all of them, whether or not entities were asked for).
     */
    public List<Word> words(String text, List<Word> named) {
        List<Word> words = segmenter.segment(text);
        for (Word w : words) {
            if (entityType(w.pos()) != null) {
                named.add(w);
            }
        }
        return pku ? PkuConventions.apply(text, words) : words;
    }

    /** The entity spans of HanLP's named words, whose offsets point into the document's analysis text. */
    public static List<Entity> entities(Document doc, List<Word> words) {
        List<Entity> out = new ArrayList<>();
        for (Word w : words) {
            String type = entityType(w.pos());
            if (type != null) {
                Token span = doc.tokenAt(w.start(), w.end());
                out.add(Entity.of(doc.text(), type, span.start(), span.end()));
            }
        }
        return out;
    }

    /** PER for HanLP's person natures (nr, nrf, nrj...), LOC for places (ns, nsf), ORG for organizations (nt...). */
    static String entityType(String nature) {
        if (nature == null || nature.length() < 2 || nature.charAt(0) != 'n') {
            return null;
        }
        return switch (nature.charAt(1)) {
            case 'r' -> "PER";
            case 's' -> "LOC";
            case 't' -> "ORG";
            default -> null;
        };
    }
}
