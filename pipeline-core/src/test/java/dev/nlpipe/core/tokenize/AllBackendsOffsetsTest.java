package dev.nlpipe.core.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hankcs.hanlp.HanLP;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.testing.TokenChecks;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every backend, on mixed Chinese/English/digits/emoji/full-width/traditional text and on
 * degenerate documents: offsets point at the original characters, and the token text is those
 * characters or the backend's documented normalized form.
 */
class AllBackendsOffsetsTest {
    static final String MIXED = "我在2001年用ＩＰｈｏｎｅ１２拍了😀照片，Dr. Smith's cats cost $3.14 each. 臺灣的計程車司機說：「這是ＡＢＣ！」"
            + " naïve café 👨‍👩‍👧 emoji\u0000\u0007 𠀀𠀁字 e-mail don't 3.5％ —— 二○○一年十二月三十一日";

    /** A backend: a pipeline of stages, whether its tokens may overlap, and the normalized forms it documents. */
    record Backend(String name, List<Map.Entry<String, Map<String, ?>>> stages, boolean overlapping, BiPredicate<String, String> form) {
        Pipeline pipeline() {
            Pipeline.Builder b = Pipeline.builder();
            stages.forEach(e -> b.add(e.getKey(), e.getValue()));
            return b.build();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static String nfkcLower(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Lowercased, possessive dropped, Porter-stemmed: the stem is the word up to its last letter or two. */
    static boolean stemmed(String surface, String text) {
        for (String s : List.of(nfkcLower(surface), surface.toLowerCase(Locale.ROOT))) {
            String word = s.replaceAll("['’]s$", "");
            if (word.equals(text) || text.length() >= 2 && word.startsWith(text.substring(0, text.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    static boolean isPunctuation(String s) {
        return s.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    static Stream<Backend> backends() {
        BiPredicate<String, String> exact = String::equals;
        BiPredicate<String, String> lower = (s, t) -> s.toLowerCase(Locale.ROOT).equals(t) || nfkcLower(s).equals(t);
        BiPredicate<String, String> simplified = (s, t) -> nfkcLower(HanLP.convertToSimplifiedChinese(s)).equals(nfkcLower(t));
        return Stream.of(
                new Backend("lucene standard", List.of(Map.entry("tokenize.lucene", Map.of("analyzer", "standard"))), false, lower),
                new Backend("lucene english", List.of(Map.entry("tokenize.lucene", Map.of("analyzer", "english"))), false,
                        AllBackendsOffsetsTest::stemmed),
                new Backend("lucene whitespace", List.of(Map.entry("tokenize.lucene", Map.of("analyzer", "whitespace"))), false, exact),
                new Backend("lucene simple", List.of(Map.entry("tokenize.lucene", Map.of("analyzer", "simple"))), false, lower),
                new Backend("lucene cjk", List.of(Map.entry("tokenize.lucene", Map.of("analyzer", "cjk"))), true, lower),
                new Backend("lucene smartcn", List.of(Map.entry("tokenize.lucene", Map.of("analyzer", "smartcn"))), false,
                        (s, t) -> lower.test(s, t) || stemmed(s, t) || t.equals(",") && isPunctuation(s)),
                new Backend("lucene custom", List.of(Map.entry("tokenize.lucene", Map.of("analyzer", "custom", "tokenizer", "standard",
                        "filters", List.of("lowercase", Map.of("type", "length", "min", "1", "max", "50"))))), false, lower),
                new Backend("hanlp viterbi", List.of(Map.entry("segment.hanlp", Map.of())), false, exact),
                new Backend("hanlp dijkstra", List.of(Map.entry("segment.hanlp", Map.of("algorithm", "dijkstra"))), false, exact),
                new Backend("hanlp nshort", List.of(Map.entry("segment.hanlp", Map.of("algorithm", "nshort"))), false, exact),
                new Backend("hanlp pku conventions", List.of(Map.entry("segment.hanlp", Map.of("conventions", "pku", "pos", true,
                        "entities", true))), false, exact),
                new Backend("segment auto", List.of(Map.entry("segment", Map.of())), false, exact),
                new Backend("normalize.chinese + hanlp", List.of(Map.entry("normalize.chinese", Map.of()),
                        Map.entry("segment.hanlp", Map.of())), false, simplified),
                new Backend("normalize.chinese + smartcn", List.of(Map.entry("normalize.chinese", Map.of()),
                        Map.entry("tokenize.lucene", Map.of("analyzer", "smartcn", "surface", true))), false, simplified));
    }

    static final List<String> DEGENERATE = List.of("", " \t\n　 ", "\u0000\u0001\u0007abc\u001f\u007f", "😀😀👍🏽\uD83D", "\uDE00孤立",
            "𠀀𠀁𠀂", "\r\n\r\n", "。。。！！", "\uFEFF\u200B零宽");

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void offsetsPointAtTheOriginalTextOnMixedText(Backend backend) {
        try (Pipeline p = backend.pipeline()) {
            Document d = p.process(new Document("mixed", MIXED)).get(0);
            assertFalse(d.tokens().isEmpty());
            TokenChecks.assertOffsets(d, backend.overlapping(), backend.form());
            String covered = String.join("", d.tokens().stream().map(t -> MIXED.substring(t.start(), t.end())).toList());
            assertTrue(covered.contains("Smith") && covered.contains("年"), "words of both languages are tokens: " + covered);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void degenerateDocumentsGiveSensibleTokensAndNoException(Backend backend) {
        try (Pipeline p = backend.pipeline()) {
            for (String text : DEGENERATE) {
                Document d = p.process(new Document("edge", text)).get(0);
                TokenChecks.assertOffsets(d, backend.overlapping(), backend.form());
                for (Token t : d.tokens()) {
                    assertFalse(text.substring(t.start(), t.end()).isBlank(), () -> backend + ": blank token " + t + " in " + text);
                }
            }
            assertEquals(List.of(), p.process(new Document("empty", "")).get(0).tokens());
            assertEquals(List.of(), p.process(new Document("blank", " \t\n　 ")).get(0).tokens());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aOneMegabyteSingleLineDocumentIsTokenizedWhole(Backend backend) {
        StringBuilder sb = new StringBuilder(1 << 20);
        String unit = "中华人民共和国成立于1949年，Beijing is its capital😀。";
        while (sb.length() < (1 << 20)) {
            sb.append(unit);
        }
        String text = sb.toString();
        try (Pipeline p = backend.pipeline()) {
            Document d = p.process(new Document("big", text)).get(0);
            TokenChecks.assertOffsets(d, backend.overlapping(), backend.form());
            Token last = d.tokens().get(d.tokens().size() - 1);
            assertTrue(last.end() > text.length() - unit.length(), backend + " reaches the end of the text: " + last);
        }
    }

    @Test
    void everyMixedTextTokenOfHanlpSpellsTheTextWithoutGaps() {
        Document d = TokenChecks.run("segment.hanlp", Map.of(), MIXED);
        StringBuilder sb = new StringBuilder();
        for (Token t : d.tokens()) {
            sb.append(t.text());
        }
        String nonBlank = MIXED.replaceAll("[\\s\\u0000\\u0007\\u3000]", "");
        assertEquals(nonBlank, sb.toString());
    }
}
