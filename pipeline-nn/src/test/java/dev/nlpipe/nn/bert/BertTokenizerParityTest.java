package dev.nlpipe.nn.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids, tokens, type ids and offsets equal to Hugging Face's Rust tokenizers (through DJL) on the hand-written cases
 * of {@code bert/tokenizer-cases.txt} and on seeded random mixtures, for a cased Chinese and an uncased English BERT.
 */
class BertTokenizerParityTest {
    private static final List<String> CASES = TokenizerCases.read();

    private static List<String> mismatches(BertTokenizer mine, HuggingFaceTokenizer hf, List<String> texts, List<String> pairs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String pair = pairs == null ? null : pairs.get(i);
            String diff = HfReference.compare(mine.encode(text, pair), pair == null ? hf.encode(text) : hf.encode(text, pair), text, pair);
            if (diff != null) {
                out.add("case " + i + " " + quote(text) + (pair == null ? "" : " + " + quote(pair)) + ": " + diff);
            }
        }
        return out;
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format("\\u{%X}", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }

    private static void assertNone(List<String> mismatches, int of) {
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + of + " differ:\n" + String.join("\n", mismatches.subList(0,
                Math.min(10, mismatches.size()))));
    }

    private static void assertSameAsHf(String resource, List<String> texts, List<String> pairs, int maxLength) {
        BertTokenizer mine = HfReference.nlpipe(resource);
        mine = maxLength > 0 ? mine.withMaxLength(maxLength) : mine.withTruncation(null);
        try (HuggingFaceTokenizer hf = HfReference.djl(resource, maxLength)) {
            assertNone(mismatches(mine, hf, texts, pairs), texts.size());
        }
    }

    @Test
    void theCasesFileHasAFewHundredCases() {
        assertTrue(CASES.size() >= 300, "cases: " + CASES.size());
        assertTrue(CASES.contains(""), "an empty case");
    }

    @Test
    void casedChineseMatchesHuggingFaceOnEveryCase() {
        assertSameAsHf(HfReference.ZH, CASES, null, 0);
    }

    @Test
    void uncasedEnglishMatchesHuggingFaceOnEveryCase() {
        assertSameAsHf(HfReference.EN, CASES, null, 0);
    }

    @Test
    void casedChineseMatchesHuggingFaceOnRandomMixtures() {
        assertSameAsHf(HfReference.ZH, TokenizerCases.random(400, 11), null, 0);
    }

    @Test
    void uncasedEnglishMatchesHuggingFaceOnRandomMixtures() {
        assertSameAsHf(HfReference.EN, TokenizerCases.random(400, 12), null, 0);
    }

    @Test
    void pairsMatchHuggingFace() {
        List<String> pairs = new ArrayList<>(CASES.subList(1, CASES.size()));
        pairs.add(CASES.getFirst());
        assertSameAsHf(HfReference.EN, CASES, pairs, 0);
    }

    @Test
    void truncatedTextsMatchHuggingFace() {
        assertSameAsHf(HfReference.ZH, CASES, null, 10);
    }

    @Test
    void truncatedPairsMatchHuggingFaceLongestFirst() {
        List<String> pairs = new ArrayList<>(CASES.subList(3, CASES.size()));
        pairs.addAll(CASES.subList(0, 3));
        for (int max : new int[] {5, 12, 33}) {
            assertSameAsHf(HfReference.ZH, CASES, pairs, max);
        }
    }

    @Test
    void aSavedTokenizerJsonGivesHuggingFaceTheSameIds(@TempDir Path dir) throws IOException {
        BertTokenizer mine = HfReference.nlpipe(HfReference.ZH).withTruncation(null);
        mine.saveTokenizerJson(dir.resolve("tokenizer.json"));
        try (HuggingFaceTokenizer hf = HfReference.djl(Files.readAllBytes(dir.resolve("tokenizer.json")), 0)) {
            assertNone(mismatches(mine, hf, CASES, null), CASES.size());
        }
    }

    @Test
    void aVocabTxtWithLowercaseMatchesTheUncasedTokenizerJson(@TempDir Path dir) throws IOException {
        HfReference.nlpipe(HfReference.EN).saveVocab(dir.resolve("vocab.txt"));
        BertTokenizer fromVocab = BertTokenizer.fromVocab(dir.resolve("vocab.txt"), true);
        assertEquals(30522, fromVocab.vocabulary().size());
        try (HuggingFaceTokenizer hf = HfReference.djl(HfReference.EN, 0)) {
            assertNone(mismatches(fromVocab, hf, CASES, null), CASES.size());
        }
    }
}
