package dev.nlpipe.core.text;

import static dev.nlpipe.core.testing.TokenChecks.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.hankcs.hanlp.HanLP;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.NormalizedText;
import dev.nlpipe.core.doc.Token;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChineseNormalizerTest {
    static final String TRADITIONAL = "憂鬱的臺灣烏龜，計程車司機用滑鼠點擊軟體。頭髮與發展、乾燥與幹部";

    @Test
    void convertsAsHanlpDoes() {
        NormalizedText n = ChineseNormalizer.normalize(TRADITIONAL, true, false);
        assertEquals(HanLP.convertToSimplifiedChinese(TRADITIONAL), n.text());
        assertEquals("忧郁的台湾乌龟", n.text().substring(0, 7));
    }

    @Test
    void fullWidthFormsBecomeHalfWidth() {
        NormalizedText n = ChineseNormalizer.normalize("ＡＢＣ　１２３！", false, true);
        assertEquals("ABC 123!", n.text());
        assertNull(ChineseNormalizer.normalize("已经是简体 ABC", true, true), "nothing to change");
    }

    @Test
    void tokensCarrySimplifiedTextAndOriginalOffsets() {
        String text = "臺灣的計程車，ＡＢＣ１２３";
        try (Pipeline p = Pipeline.builder().add("normalize.chinese").add("segment.hanlp").build()) {
            Document d = p.process(new Document("d", text)).get(0);
            assertEquals(text, d.text(), "the text itself never changes");
            for (Token t : d.tokens()) {
                String original = text.substring(t.start(), t.end());
                assertEquals(ChineseNormalizer.normalize(original, true, true) == null ? original
                        : ChineseNormalizer.normalize(original, true, true).text(), t.text());
            }
            assertEquals("台湾", d.tokens().get(0).text());
            assertEquals("臺灣", text.substring(d.tokens().get(0).start(), d.tokens().get(0).end()));
        }
    }

    @Test
    void aPhraseThatChangesLengthMapsToItsWholeSource() {
        // Every converted character keeps a source range inside the original text, whatever the table does.
        String text = "滑鼠與軟體";
        NormalizedText n = ChineseNormalizer.normalize(text, true, false);
        for (int i = 0; i < n.text().length(); i++) {
            int s = n.originalStart(i, text.length());
            int e = n.originalEnd(i + 1, text.length());
            assertEquals(true, s >= 0 && e <= text.length() && s < e, "char " + i);
        }
    }

    @Test
    void composesWithAnEarlierNormalizer() {
        try (Pipeline p = Pipeline.builder().add("normalize.text", Map.of("lowercase", true)).add("normalize.chinese")
                .add("tokenize.regex").build()) {
            Document d = p.process(new Document("d", "ＡＢＣ臺灣")).get(0);
            assertEquals(List.of("abc", "台", "湾"), texts(d));
            assertEquals(List.of(0, 3, 4), d.tokens().stream().map(Token::start).toList());
        }
    }
}
