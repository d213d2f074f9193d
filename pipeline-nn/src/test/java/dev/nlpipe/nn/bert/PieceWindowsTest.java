package dev.nlpipe.nn.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.tag.TagScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How units become word pieces, positions and windows: no model, only a small WordPiece vocabulary. */
class PieceWindowsTest {
    private static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "高", "勇", "张", "伟", "在",
            "北", "京", "工", "作", "。", "m", "b", "a", "mba", "john", "##son", "visited", "ber", "##lin", ".");
    private static final BertTokenizer TOKENIZER = BertTokenizer.of(WordPieceVocabulary.of(VOCAB), BertNormalization.uncased());
    private static final int CLS = VOCAB.indexOf("[CLS]");
    private static final int SEP = VOCAB.indexOf("[SEP]");

    /** The characters of a text as units, spaces left out (as a character tagger's units are). */
    private static String[] chars(String text) {
        return text.codePoints().filter(cp -> !Character.isWhitespace(cp)).mapToObj(Character::toString).toArray(String[]::new);
    }

    @Test
    void everyCharacterIsItsOwnPositionLatinLettersIncluded() {
        UnitLayout l = new PieceWindows(TOKENIZER, 32).layout(chars("高勇 MBA"));
        assertEquals(5, l.length());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, l.units());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, l.columns());
        int[] ids = l.windows()[0];
        assertArrayEquals(new int[] {CLS, VOCAB.indexOf("高"), VOCAB.indexOf("勇"), VOCAB.indexOf("m"), VOCAB.indexOf("b"),
            VOCAB.indexOf("a"), SEP}, ids, "M, B and A are read one by one, not as the piece 'mba'");
    }

    @Test
    void aTokenIsReadThroughItsFirstSubWord() {
        UnitLayout l = new PieceWindows(TOKENIZER, 32).layout(new String[] {"Johnson", "visited", "Berlin", "."});
        // [CLS] john ##son visited ber ##lin . [SEP]
        assertEquals(8, l.windows()[0].length);
        assertArrayEquals(new int[] {1, 3, 4, 6}, l.columns());
        assertEquals(VOCAB.indexOf("john"), l.windows()[0][l.columns()[0]]);
        assertEquals(VOCAB.indexOf("ber"), l.windows()[0][l.columns()[2]]);
    }

    @Test
    void anAddedTokenThatTakesTheSpaceBeforeItIsStillItsOwnUnit(@TempDir Path dir) throws IOException {
        // a tokenizer.json whose [MASK] has lstrip: true, as RoBERTa-style files have it: its match starts on the joining space
        TOKENIZER.save(dir);
        Path json = dir.resolve("tokenizer.json");
        String text = Files.readString(json);
        String lstrip = text.replaceFirst("(\\{[^{}]*\"content\"\\s*:\\s*\"\\[MASK\\]\"[^{}]*\"lstrip\"\\s*:\\s*)false", "$1true");
        assertTrue(!lstrip.equals(text), "the test's tokenizer.json has a [MASK] entry to change");
        Files.writeString(json, lstrip);
        UnitLayout l = new PieceWindows(BertTokenizer.fromTokenizerJson(json), 32).layout(new String[] {"john", "[MASK]", "berlin"});
        assertArrayEquals(new int[] {0, 1, 2}, l.units(), "every unit has a position");
        assertEquals(VOCAB.indexOf("[MASK]"), l.windows()[0][l.columns()[1]]);
    }

    @Test
    void aCharacterTheTokenizerDropsHasNoPositionButLiesInsideTheSpanAroundIt() {
        UnitLayout l = new PieceWindows(TOKENIZER, 32).layout(chars("张\u200b伟在北京"));
        assertEquals(6, l.unitCount());
        assertArrayEquals(new int[] {0, 2, 3, 4, 5}, l.units(), "the zero-width space has no piece");
        assertEquals(List.of(new TagScheme.TokenSpan("PER", 0, 3)), l.toUnits(List.of(new TagScheme.TokenSpan("PER", 0, 2))));
        assertEquals(List.of(new TagScheme.TokenSpan("PER", 0, 2)), l.toPositions(List.of(new TagScheme.TokenSpan("PER", 0, 3))));
        assertEquals(List.of(), l.toPositions(List.of(new TagScheme.TokenSpan("X", 1, 2))), "a span of pieceless units has no positions");
    }

    @Test
    void aSentenceLongerThanMaxLengthIsReadInWindowsThatTagEveryUnitThroughItsOwnPiece() {
        String text = "张伟在北京工作。".repeat(6);
        String[] seq = chars(text);
        UnitLayout l = new PieceWindows(TOKENIZER, 12).layout(seq);
        assertTrue(l.windows().length > 4, "windows: " + l.windows().length);
        for (int[] w : l.windows()) {
            assertTrue(w.length <= 12, "a window of " + w.length);
            assertEquals(CLS, w[0]);
            assertEquals(SEP, w[w.length - 1]);
        }
        assertEquals(text.length(), l.length(), "every unit has a position");
        assertEquals(0, l.cut());
        List<Integer> read = new ArrayList<>();
        for (int i = 0; i < l.length(); i++) {
            assertEquals(i, l.units()[i]);
            read.add(l.windows()[l.rows()[i]][l.columns()[i]]);
            assertEquals(VOCAB.indexOf(seq[i]), read.get(i), "unit " + i + " is read at its own piece");
        }
    }

    @Test
    void aUnitIsReadWithContextOnBothSidesUnlessAtTheSentenceEdge() {
        UnitLayout l = new PieceWindows(TOKENIZER, 18).layout(chars("张伟在北京工作。".repeat(6)));
        for (int i = 0; i < l.length(); i++) {
            int column = l.columns()[i];
            int width = l.windows()[l.rows()[i]].length;
            boolean edge = i < 4 || i >= l.length() - 4;
            assertTrue(edge || column > 4 && column < width - 5, "unit " + i + " at column " + column + " of " + width);
        }
    }
}
