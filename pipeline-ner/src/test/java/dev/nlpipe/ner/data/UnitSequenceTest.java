package dev.nlpipe.ner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.NormalizedText;
import dev.nlpipe.core.doc.Span;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.tag.TagScheme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitSequenceTest {

    @Test
    void charactersSkipWhitespaceAndKeepSurrogatePairsWhole() {
        Document d = new Document("d", "a 😀王\u3000五");
        UnitSequence s = UnitSequence.of(d, false, false, "ner").get(0);
        assertArrayEquals(new String[] {"a", "😀", "王", "五"}, s.texts());
        assertArrayEquals(new int[] {0, 2, 4, 6}, s.starts());
        assertArrayEquals(new int[] {1, 4, 5, 7}, s.ends());
    }

    @Test
    void formatCharactersAreSkippedAndCombiningMarksBelongToTheCharacterBefore() {
        UnitSequence s = UnitSequence.of(new Document("d", "北京\u200B大学 Jose\u0301"), false, false, "ner").get(0);
        assertArrayEquals(new String[] {"北", "京", "大", "学", "J", "o", "s", "e\u0301"}, s.texts());
        assertArrayEquals(new int[] {0, 1, 3, 4, 6, 7, 8, 9}, s.starts());
        assertEquals(11, s.ends()[7], "the last unit ends after its accent");
    }

    @Test
    void aVariationSelectorStaysInItsCharactersSpanButNotInItsText() {
        // an emoji-style selector and an ideographic variation selector (a pair of UTF-16 units): the character they follow is
        // read as itself, for its vector and the lexicon
        UnitSequence s = UnitSequence.of(new Document("d", "北京\uFE0F大学葛\uDB40\uDD00城"), false, false, "ner").get(0);
        assertArrayEquals(new String[] {"北", "京", "大", "学", "葛", "城"}, s.texts());
        assertArrayEquals(new int[] {0, 1, 3, 4, 5, 8}, s.starts());
        assertArrayEquals(new int[] {1, 3, 4, 5, 8, 9}, s.ends());
    }

    @Test
    void withoutSentencesEachLineIsASequence() {
        List<UnitSequence> seqs = UnitSequence.of(new Document("d", "北京\r\n大学\n\n南京"), false, false, "ner");
        assertEquals(3, seqs.size(), "a name on one line and a word on the next are not one entity");
        assertArrayEquals(new String[] {"大", "学"}, seqs.get(1).texts());
        assertArrayEquals(new int[] {4, 5}, seqs.get(1).starts());
    }

    @Test
    void tokensListedOutOfOrderAreReadInTextOrder() {
        Document d = new Document("d", "John Smith lives").setTokens(List.of(new Token("Smith", 5, 10), new Token("John", 0, 4),
                new Token("lives", 11, 16)));
        UnitSequence s = UnitSequence.of(d, true, false, "ner").get(0);
        assertArrayEquals(new String[] {"John", "Smith", "lives"}, s.texts());
        Entity e = s.entities(List.of(new TagScheme.TokenSpan("PER", 0, 2))).get(0);
        assertEquals("John Smith", e.text());
    }

    @Test
    void charactersAreReadFromTheNormalizedViewWithOriginalOffsets() {
        // "ﬁ" expands to two characters that share its source; "Ａ" folds to "A"; the sentence
        // boundary at original offset 3 falls between normalized characters 3 and 4
        String text = "ﬁＡ 王。李";
        Document d = new Document("d", text).setSentences(List.of(new Span(0, 5), new Span(5, 6)))
                .setNormalized(new NormalizedText("fiA 王。李", new int[] {0, 0, 1, 2, 3, 4, 5}, new int[] {1, 1, 2, 3, 4, 5, 6}));
        List<UnitSequence> seqs = UnitSequence.of(d, false, false, "ner");
        assertEquals(2, seqs.size());
        assertArrayEquals(new String[] {"f", "i", "A", "王", "。"}, seqs.get(0).texts());
        assertArrayEquals(new int[] {0, 0, 1, 3, 4}, seqs.get(0).starts());
        assertArrayEquals(new int[] {1, 1, 2, 4, 5}, seqs.get(0).ends());
        assertArrayEquals(new String[] {"李"}, seqs.get(1).texts());
        Entity e = seqs.get(0).entities(List.of(new TagScheme.TokenSpan("ORG", 0, 3))).get(0);
        assertEquals(new Entity("ORG", 0, 2, "ﬁＡ", Double.NaN), new Entity(e.type(), e.start(), e.end(), e.text(), Double.NaN));
    }

    @Test
    void aTokenCrossingASentenceEdgeBelongsToTheSentenceItStartsIn() {
        // sentences and tokens from different tools: "Smith" [11,16) crosses the edge at 14
        Document d = new Document("d", "I met John Smith today.").setSentences(List.of(new Span(0, 14), new Span(14, 23)))
                .setTokens(List.of(new Token("I", 0, 1), new Token("met", 2, 5), new Token("John", 6, 10), new Token("Smith", 11, 16),
                        new Token("today", 17, 22), new Token(".", 22, 23)));
        List<UnitSequence> seqs = UnitSequence.of(d, true, false, "ner");
        assertArrayEquals(new String[] {"I", "met", "John", "Smith"}, seqs.get(0).texts());
        assertArrayEquals(new int[] {0, 2, 6, 11}, seqs.get(0).starts());
        assertArrayEquals(new int[] {1, 5, 10, 16}, seqs.get(0).ends());
        assertArrayEquals(new String[] {"today", "."}, seqs.get(1).texts());
    }

    @Test
    void sentencesMakeSeparateSequencesAndWordsGivePositions() {
        Document d = new Document("d", "张伟在北京。我们").setSentences(List.of(new Span(0, 6), new Span(6, 8)))
                .setTokens(List.of(new Token("张伟", 0, 2), new Token("在", 2, 3), new Token("北京", 3, 5), new Token("我们", 6, 8)));
        List<UnitSequence> seqs = UnitSequence.of(d, false, true, "ner");
        assertEquals(2, seqs.size());
        assertArrayEquals(new byte[] {UnitSequence.B, UnitSequence.E, UnitSequence.S, UnitSequence.B, UnitSequence.E, UnitSequence.NO_WORD},
                seqs.get(0).wordPositions());
        List<UnitSequence> tokens = UnitSequence.of(d, true, false, "ner");
        assertArrayEquals(new String[] {"张伟", "在", "北京"}, tokens.get(0).texts());
    }

    @Test
    void everySentenceOfALongDocumentGetsItsOwnTokens() {
        // many sentences: each reads the tokens that reach into it by binary search in the sorted tokens list
        StringBuilder text = new StringBuilder();
        List<Span> sentences = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int start = text.length();
            text.append("张伟在北京。 ");
            tokens.addAll(List.of(new Token("张伟", start, start + 2), new Token("在", start + 2, start + 3),
                    new Token("北京", start + 3, start + 5), new Token("。", start + 5, start + 6)));
            sentences.add(new Span(start, start + 7));
        }
        Document d = new Document("d", text.toString()).setSentences(sentences).setTokens(tokens);
        List<UnitSequence> words = UnitSequence.of(d, true, false, "ner");
        List<UnitSequence> chars = UnitSequence.of(d, false, true, "ner");
        assertEquals(50, words.size());
        for (int i = 0; i < 50; i++) {
            int start = 7 * i;
            assertArrayEquals(new String[] {"张伟", "在", "北京", "。"}, words.get(i).texts());
            assertArrayEquals(new int[] {start, start + 2, start + 3, start + 5}, words.get(i).starts());
            assertArrayEquals(new byte[] {UnitSequence.B, UnitSequence.E, UnitSequence.S, UnitSequence.B, UnitSequence.E, UnitSequence.S},
                    chars.get(i).wordPositions());
        }
    }

    @Test
    void sentencesAreReadInOrderOnceEachAndTheTextTheyLeaveOutIsStillRead() {
        Document d = new Document("d", "高勇是工程师。李明在北京。").setSentences(List.of(new Span(0, 7), new Span(0, 3)));
        List<UnitSequence> seqs = UnitSequence.of(d, false, false, "ner");
        assertEquals(List.of("高勇是工程师。", "李明在北京。"), seqs.stream().map(s -> String.join("", s.texts())).toList(),
                "the repeated span is read once, the uncovered rest as a sequence of its own");
        assertEquals(List.of(new Span(0, 2), new Span(2, 5), new Span(5, 9), new Span(9, 10)),
                UnitSequence.covering(List.of(new Span(5, 9), new Span(2, 5), new Span(3, 4)), 10));
    }

    @Test
    void anEmptySentenceLeavesEveryCharacterInOneSequence() {
        assertEquals(List.of(new Span(0, 3), new Span(3, 10)), UnitSequence.covering(List.of(new Span(3, 3)), 10));
        assertEquals(List.of(new Span(0, 5), new Span(5, 10), new Span(10, 16)),
                UnitSequence.covering(List.of(new Span(0, 5), new Span(10, 10)), 16));
    }

    @Test
    void unicodeLineBreaksEndASequenceAndControlCharactersAreNoUnits() {
        assertEquals(List.of(new Span(0, 2), new Span(3, 5), new Span(6, 8), new Span(9, 11)),
                UnitSequence.lines("北京\u2028大学\u0085南京\u000C上海"));
        UnitSequence s = UnitSequence.of(new Document("d", "高\u0000勇\u001B[0m"), false, false, "ner").get(0);
        assertArrayEquals(new String[] {"高", "勇", "[", "0", "m"}, s.texts());
    }

    @Test
    void anEmojiIsOneUnitWithItsModifierJoinedPartsAndFlagLetters() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String thumb = "\uD83D\uDC4D\uD83C\uDFFD";
        String flags = "\uD83C\uDDE8\uD83C\uDDF3\uD83C\uDDFA\uD83C\uDDF8";
        UnitSequence s = UnitSequence.of(new Document("d", family + "高" + thumb + flags + "北\u200D京"), false, false, "ner").get(0);
        assertArrayEquals(new String[] {family, "高", thumb, "\uD83C\uDDE8\uD83C\uDDF3", "\uD83C\uDDFA\uD83C\uDDF8", "北", "京"},
                s.texts(), "a joiner between two Chinese characters joins nothing");
        // a skin tone before the joiner: 🧑🏽‍💻 and 🏃🏽‍♂️ are one unit each
        String coder = "\uD83E\uDDD1\uD83C\uDFFD\u200D\uD83D\uDCBB";
        String runner = "\uD83C\uDFC3\uD83C\uDFFD\u200D\u2642";
        UnitSequence toned = UnitSequence.of(new Document("d", coder + "张" + runner + "\uFE0F"), false, false, "ner").get(0);
        assertArrayEquals(new String[] {coder, "张", runner}, toned.texts());
        assertEquals(coder.length(), toned.ends()[0]);
    }

    @Test
    void unitsOfOneExpandedCharacterGiveNoOverlappingEntities() {
        // NFKC reads ㈱ as "(株)": three units of one original character
        String text = "㈱高勇";
        Document d = new Document("d", text).setNormalized(new NormalizedText("(株)高勇", new int[] {0, 0, 0, 1, 2},
                new int[] {1, 1, 1, 2, 3}));
        UnitSequence s = UnitSequence.of(d, false, false, "ner").get(0);
        assertEquals(5, s.texts().length);
        List<Entity> found = s.entities(List.of(new TagScheme.TokenSpan("ORG", 0, 1), new TagScheme.TokenSpan("ORG", 2, 4),
                new TagScheme.TokenSpan("PER", 4, 5)));
        assertEquals(List.of("ORG 0-2 ㈱高", "PER 2-3 勇"), found.stream().map(e -> e.type() + " " + e.start() + "-" + e.end() + " "
                + e.text()).toList());
        List<Entity> other = s.entities(List.of(new TagScheme.TokenSpan("ORG", 0, 1), new TagScheme.TokenSpan("PER", 1, 2)));
        assertEquals(List.of("ORG 0-1"), other.stream().map(e -> e.type() + " " + e.start() + "-" + e.end()).toList(),
                "another type on the same character is left out");
    }

    @Test
    void goldEntitiesAlignToUnits() {
        Document d = new Document("d", "New York-based Acme").setTokens(List.of(new Token("New", 0, 3), new Token("York-based", 4, 14),
                new Token("Acme", 15, 19)));
        UnitSequence s = UnitSequence.of(d, true, false, "ner").get(0);
        GoldSpans g = new GoldSpans();
        List<TagScheme.TokenSpan> spans = g.spans(List.of(s), List.of(Entity.of(d.text(), "ORG", 15, 19), Entity.of(d.text(), "LOC", 0, 8),
                Entity.of(d.text(), "ORG", 15, 18))).get(0);
        assertEquals(List.of(new TagScheme.TokenSpan("LOC", 0, 1), new TagScheme.TokenSpan("ORG", 2, 3)), spans);
        assertEquals(1, g.aligned());
        assertEquals(1, g.misaligned());
        assertEquals(1, g.dropped());
    }

    @Test
    void eachSentenceGetsTheEntitiesWithinIt() {
        String text = "张伟在北京。李强去上海。";
        GoldSpans g = new GoldSpans();
        List<List<TagScheme.TokenSpan>> spans = g.spans(characterSentences(text, new Span(0, 6), new Span(6, 12)), List.of(Entity.of(text, "LOC", 9, 11),
                Entity.of(text, "PER", 0, 2), Entity.of(text, "LOC", 3, 5), Entity.of(text, "PER", 6, 8)));
        assertEquals(List.of(new TagScheme.TokenSpan("PER", 0, 2), new TagScheme.TokenSpan("LOC", 3, 5)), spans.get(0));
        assertEquals(List.of(new TagScheme.TokenSpan("PER", 0, 2), new TagScheme.TokenSpan("LOC", 3, 5)), spans.get(1));
    }

    @Test
    void anEntityAcrossASentenceBoundaryIsDroppedNotCutIntoTwo() {
        String text = "高勇说。张三来 。";
        GoldSpans g = new GoldSpans();
        List<List<TagScheme.TokenSpan>> spans = g.spans(characterSentences(text, new Span(0, 4), new Span(4, 9)),
                List.of(Entity.of(text, "PER", 0, 2), Entity.of(text, "ORG", 2, 6)));
        assertEquals(List.of(new TagScheme.TokenSpan("PER", 0, 2)), spans.get(0));
        assertEquals(List.of(), spans.get(1));
        assertEquals(1, g.aligned());
        assertEquals(1, g.dropped(), "one entity dropped, not two parts");
        // an entity whose end runs only into the whitespace before the next sentence's first unit stays
        String spaced = "我在北京 。你好";
        GoldSpans h = new GoldSpans();
        assertEquals(List.of(new TagScheme.TokenSpan("LOC", 2, 4)),
                h.spans(characterSentences(spaced, new Span(0, 4), new Span(4, 8)), List.of(Entity.of(spaced, "LOC", 2, 5))).get(0));
        assertEquals(0, h.dropped());
    }

    /** The character sequences of {@code text} cut into the given sentences. */
    private static List<UnitSequence> characterSentences(String text, Span... sentences) {
        return UnitSequence.of(new Document("d", text).setSentences(List.of(sentences)), false, false, "ner");
    }
}
