package dev.nlpipe.bert.mlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.nn.bert.BertNormalization;
import dev.nlpipe.nn.bert.BertTokenizer;
import dev.nlpipe.nn.bert.WordPieceVocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents cut into sequences and their words found, with a hand-made vocabulary. */
class MlmCorpusTest {
    private static final List<String> PIECES = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
            "北", "京", "大", "学", "很", "好", "play", "##ing", "un", "##believ", "##able", "the", "game");
    private static final BertTokenizer TOKENIZER = BertTokenizer.of(WordPieceVocabulary.of(PIECES), BertNormalization.uncased());

    private static int id(String piece) {
        return PIECES.indexOf(piece);
    }

    @Test
    void aChineseWordIsTheTokenOfTheSegmenter() {
        Document d = new Document("d", "北京大学很好");
        d.setTokens(List.of(new Token("北京大学", 0, 4), new Token("很", 4, 5), new Token("好", 5, 6)));
        MlmSequence s = new MlmCorpus(TOKENIZER, 32, true).sequences(List.of(d)).get(0);
        assertArrayEquals(new int[] {id("[CLS]"), id("北"), id("京"), id("大"), id("学"), id("很"), id("好"), id("[SEP]")}, s.ids());
        assertArrayEquals(new int[] {-1, 0, 0, 0, 0, 1, 2, -1}, s.words());
    }

    @Test
    void theNormalizedViewIsEncodedAndItsWordsAreTheSegmentersOverTheOriginal() {
        // 北亰 (亰 a variant normalized to 京) read as 北京; the segmenter's token covers the original offsets
        Document d = new Document("d", "北亰大学").setNormalized(new dev.nlpipe.core.doc.NormalizedText("北京大学",
                new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 4}));
        d.setTokens(List.of(new Token("北亰", 0, 2), new Token("大学", 2, 4)));
        MlmSequence s = new MlmCorpus(TOKENIZER, 32, true).sequences(List.of(d)).get(0);
        assertArrayEquals(new int[] {id("[CLS]"), id("北"), id("京"), id("大"), id("学"), id("[SEP]")}, s.ids());
        assertArrayEquals(new int[] {-1, 0, 0, 1, 1, -1}, s.words());
    }

    @Test
    void aSpecialTokenWrittenInTheTextIsNoWordButAnUnknownCharactersUnkIs() {
        MlmSequence s = new MlmCorpus(TOKENIZER, 32, true).sequences(List.of(new Document("d", "北京[SEP]鑫学"))).get(0);
        assertArrayEquals(new int[] {id("[CLS]"), id("北"), id("京"), id("[SEP]"), id("[UNK]"), id("学"), id("[SEP]")}, s.ids());
        assertArrayEquals(new int[] {-1, 0, 1, -1, 3, 4, -1}, s.words(), "the written [SEP] is never masked; 鑫's [UNK] may be");
        MlmSequence cut = new MlmCorpus(TOKENIZER, 4, false).sequences(List.of(new Document("d", "北京[SEP]学"))).get(1);
        assertArrayEquals(new int[] {id("[CLS]"), id("[SEP]"), id("学"), id("[SEP]")}, cut.ids());
        assertArrayEquals(new int[] {-1, -1, 0, -1}, cut.words(), "a window that starts at one keeps it out");
    }

    @Test
    void aSegmenterTokenAcrossAWrittenSpecialTokenIsTwoWords() {
        Document d = new Document("d", "北京[SEP]大学");
        d.setTokens(List.of(new Token("北京[SEP]大学", 0, 9)));
        MlmSequence s = new MlmCorpus(TOKENIZER, 32, true).sequences(List.of(d)).get(0);
        assertArrayEquals(new int[] {-1, 0, 0, -1, 1, 1, -1}, s.words(), "北京 and 大学 are masked apart");
    }

    @Test
    void withoutTokensChineseCharactersAreWordsOfTheirOwn() {
        MlmSequence s = new MlmCorpus(TOKENIZER, 32, true).sequences(List.of(new Document("d", "北京大学"))).get(0);
        assertArrayEquals(new int[] {-1, 0, 1, 2, 3, -1}, s.words());
    }

    @Test
    void anEnglishWordIsItsContinuedPieces() {
        MlmSequence s = new MlmCorpus(TOKENIZER, 32, true).sequences(List.of(new Document("d", "playing the unbelievable game")))
                .get(0);
        assertArrayEquals(new int[] {id("[CLS]"), id("play"), id("##ing"), id("the"), id("un"), id("##believ"), id("##able"),
                id("game"), id("[SEP]")}, s.ids());
        assertArrayEquals(new int[] {-1, 0, 0, 1, 2, 2, 2, 3, -1}, s.words());
    }

    @Test
    void withoutWholeWordsEveryPieceIsAWord() {
        Document d = new Document("d", "北京 playing");
        d.setTokens(List.of(new Token("北京", 0, 2), new Token("playing", 3, 10)));
        MlmSequence s = new MlmCorpus(TOKENIZER, 32, false).sequences(List.of(d)).get(0);
        assertArrayEquals(new int[] {-1, 0, 1, 2, 3, -1}, s.words());
    }

    @Test
    void aLongDocumentIsCutAtWordBoundariesAndKeepsEveryPiece() {
        String text = "playing the unbelievable game ".repeat(6) + "北京大学很好";
        Document d = new Document("d", text);
        List<MlmSequence> seqs = new MlmCorpus(TOKENIZER, 7, true).sequences(List.of(d));
        List<Integer> all = new ArrayList<>();
        for (MlmSequence s : seqs) {
            assertTrue(s.length() <= 7, Arrays.toString(s.ids()));
            assertEquals(id("[CLS]"), s.ids()[0]);
            assertEquals(id("[SEP]"), s.ids()[s.length() - 1]);
            assertEquals(0, s.words()[1]);
            assertTrue(!PIECES.get(s.ids()[1]).startsWith("##"), "a sequence starts inside a word: " + Arrays.toString(s.ids()));
            for (int i = 1; i < s.length() - 1; i++) {
                all.add(s.ids()[i]);
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int i : TOKENIZER.withSpecialTokens(false).encode(text).ids()) {
            expected.add(i);
        }
        assertEquals(expected, all);
        assertTrue(seqs.size() >= 6, seqs.size() + " sequences");
    }

    @Test
    void aDocumentWithoutPiecesGivesNoSequence() {
        assertEquals(0, new MlmCorpus(TOKENIZER, 16, false).sequences(List.of(new Document("d", "   "))).size());
    }

    @Test
    void aWindowOfSpecialTokensOnlyGivesNoSequence() {
        // a batch of such windows would have no masked position, so no loss (NaN)
        assertEquals(0, new MlmCorpus(TOKENIZER, 16, false).sequences(List.of(new Document("d", "[SEP]"))).size());
    }

    @Test
    void idsWithoutAPieceAreNeverDrawnAsRandomReplacements() {
        // a table of 30 rows over a vocabulary of 18 pieces: rows 18 to 29 are read by no piece
        int[] never = MlmTrainer.undrawable(TOKENIZER, 30);
        for (int id = 18; id < 30; id++) {
            final int row = id;
            assertTrue(java.util.Arrays.stream(never).anyMatch(n -> n == row), "row " + row);
        }
        assertTrue(java.util.Arrays.stream(never).noneMatch(n -> n == id("北")), "a piece may be drawn");
    }
}
