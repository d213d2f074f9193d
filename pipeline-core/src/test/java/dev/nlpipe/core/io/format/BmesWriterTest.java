package dev.nlpipe.core.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.io.DocumentWriter;
import dev.nlpipe.core.io.WriterProvider;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.core.testing.Corpora;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bmes} writer: one character per line, whatever the tokens, entities exactly where they are. */
class BmesWriterTest {
    @TempDir
    Path dir;

    private static List<String> write(String format, Document doc, Map<String, ?> options) {
        WriterProvider provider = Components.get().writers().find(format);
        DocumentWriter writer = provider.create(Options.of("output format '" + format + "'", options, provider.options()));
        StringBuilder out = new StringBuilder();
        writer.write(doc, out);
        return out.toString().lines().toList();
    }

    private static List<String> bmes(Document doc) {
        return write("bmes", doc, Map.of());
    }

    /** 他是北京市长 segmented into words, with LOC on 北京 (inside the word 北京市长). */
    private static Document segmented() {
        String text = "他是北京市长";
        return new Document("d", text)
                .setTokens(List.of(new Token("他", 0, 1), new Token("是", 1, 2), new Token("北京市长", 2, 6)))
                .setEntities(List.of(Entity.of(text, "LOC", 2, 4)));
    }

    @Test
    void writesOneCharacterPerLineWhenTokensAreWords() {
        assertEquals(List.of("他 O", "是 O", "北 B-LOC", "京 E-LOC", "市 O", "长 O", ""), bmes(segmented()));
    }

    @Test
    void writesCharactersOfADocumentWithoutTokens() {
        String text = "姚明打球";
        Document doc = new Document("d", text).setEntities(List.of(Entity.of(text, "PER", 0, 2)));
        assertEquals(List.of("姚 B-PER", "明 E-PER", "打 O", "球 O", ""), bmes(doc));
    }

    @Test
    void anEntityInsideAWordReadsBackWithTheSameBoundaries() throws IOException {
        Document doc = segmented();
        Path f = dir.resolve("out.bmes");
        Corpora.write(List.of(doc), f, "bmes", Map.of());
        Document back = Corpora.read(f, "bmes").get(0);
        assertEquals(doc.text(), back.text());
        assertEquals(doc.entities(), back.entities());
    }

    @Test
    void whitespaceHasNoLineAndEntitiesKeepTheirCharacters() throws IOException {
        String text = "去 New York 玩";
        Document doc = new Document("d", text).setEntities(List.of(Entity.of(text, "LOC", 2, 10)));
        Path f = dir.resolve("out.bmes");
        Corpora.write(List.of(doc), f, "bmes", Map.of());
        Document back = Corpora.read(f, "bmes").get(0);
        assertEquals("去NewYork玩", back.text());
        assertEquals(List.of(Entity.of("去NewYork玩", "LOC", 1, 8)), back.entities());
    }

    @Test
    void ideographicSpaceIsWhitespace() {
        String text = "北京\u3000上海";
        Document doc = new Document("d", text).setEntities(List.of(Entity.of(text, "LOC", 3, 5)));
        assertEquals(List.of("北 O", "京 O", "上 B-LOC", "海 E-LOC", ""), bmes(doc));
    }

    @Test
    void aCharacterOutsideTheBmpIsOneLine() {
        String text = "𠀋x";
        Document doc = new Document("d", text).setEntities(List.of(Entity.of(text, "PER", 0, 2)));
        assertEquals(List.of("𠀋 S-PER", "x O", ""), bmes(doc));
    }

    @Test
    void aCharacterOutsideTheBmpRoundTrips() throws IOException {
        String text = "a𠀋b𠀋";
        Document doc = new Document("d", text).setEntities(List.of(Entity.of(text, "X", 1, 4)));
        Path f = dir.resolve("out.bmes");
        Corpora.write(List.of(doc), f, "bmes", Map.of());
        Document back = Corpora.read(f, "bmes").get(0);
        assertEquals(text, back.text());
        assertEquals(doc.entities(), back.entities());
    }

