package dev.nlpipe.nn.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokenizer's behaviour on a small vocabulary made here. */
class BertTokenizerTest {
    private static final List<String> PIECES = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "aff",
            "able", "hello", "world", "!", ",", "中", "文", "cafe", "##s", "the", "a", "##a", "𝐀", "##𝐀");
    private static final WordPieceVocabulary VOCAB = WordPieceVocabulary.of(PIECES);
    private static final BertTokenizer UNCASED = BertTokenizer.of(VOCAB, BertNormalization.uncased());
    private static final BertTokenizer CASED = BertTokenizer.of(VOCAB, BertNormalization.cased());

    private static List<String> pieces(BertTokenizer t, String text) {
        return t.tokenize(text);
    }

    @Test
    void wordsSplitGreedilyLongestMatchFirst() {
        assertEquals(List.of("un", "##aff", "##able"), pieces(UNCASED, "unaffable"));
    }

    @Test
    void aWordWithAnUnmatchedPartIsOneUnknownToken() {
        assertEquals(List.of("[UNK]"), pieces(UNCASED, "unaffx"));
    }

    @Test
    void aWordLongerThanTheLimitIsOneUnknownToken() {
        assertEquals(List.of("[UNK]"), pieces(UNCASED, "a".repeat(101)));
        assertEquals(100, pieces(UNCASED, "a".repeat(100)).size());
    }

    @Test
    void theWordLimitCountsCodePointsNotUtf16Units() {
        assertEquals(60, pieces(CASED, "𝐀".repeat(60)).size(), "120 UTF-16 units but 60 characters");
    }

    @Test
    void punctuationIsAWordOfItsOwn() {
        assertEquals(List.of("hello", ",", "world", "!", "!"), pieces(UNCASED, "hello,world!!"));
    }

    @Test
    void everyChineseCharacterIsAWordOfItsOwn() {
        assertEquals(List.of("中", "文", "中"), pieces(CASED, "中文中"));
    }

    @Test
    void uncasedLowercasesAndStripsAccents() {
        assertEquals(List.of("cafe", "##s"), pieces(UNCASED, "CAFÉS"));
    }

    @Test
    void compatibilityIdeographsThatDecomposeIntoFewerUnitsAreStrippedWithoutFailing() {
        // U+2F800 and U+2F8FF (two UTF-16 units each) decompose to U+4E3D and U+6D16 (one each)
        assertEquals(List.of("[UNK]", "[UNK]"), pieces(UNCASED, "\uD87E\uDC00\uD87E\uDCFF"));
        assertEquals(List.of("中", "[UNK]"), pieces(UNCASED, "中\uD87E\uDDFF"), "U+2F9FF, the last of the next block, too");
    }

    @Test
    void aThreadDoesNotKeepTheBuffersOfABookLengthText() {
        SequenceTokenizer t = new SequenceTokenizer(VOCAB, BertNormalization.uncased(), List.of());
        t.tokenize("a".repeat(10));
        int small = t.scratchCapacity();
        t.tokenize("a ".repeat(SequenceTokenizer.KEPT_SCRATCH));
        assertEquals(small, t.scratchCapacity(), "the buffers grown for the long text are let go");
    }

    @Test
    void aSavedTokenizerTellsHuggingFaceHowToNormalize(@TempDir Path dir) throws IOException {
        // without tokenizer_config.json, transformers' AutoTokenizer lowercases a BERT tokenizer, a cased one too
        CASED.save(dir.resolve("cased"));
        assertEquals(BertNormalization.cased(), BertNormalization.ofTokenizerConfig(dir.resolve("cased")));
        assertTrue(Files.readString(dir.resolve("cased/tokenizer_config.json")).contains("\"do_lower_case\" : false"),
                Files.readString(dir.resolve("cased/tokenizer_config.json")));
        UNCASED.save(dir.resolve("uncased"));
        assertEquals(BertNormalization.uncased(), BertNormalization.ofTokenizerConfig(dir.resolve("uncased")));
    }

    @Test
    void casedKeepsCaseAndAccents() {
        assertEquals(List.of("[UNK]"), pieces(CASED, "Hello"));
        assertEquals(List.of("[UNK]"), pieces(CASED, "café"));
    }

    @Test
    void stripAccentsCanBeSetApartFromLowercase() {
        BertTokenizer t = BertTokenizer.of(VOCAB, new BertNormalization(true, true, true, false));
        assertEquals(List.of("cafe"), pieces(t, "café"));
    }

    @Test
    void controlAndFormatCharactersVanish() {
        assertEquals(List.of("hello"), pieces(UNCASED, "hel\u0000l\u200Bo\u00AD"));
    }

    @Test
    void aLoneSurrogateIsDroppedLikeAReplacementCharacter() {
        assertEquals(List.of("hello"), pieces(UNCASED, "hel\uD800lo"));
    }

    @Test
    void offsetsAreUtf16IndicesOfTheOriginalText() {
        BertEncoding e = UNCASED.withSpecialTokens(false).encode("𝐁 CAFÉS!");
        assertEquals(List.of("[UNK]", "cafe", "##s", "!"), List.of(e.tokens()));
        assertArrayEquals(new int[] {0, 3, 7, 8}, e.starts());
        assertArrayEquals(new int[] {2, 7, 8, 9}, e.ends());
    }

    @Test
    void aStrippedCombiningMarkBelongsToNoToken() {
        BertEncoding e = UNCASED.withSpecialTokens(false).encode("cafe\u0301s");
        assertEquals(List.of("cafe", "##s"), List.of(e.tokens()));
        assertArrayEquals(new int[] {0, 5}, e.starts());
        assertArrayEquals(new int[] {4, 6}, e.ends());
    }

    @Test
    void specialTokensSurroundTheTextWithEmptyOffsets() {
        BertEncoding e = UNCASED.encode("hello");
        assertEquals(List.of("[CLS]", "hello", "[SEP]"), List.of(e.tokens()));
        assertArrayEquals(new int[] {2, 10, 3}, e.ids());
        assertArrayEquals(new int[] {0, 0, 0}, e.starts());
        assertArrayEquals(new int[] {0, 5, 0}, e.ends());
        assertArrayEquals(new int[] {1, 0, 1}, e.specialTokensMask());
        assertArrayEquals(new int[] {1, 1, 1}, e.attentionMask());
    }

    @Test
    void anEmptyTextIsClsAndSep() {
        assertEquals(List.of("[CLS]", "[SEP]"), List.of(UNCASED.encode("").tokens()));
        assertEquals(List.of("[CLS]", "[SEP]"), List.of(UNCASED.encode(" \t\u3000").tokens()));
    }

    @Test
    void aPairHasTypeIdsZeroThenOneAndOffsetsIntoItsOwnText() {
        BertEncoding e = UNCASED.encode("hello world", "the a");
        assertEquals(List.of("[CLS]", "hello", "world", "[SEP]", "the", "a", "[SEP]"), List.of(e.tokens()));
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1}, e.typeIds());
        assertArrayEquals(new int[] {-1, 0, 0, -1, 1, 1, -1}, e.sequenceIds());
        assertArrayEquals(new int[] {0, 0, 6, 0, 0, 4, 0}, e.starts());
    }

    @Test
    void specialTokensWrittenInTheTextKeepTheirIds() {
        BertEncoding e = UNCASED.withSpecialTokens(false).encode("hello[MASK]world [mask]");
        assertEquals(List.of("hello", "[MASK]", "world", "[UNK]", "[UNK]", "[UNK]"), List.of(e.tokens()));
        assertEquals(4, e.ids()[1]);
        assertEquals(5, e.starts()[1]);
        assertEquals(11, e.ends()[1]);
    }

    @Test
    void aLongTextCutToItsFirstPiecesGivesWhatTheWholeTokenizationGives() {
        // texts far longer than the prefix a cut encoding tokenizes first, with every kind of word boundary and none for long runs
        String[] parts = {"hello", " ", "world", "中", "文", ",", "!", "unaffable", "cafe\u0301s", "𝐀", "[MASK]", "\u0000", "\u200b",
                "\t", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "\n", "the", "a", "zzz", "  ", "\f", "\u000b", "\u0085"};
        java.util.Random r = new java.util.Random(3);
        for (int round = 0; round < 60; round++) {
            StringBuilder sb = new StringBuilder();
            int n = 200 + r.nextInt(6000);
            for (int i = 0; i < n; i++) {
                sb.append(round % 5 == 0 && i < n / 2 ? "aaaaaaaaaa" : parts[r.nextInt(parts.length)]);
            }
            String text = sb.toString();
            for (BertTokenizer t : List.of(UNCASED, CASED)) {
                BertEncoding whole = t.withTruncation(null).encode(text);
                for (int max : new int[] {3, 8, 50, 300}) {
                    BertEncoding cut = t.withMaxLength(max).encode(text);
                    int kept = Math.min(max - 2, whole.length() - 2);
                    String what = "round " + round + ", max " + max;
                    assertEquals(kept + 2, cut.length(), what);
                    for (int i = 0; i <= kept; i++) {
                        assertEquals(whole.ids()[i], cut.ids()[i], what + ", piece " + i);
                        assertEquals(whole.starts()[i], cut.starts()[i], what + ", piece " + i);
                        assertEquals(whole.ends()[i], cut.ends()[i], what + ", piece " + i);
                    }
                    assertEquals(whole.length() - 2 > max - 2, cut.truncated(), what);
                }
            }
        }
    }

    @Test
    void aCutEncodingJoinsTheWordsAroundWhitespaceThatCleaningDrops() {
        // a vertical tab, form feed or NEL is whitespace, yet clean_text drops it: "unaffable\fqqq..." is one word of 159
        // characters, [UNK] in the whole tokenization, even where the cut encoding's prefix ends inside it
        for (String dropped : List.of("\u000b", "\f", "\u0085")) {
            String text = "hello ".repeat(124) + " ".repeat(252) + "unaffable" + dropped + "a".repeat(150) + " the".repeat(10);
            BertEncoding whole = UNCASED.withTruncation(null).encode(text);
            BertEncoding cut = UNCASED.withMaxLength(127).encode(text);
            assertEquals("[UNK]", whole.tokens()[125]);
            assertEquals(List.of(whole.tokens()).subList(0, 126), List.of(cut.tokens()).subList(0, 126),
                    String.format("around U+%04X", (int) dropped.charAt(0)));
        }
    }

    @Test
    void truncationKeepsTheBeginningAndCountsSpecialTokens() {
        BertEncoding e = UNCASED.withMaxLength(4).encode("hello world the a");
        assertEquals(List.of("[CLS]", "hello", "world", "[SEP]"), List.of(e.tokens()));
        assertTrue(e.truncated());
        assertFalse(UNCASED.withMaxLength(6).encode("hello world the a").truncated());
    }

    @Test
    void longestFirstCutsTheLongerTextOfAPairFirst() {
        BertEncoding e = UNCASED.withMaxLength(7).encode("a a a a a a", "hello world");
        assertEquals(List.of("[CLS]", "a", "a", "[SEP]", "hello", "world", "[SEP]"), List.of(e.tokens()));
    }

    @Test
    void leftTruncationKeepsTheEnd() {
        BertTokenizer t = UNCASED.withTruncation(new Truncation(4, Truncation.Strategy.LONGEST_FIRST, Truncation.Direction.LEFT));
        assertEquals(List.of("[CLS]", "the", "a", "[SEP]"), List.of(t.encode("hello world the a").tokens()));
    }

    @Test
    void onlySecondFailsWithoutAPair() {
        BertTokenizer t = UNCASED.withTruncation(new Truncation(3, Truncation.Strategy.ONLY_SECOND, Truncation.Direction.RIGHT));
        assertThrows(IllegalArgumentException.class, () -> t.encode("hello world"));
    }

    @Test
    void aBatchEncodesAsOneTextAtATime() {
        List<String> texts = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "hello world ".repeat(i % 7) + "中文" + i).toList();
        List<BertEncoding> batch = UNCASED.encodeBatch(texts);
        for (int i = 0; i < texts.size(); i++) {
            BertEncoding one = UNCASED.encode(texts.get(i));
            assertArrayEquals(one.ids(), batch.get(i).ids());
            assertArrayEquals(one.starts(), batch.get(i).starts());
        }
    }

    @Test
    void paddingFillsRowsToTheLongestWithPadAndMaskZero() {
        PaddedBatch b = UNCASED.pad(UNCASED.encodeBatch(List.of("hello", "hello world the")));
        assertEquals(5, b.length());
        assertArrayEquals(new int[] {2, 10, 3, 0, 0}, b.ids()[0]);
        assertArrayEquals(new int[] {1, 1, 1, 0, 0}, b.attentionMask()[0]);
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, b.attentionMask()[1]);
    }

    @Test
    void paddingRefusesAnEncodingLongerThanTheLength() {
        assertThrows(IllegalArgumentException.class, () -> UNCASED.pad(List.of(UNCASED.encode("hello world")), 3));
    }

    @Test
    void aFixedPaddingShorterThanTheCutNamesThePaddingAndTheWayOut(@TempDir Path dir) throws IOException {
        // all-MiniLM's tokenizer.json pads to a fixed 128 and cuts at 128; raising the cut leaves the padding as it was
        Path file = dir.resolve("tokenizer.json");
        UNCASED.saveTokenizerJson(file);
        Files.writeString(file, Files.readString(file).replaceFirst("\"padding\"\\s*:\\s*null",
                "\"padding\":{\"strategy\":{\"Fixed\":4},\"pad_id\":0,\"pad_token\":\"[PAD]\"}"));
        BertTokenizer fixed = BertTokenizer.load(file).withMaxLength(8);
        assertEquals(4, fixed.pad(fixed.encodeBatch(List.of("hello"))).length());
        List<BertEncoding> longer = fixed.encodeBatch(List.of("hello world the a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fixed.pad(longer));
        assertTrue(e.getMessage().contains("padding fixes; pad(encodings, 0)"), e.getMessage());
        assertEquals(6, fixed.pad(longer, 0).length());
    }

    @Test
    void idsFarPastTheVocabularysSizeAreRefusedBeforeAllocating() {
        // a damaged or hostile tokenizer.json: two pieces, one of them numbered two billion
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordPieceVocabulary.of(Map.of("[UNK]", 2_000_000_000, "a", 0), "[UNK]", "##", 100));
        assertTrue(e.getMessage().contains("id 2000000000 in a vocabulary of 2 pieces"), e.getMessage());
        WordPieceVocabulary.of(Map.of("[UNK]", 3, "a", 0), "[UNK]", "##", 100); // a few gaps (duplicate vocab.txt lines) read as before
    }

    @Test
    void tokenizerJsonRoundTripGivesTheSameEncodings(@TempDir Path dir) throws IOException {
        BertTokenizer t = UNCASED.withMaxLength(9);
        t.saveTokenizerJson(dir.resolve("tokenizer.json"));
        BertTokenizer back = BertTokenizer.load(dir.resolve("tokenizer.json"));
        assertEquals(t.vocabulary(), back.vocabulary());
        assertEquals(t.normalization(), back.normalization());
        assertEquals(t.truncation(), back.truncation());
        assertEquals(t.addedTokens(), back.addedTokens());
        for (String s : List.of("unaffable CAFÉS!", "hello[MASK]中文", "a a a a a a a a a a a a")) {
            assertArrayEquals(t.encode(s, "the").ids(), back.encode(s, "the").ids());
        }
        // the same bytes from every JVM: keys in Hugging Face's order, not in an order that changes with each start
        String json = Files.readString(dir.resolve("tokenizer.json")).replaceAll("\\s+", "");
        assertTrue(json.contains("\"decoder\":{\"type\":\"WordPiece\",\"prefix\":\"##\",\"cleanup\":true}"), json);
        assertTrue(json.contains("{\"SpecialToken\":{\"id\":\"[CLS]\",\"type_id\":0}}"), json);
        assertTrue(json.indexOf("\"[CLS]\":{\"id\":\"[CLS]\"") < json.indexOf("\"[SEP]\":{\"id\":\"[SEP]\""), json);
    }

    @Test
    void vocabTxtRoundTripKeepsEveryPieceInOrder(@TempDir Path dir) throws IOException {
        UNCASED.saveVocab(dir.resolve("vocab.txt"));
        assertEquals(String.join("\n", PIECES) + "\n", Files.readString(dir.resolve("vocab.txt")));
        assertEquals(VOCAB, WordPieceVocabulary.read(dir.resolve("vocab.txt")));
    }

    @Test
    void aVocabTxtThatListsAPieceTwiceWritesBackWithALineForEveryId(@TempDir Path dir) throws IOException {
        Path twice = Files.writeString(dir.resolve("twice.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\nab\n##c\nab\nd\n");
        WordPieceVocabulary read = WordPieceVocabulary.read(twice);
        assertEquals(6, read.id("ab"), "the last line of a repeated piece wins, as in Hugging Face");
        assertEquals(7, read.size());
        assertEquals(8, read.idCount(), "an embedding table needs a row for every id, the piece-less one included");
        Path written = dir.resolve("vocab.txt");
        read.write(written);
        List<String> lines = Files.readAllLines(written);
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[unused-hole-4]", "##c", "ab", "d"), lines,
                "a line per embedding row; the id no piece has gets a placeholder");
        WordPieceVocabulary again = WordPieceVocabulary.read(written);
        for (String piece : List.of("[PAD]", "[UNK]", "ab", "##c", "d")) {
            assertEquals(read.id(piece), again.id(piece), piece);
        }
    }

    @Test
    void aDirectoryLoadsItsTokenizerJson(@TempDir Path dir) throws IOException {
        CASED.save(dir);
        assertTrue(Files.exists(dir.resolve("vocab.txt")));
        assertEquals(BertNormalization.cased(), BertTokenizer.load(dir).normalization());
    }

    @Test
    void aDirectoryWithOnlyAVocabTxtIsRefused(@TempDir Path dir) throws IOException {
        UNCASED.saveVocab(dir.resolve("vocab.txt"));
        assertThrows(IOException.class, () -> BertTokenizer.load(dir));
    }

    private static BertTokenizer fromJson(String json) throws IOException {
        return BertTokenizer.fromTokenizerJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void aBpeTokenizerJsonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> fromJson("""
                {"model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}, "pre_tokenizer": {"type": "ByteLevel"}}"""));
    }

    @Test
    void anotherPreTokenizerIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> fromJson("""
                {"model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}, "pre_tokenizer": {"type": "Whitespace"}}"""));
    }

    @Test
    void aVocabularyWithoutTheUnknownTokenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> fromJson("""
                {"model": {"type": "WordPiece", "vocab": {"a": 0}}, "pre_tokenizer": {"type": "BertPreTokenizer"}}"""));
    }

    @Test
    void aMinimalTokenizerJsonHasNoSpecialTokensOrTruncation() throws IOException {
        BertTokenizer t = fromJson("""
                {"model": {"type": "WordPiece", "vocab": {"[UNK]": 0, "ab": 1, "##c": 2}},
                 "normalizer": null, "pre_tokenizer": {"type": "BertPreTokenizer"}}""");
        assertEquals(List.of("ab", "##c", "[UNK]"), List.of(t.encode("abc AB").tokens()));
        assertNull(t.truncation());
    }
}
