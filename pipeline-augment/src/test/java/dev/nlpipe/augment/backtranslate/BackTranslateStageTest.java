package dev.nlpipe.augment.backtranslate;

import static dev.nlpipe.augment.AugmentTesting.ops;
import static dev.nlpipe.augment.AugmentTesting.variants;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.augment.Variants;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.testing.TempFiles;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Back-translation through a fake translator: a shell script that tags lines on the way out and untags them on the way back. */
class BackTranslateStageTest {
    @TempDir
    Path tmp;
    Path fake;

    private Path script(String name, String body) throws Exception {
        Path p = TempFiles.write(tmp.resolve(name), "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @BeforeEach
    void fakeTranslator() throws Exception {
        // into a pivot: prefix "LANG:"; back into English: move the first prefix to the end as "[via LANG]"
        fake = script("fake-mt.sh", """
                if [ "$2" = "en" ]; then
                  sed -E 's/^([a-z]+):(.*)$/\\2 [via \\1]/'
                else
                  sed "s/^/$2:/"
                fi
                """);
    }

    private Pipeline stage(Map<String, Object> options) {
        Map<String, Object> o = new LinkedHashMap<>(Map.of("command", List.of(fake.toString(), "{src}", "{tgt}"),
                "pivots", List.of("de", "de>fr")));
        o.putAll(options);
        return Pipeline.builder().add("augment.backtranslate", o).build();
    }

    private static Document en(String id, String text) {
        return new Document(id, text).setLang("en").addLabel("pos");
    }

    @Test
    void everyRouteGivesOneLabelledVariant() {
        try (Pipeline p = stage(Map.of())) {
            List<Document> out = p.processBatch(List.of(en("a", "good film"), en("b", "bad\nplot")));
            assertEquals(List.of("a", "a#backtranslate-1", "a#backtranslate-2", "b", "b#backtranslate-1", "b#backtranslate-2"),
                    out.stream().map(Document::id).toList());
            assertEquals("good film [via de]", out.get(1).text());
            assertEquals("de:good film [via fr]", out.get(2).text());
            assertEquals("bad plot [via de]", out.get(4).text(), "a line break becomes a space");
            assertEquals(List.of("bt:en>de>en"), ops(out.get(1)));
            assertEquals(List.of("bt:en>de>fr>en"), ops(out.get(2)));
            for (Document v : variants(out)) {
                assertEquals(Map.of("pos", 1.0), v.labels());
                assertEquals("en", v.lang());
                assertEquals(v.id().substring(0, 1), Variants.origin(v));
            }
        }
    }

    @Test
    void numAugPicksRoutesPerDocumentReproducibly() {
        List<String> first;
        try (Pipeline p = stage(Map.of("numAug", 1, "keepOriginal", false))) {
            List<Document> docs = List.of(en("a", "x"), en("b", "y"), en("c", "z"), en("d", "w"), en("e", "v"));
            List<Document> out = p.processBatch(docs);
            assertEquals(5, out.size());
            first = out.stream().map(Document::text).toList();
            assertTrue(first.stream().anyMatch(t -> t.contains("[via de]")) && first.stream().anyMatch(t -> t.contains("[via fr]")),
                    first.toString());
        }
        try (Pipeline p = stage(Map.of("numAug", 1, "keepOriginal", false))) {
            List<String> again = new java.util.ArrayList<>();
            for (String id : List.of("a", "b", "c", "d", "e")) {
                String text = Map.of("a", "x", "b", "y", "c", "z", "d", "w", "e", "v").get(id);
                again.add(p.process(en(id, text)).get(0).text());
            }
            assertEquals(first, again, "one at a time or in a batch, the same routes");
        }
    }

    @Test
    void documentsWithEntitiesOrVariantsPassThrough() {
        Document ner = en("n", "Bob runs").setEntities(List.of(Entity.of("Bob runs", "PER", 0, 3)));
        Document outside = en("o", "it rains").setEntities(List.of());
        try (Pipeline p = stage(Map.of())) {
            assertEquals(List.of(ner), p.process(ner));
            assertEquals(List.of(outside), p.process(outside), "a sentence of NER data without entities too");
            Document variant = p.process(en("a", "good")).get(1);
            assertEquals(List.of(variant), p.process(variant), "variants of an earlier stage are not augmented again");
        }
    }

    @Test
    void withNothingConfiguredItSaysWhatToConfigure() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Pipeline.builder().add("augment.backtranslate", Map.of("pivots", List.of("de"))).build());
        assertTrue(e.getMessage().contains("needs a translation model") && e.getMessage().contains("command"), e.getMessage());
        ConfigException noPivots = assertThrows(ConfigException.class, () -> stage(Map.of("pivots", List.of())));
        assertTrue(noPivots.getMessage().contains("pivots"), noPivots.getMessage());
        ConfigException badPivot = assertThrows(ConfigException.class, () -> stage(Map.of("pivots", List.of("de>"))));
        assertTrue(badPivot.getMessage().contains("'de>'"), badPivot.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> stage(Map.of("command", List.of("/no/such/mt"))));
        assertTrue(missing.getMessage().contains("not found: /no/such/mt"), missing.getMessage());
        ConfigException notOnPath = assertThrows(ConfigException.class, () -> stage(Map.of("command", List.of("no-such-mt-xyz"))));
        assertTrue(notOnPath.getMessage().contains("not on PATH"), notOnPath.getMessage());
    }