    @Test
    void anEntityBoundaryInsideASurrogatePairIsAnError() {
        String text = "a𠀋b";
        Document doc = new Document("d", text).setEntities(List.of(Entity.of(text, "X", 2, 4)));
        assertThrows(IllegalArgumentException.class, () -> bmes(doc));
    }

    @Test
    void ofOverlappingEntitiesTheFirstIsWritten() {
        String text = "北京大学";
        Document doc = new Document("d", text).setEntities(List.of(Entity.of(text, "LOC", 0, 2), Entity.of(text, "ORG", 0, 4),
                Entity.of(text, "X", 3, 4)));
        assertEquals(List.of("北 B-ORG", "京 M-ORG", "大 M-ORG", "学 E-ORG", ""), bmes(doc));
    }

    @Test
    void anEntityOfWhitespaceOnlyIsNotWritten() {
        String text = "a b";
        Document doc = new Document("d", text).setEntities(List.of(Entity.of(text, "X", 1, 2)));
        assertEquals(List.of("a O", "b O", ""), bmes(doc));
    }

    @Test
    void posIsTheTagOfTheTokenHoldingTheCharacter() {
        String text = "他是北京人";
        Document doc = new Document("d", text).setTokens(List.of(new Token("他", 0, 1, "r", false),
                new Token("北京", 2, 4, "ns", false), new Token("人", 4, 5)));
        assertEquals(List.of("他\tr\tO", "是\t_\tO", "北\tns\tO", "京\tns\tO", "人\t_\tO", ""),
                write("bmes", doc, Map.of("pos", true, "separator", "tab")));
    }

    @Test
    void conllStillWritesOneTokenPerLine() {
        assertEquals(List.of("他\tO", "是\tO", "北京市长\tB-LOC", ""), write("conll", segmented(), Map.of()));
    }

    @Test
    void whatTheReadersWouldNotReadBackIsRefusedAndSoABadRecord() {
        String text = "北京 大学";
        Document spaced = new Document("d", text).setEntities(List.of(Entity.of(text, "ORG NAME", 0, 2)));
        Document untyped = new Document("d", text).setEntities(List.of(Entity.of(text, "", 0, 2)));
        for (String format : List.of("bmes", "conll")) {
            Document tokenized = format.equals("conll") ? new Document("d", text).setEntities(spaced.entities())
                    .setTokens(List.of(new Token("北京", 0, 2), new Token("大学", 3, 5))) : spaced;
            var e = assertThrows(IllegalArgumentException.class, () -> write(format, tokenized, Map.of()), format);
            assertTrue(e.getMessage().contains("'ORG NAME'"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> bmes(untyped));
        var empty = assertThrows(IllegalArgumentException.class, () -> bmes(new Document("d", " \u3000")));
        assertTrue(empty.getMessage().contains("no character"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> write("conll", new Document("d", "").setTokens(List.of()), Map.of()));
        Document docstart = new Document("d", "-DOCSTART- x").setTokens(List.of(new Token("-DOCSTART-", 0, 10),
                new Token("x", 11, 12)));
        var separator = assertThrows(IllegalArgumentException.class, () -> write("conll", docstart, Map.of()));
        assertTrue(separator.getMessage().contains("-DOCSTART-"), separator.getMessage());
        assertEquals(List.of("_\t-DOCSTART-\tO", "_\tx\tO", ""), write("conll", docstart, Map.of("tokenColumn", 1)),
                "a token in a later column starts no line and reads back");
        String ideographic = "北京";
        Document wideSpace = new Document("d", ideographic).setEntities(List.of(Entity.of(ideographic, "LOC\u3000A", 0, 2)));
        assertEquals(List.of("北 B-LOC\u3000A", "京 E-LOC\u3000A", ""), bmes(wideSpace), "the reader splits at ASCII whitespace only");
    }
}
