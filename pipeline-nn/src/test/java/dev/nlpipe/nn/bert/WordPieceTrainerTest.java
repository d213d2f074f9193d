package dev.nlpipe.nn.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link WordPieceTrainer} on small corpora made here. */
class WordPieceTrainerTest {
    /** Hugging Face's course example: hug×10, pug×5, pun×12, bun×4, hugs×5. */
    private static final String HUGS = ("hug ".repeat(10) + "pug ".repeat(5) + "pun ".repeat(12) + "bun ".repeat(4) + "hugs ".repeat(5)).trim();
    private static final List<String> CORPUS = List.of(
            "The tokenizer splits words into pieces; the tokenizer learns pieces from text.",
            "Tokenizers and tokenization: the pieces of the words are learned.",
            "我们在北京学习中文，北京的冬天很冷。",
            "学习中文的人越来越多。",
            "Tokenization, tokenizer, tokenizers, tokenized: the same stem again and again.");

    private static WordPieceTrainer.Settings settings(int vocabSize, int minFrequency, int limitAlphabet) {
        return new WordPieceTrainer.Settings(vocabSize, minFrequency, limitAlphabet, WordPieceTrainer.Settings.BERT_SPECIAL_TOKENS,
                BertNormalization.uncased(), true);
    }

    private static WordPieceTrainer.Result train(WordPieceTrainer.Settings settings, List<String> texts) {
        WordPieceTrainer trainer = new WordPieceTrainer(settings);
        texts.forEach(trainer::add);
        return trainer.train();
    }

    @Test
    void mergesTheMostFrequentPairsInOrder() {
        WordPieceTrainer.Result r = train(settings(19, 2, 0), List.of(HUGS));
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "b", "g", "h", "n", "p", "s", "u", "##g", "##n", "##s", "##u",
                "##ug", "##un", "hug"), r.vocabulary().tokens());
        assertEquals(3, r.merges());
    }

    @Test
    void specialTokensGetTheFirstIds() {
        WordPieceVocabulary v = train(settings(200, 2, 0), CORPUS).vocabulary();
        for (int i = 0; i < 5; i++) {
            assertEquals(i, v.id(WordPieceTrainer.Settings.BERT_SPECIAL_TOKENS.get(i)));
        }
    }

    @Test
    void everyCharacterOfTheCorpusIsAPiece() {
        WordPieceVocabulary v = train(settings(50, 2, 0), CORPUS).vocabulary();
        String.join("", CORPUS).toLowerCase(java.util.Locale.ROOT).codePoints().filter(c -> !Character.isWhitespace(c))
                .forEach(c -> assertTrue(v.id(new String(Character.toChars(c))) >= 0, new String(Character.toChars(c))));
    }

    @Test
    void everyChineseCharacterHasItsContinuationForm() {
        WordPieceVocabulary v = train(settings(50, 2, 0), CORPUS).vocabulary();
        assertTrue(v.id("京") >= 0);
        assertTrue(v.id("##京") >= 0);
        assertTrue(train(new WordPieceTrainer.Settings(50, 2, 0, WordPieceTrainer.Settings.BERT_SPECIAL_TOKENS,
                BertNormalization.uncased(), false), CORPUS).vocabulary().id("##京") < 0);
    }

    @Test
    void frequentWordsBecomeWholePieces() {
        WordPieceVocabulary v = train(settings(400, 2, 0), CORPUS).vocabulary();
        assertTrue(v.id("tokenizer") >= 0);
        assertTrue(v.id("the") >= 0);
    }

    @Test
    void pairsRarerThanMinFrequencyAreNotMerged() {
        List<String> once = List.of("zq zq xy");
        assertFalse(train(settings(100, 3, 0), once).vocabulary().tokens().contains("zq"));
        assertTrue(train(settings(100, 2, 0), once).vocabulary().tokens().contains("zq"));
        assertFalse(train(settings(100, 2, 0), once).vocabulary().tokens().contains("xy"));
    }

    @Test
    void theVocabularyStopsAtVocabSize() {
        WordPieceTrainer.Result r = train(settings(120, 1, 0), CORPUS);
        assertEquals(120, r.vocabulary().size());
    }

    @Test
    void limitAlphabetKeepsTheMostFrequentCharacters() {
        WordPieceTrainer.Result r = train(settings(100, 2, 3), List.of("aaaa bbb cc d"));
        assertEquals(3, r.alphabet());
        assertTrue(r.vocabulary().id("c") >= 0);
        assertTrue(r.vocabulary().id("d") < 0);
        assertEquals(1, r.skippedWords());
    }

    @Test
    void trainingTwiceGivesTheSameVocabulary() {
        assertEquals(train(settings(300, 2, 0), CORPUS).vocabulary().tokens(), train(settings(300, 2, 0), CORPUS).vocabulary().tokens());
    }

    @Test
    void theTrainedTokenizerCoversItsCorpusWithoutUnknownTokens() {
        BertTokenizer t = BertTokenizer.of(train(settings(300, 2, 0), CORPUS).vocabulary(), BertNormalization.uncased());
        for (String text : CORPUS) {
            assertFalse(t.tokenize(text).contains("[UNK]"), text);
        }
    }

    @Test
    void specialTokensWithoutUnkAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WordPieceTrainer.Settings(100, 2, 0, List.of("[PAD]", "[CLS]"),
                BertNormalization.cased(), true));
    }
}
