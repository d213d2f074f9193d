package dev.nlpipe.augment.backtranslate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Back-translation through a TorchScript model directory. The model is
 * {@code src/test/resources/backtranslate/fake-translator/translator.pt}, written by
 * {@code make_fake_translator.py} next to it: it reverses each line's words and appends the target
 * language, so "good film" through de comes back as "de good film en".
 */
class TorchScriptTranslatorTest {
    @TempDir
    Path tmp;

    private static Path fakeModel() throws URISyntaxException {
        return Path.of(TorchScriptTranslatorTest.class.getResource("/backtranslate/fake-translator/translator.pt").toURI()).getParent();
    }

    @Test
    void translatesEveryLineInOrder() throws Exception {
        try (TorchScriptTranslator t = new TorchScriptTranslator(fakeModel(), ai.djl.Device.cpu())) {
            assertEquals(List.of("c b a de", "北京 你好 de", " de"), t.translate(List.of("a b c", "你好 北京", ""), "en", "de"));
            assertEquals(List.of(), t.translate(List.of(), "en", "de"));
        }
    }

    @Test
    void theStageRoundTripsThroughThePivotsWithTheModel() throws Exception {
        try (Pipeline p = Pipeline.builder().add("augment.backtranslate", Map.of("pivots", List.of("de", "de>fr"), "device", "cpu"), fakeModel())
                .build()) {
            List<Document> out = p.process(new Document("a", "good film").setLang("en").addLabel("pos"));
            assertEquals(List.of("a", "a#backtranslate-1", "a#backtranslate-2"), out.stream().map(Document::id).toList());
            assertEquals("de good film en", out.get(1).text());
            assertEquals("fr film good de en", out.get(2).text(), "three reversals: en>de, de>fr, fr>en");
            assertEquals(Map.of("pos", 1.0), out.get(2).labels());
        }
    }

    @Test
    void aDirectoryWithoutTheModelOrWithBothSettingsIsAConfigurationError() throws Exception {
        var e = assertThrows(ConfigException.class,
                () -> Pipeline.builder().add("augment.backtranslate", Map.of("pivots", List.of("de")), tmp).build());
        assertTrue(e.getMessage().contains("has no translator.pt"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> Pipeline.builder()
                .add("augment.backtranslate", Map.of("pivots", List.of("de"), "command", List.of("cat")), fakeModel()).build());
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
    }
}