    @Test
    void aFailingTranslatorIsReportedWithItsStandardError() throws Exception {
        Path broken = script("broken.sh", "echo 'model file missing' >&2\nexit 3\n");
        try (Pipeline p = stage(Map.of("command", List.of(broken.toString())))) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> p.process(en("a", "good")));
            assertTrue(e.getMessage().contains("exited with status 3") && e.getMessage().contains("model file missing"), e.getMessage());
        }
        Path short_ = script("short.sh", "head -n 1\n");
        try (Pipeline p = stage(Map.of("command", List.of(short_.toString())))) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> p.processBatch(List.of(en("a", "one"), en("b", "two"))));
            assertTrue(e.getMessage().contains("wrote 1 line(s) for 2"), e.getMessage());
        }
    }

    @Test
    void afterThreeFailuresInARowTheTranslatorIsNotCalledAgain() throws Exception {
        // a hung translator would wait out its timeout once for the batch and once for each of its documents retried alone
        Path calls = tmp.resolve("calls");
        Path broken = script("counting.sh", "echo x >> " + calls + "\nexit 3\n");
        try (Pipeline p = stage(Map.of("command", List.of(broken.toString()), "pivots", List.of("de")))) {
            for (int i = 0; i < BackTranslateProcessor.GIVE_UP_AFTER; i++) {
                final int n = i;
                assertThrows(UncheckedIOException.class, () -> p.process(en("d" + n, "good")));
            }
            assertEquals(List.of("e"), p.process(en("e", "fine")).stream().map(Document::id).toList(),
                    "later documents pass through without variants");
        }
        assertEquals(BackTranslateProcessor.GIVE_UP_AFTER, Files.readAllLines(calls).size());
    }

    @Test
    void aTranslatorThatHangsIsStoppedAtTheTimeout() throws Exception {
        // it neither writes nor closes its output: only a deadline on the reading ends the wait
        Path hangs = script("hangs.sh", "sleep 100000\n");
        CommandTranslator t = new CommandTranslator(List.of(hangs.toString()), 1);
        // the guard only keeps a regression from hanging the build; the message says the timeout stopped it
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(2),
                () -> assertThrows(java.io.IOException.class, () -> t.translate(List.of("good"), "en", "zh")));
        assertTrue(e.getMessage().contains("ran longer than 1 s and was stopped"), e.getMessage());
    }

    @Test
    void documentsNeedALanguage() {
        try (Pipeline p = stage(Map.of())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.process(new Document("x", "text")));
            assertTrue(e.getMessage().contains("no language"), e.getMessage());
        }
        try (Pipeline p = stage(Map.of("language", "en", "pivots", List.of("ja")))) {
            assertEquals("text [via ja]", p.process(new Document("x", "text")).get(1).text());
        }
    }
}
