package dev.nlpipe.cli;

import static dev.nlpipe.cli.CliTest.nlpipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.core.testing.TempFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlpipe augment} writes augmented training files in the input's format; {@code nlpipe run} runs augment stages too. */
class AugmentCommandTest {
    @TempDir
    Path dir;

    /** {@code nlpipe augment} of an EDA pipeline (regex tokens, the test synonyms, seed 1) over {@code input}'s section. */
    private CliTest.Result eda(String name, String input, int numAug, Object path) {
        Path yaml = TempFiles.write(dir.resolve(name + ".yaml"), """
                input: {%s}
                stages:
                  - type: tokenize.regex
                  - type: augment.eda
                    with: {numAug: %d, synonyms: [], synonymFiles: [%s], seed: 1}
                """.formatted(input.formatted(path), numAug, synonyms()));
        return nlpipe("augment", yaml.toString(), "--quiet");
    }

    private Path synonyms() {
        return TempFiles.write(dir.resolve("syn.txt"), "good great fine\nmovie film picture\nboring dull tedious\n");
    }

    @Test
    void tsvKeepsTheHeaderAndEveryVariantKeepsItsLabel() throws Exception {
        Path train = TempFiles.write(dir.resolve("train.tsv"), """
                id\tsentence\tlabel
                a\ta good movie with a good story\t1
                b\ta boring movie and a boring plot\t0
                c\tthe film was good and the actors were good\t1
                """);
        CliTest.Result r = eda("eda", "path: %s, format: tsv, textColumn: sentence, language: en", 3, train);
        assertEquals(0, r.code(), r.err());
        Path out = dir.resolve("train.augmented.tsv");
        List<String> lines = Files.readAllLines(out);
        assertEquals("id\tsentence\tlabel", lines.get(0), "the input's header");
        Map<String, String> labelOf = Map.of("a", "1", "b", "0", "c", "1");
        int variants = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t");
            assertEquals(3, cols.length, line);
            String origin = cols[0].contains("#") ? cols[0].substring(0, cols[0].indexOf('#')) : cols[0];
            assertEquals(labelOf.get(origin), cols[2], () -> "a variant keeps its original's label: " + line);
            variants += cols[0].contains("#eda-") ? 1 : 0;
        }
        assertTrue(variants >= 6 && variants <= 9, "at most numAug variants per original: " + variants);
    }

    @Test
    void aTsvWithoutHeaderIsWrittenWithoutHeaderAndKeepsTextAndLabel() throws Exception {
        Path train = TempFiles.write(dir.resolve("rows.tsv"), "a good movie with a good story\t1\na boring movie and a boring plot\t0\n");
        CliTest.Result r = eda("eda", "path: %s, format: tsv, header: false, language: en", 2, train);
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("rows.augmented.tsv"));
        assertEquals("a good movie with a good story\t1", lines.get(0), "no header line; the first record as it was");
        assertTrue(lines.size() > 2, lines.toString());
        for (String line : lines) {
            String[] cols = line.split("\t", -1);
            assertEquals(2, cols.length, line);
            assertTrue(cols[0].matches(".*(movie|film|picture).*") && (cols[1].equals("1") || cols[1].equals("0")),
                    () -> "text and label kept: " + line);
        }
    }

    @Test
    void aGzippedTsvWithAByteOrderMarkKeepsItsHeader() throws Exception {
        Path train = dir.resolve("bom.tsv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(train))) {
            out.write("\uFEFFlabel\ttext\n1\ta good movie\n0\ta boring movie\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        CliTest.Result r = eda("eda", "path: %s, format: tsv, language: en", 1, train);
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("bom.augmented.tsv"));
        assertEquals("label\ttext", lines.get(0), "the header without the mark, so the label column is found");
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t", -1);
            assertTrue(cols[0].equals("1") || cols[0].equals("0"), () -> "the label kept: " + line);
            assertTrue(cols[1].matches(".*(movie|film|picture).*"), line);
        }
    }

    @Test
    void jsonlVariantsKeepLabelsAndRecordTheirOrigin() throws Exception {
        Path train = TempFiles.write(dir.resolve("train.jsonl"), """
                {"id": "p1", "text": "a good movie", "label": "pos"}
                {"id": "n1", "text": "a boring movie", "label": ["neg", "meh"]}
                """);
        Path yaml = TempFiles.write(dir.resolve("eda.yaml"), """
                input: {path: %s, format: jsonl, language: en}
                stages:
                  - type: tokenize.regex
                  - type: augment.eda
                    with: {numAug: 2, alphaSr: 0.5, synonyms: [], synonymFiles: [%s]}
                """.formatted(train, synonyms()));
        Path out = dir.resolve("aug.jsonl");
        CliTest.Result r = nlpipe("augment", yaml.toString(), "--output", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Map<String, Map<String, Double>> labels = new HashMap<>();
        List<Document> docs = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            Document d = DocumentJson.parse(line);
            docs.add(d);
            if (!d.id().contains("#")) {
                labels.put(d.id(), d.labels());
            }
        }
        assertEquals(Set.of("p1", "n1"), labels.keySet());
        int variants = 0;
        for (Document d : docs) {
            if (d.meta().get("augment") instanceof Map<?, ?> mark) {
                variants++;
                String origin = String.valueOf(mark.get("origin"));
                assertEquals(labels.get(origin), d.labels(), d.id());
                assertTrue(d.id().startsWith(origin + "#eda-"), d.id());
                assertFalse(((List<?>) mark.get("ops")).isEmpty(), "the operations are listed: " + mark);
            }
        }
        assertTrue(variants >= 2 && variants <= 4, "variants: " + variants);
    }

    @Test
    void bmesOutputHasValidTagsAndEntitiesFromTheCorpus() throws Exception {
        String corpus = """
                张 B-NAME
                三 E-NAME
                在 O
                北 B-LOC
                京 E-LOC
                工 O
                作 O
                了 O
                很 O
                多 O
                年 O

                李 B-NAME
                四 E-NAME
                喜 O
                欢 O
                上 B-LOC
                海 E-LOC
                的 O
                美 O
                食 O

                王 S-NAME
                去 O
                了 O
                广 B-LOC
                州 M-LOC
                市 E-LOC
                """;
        Path train = TempFiles.write(dir.resolve("train.char.bmes"), corpus);
        Path yaml = TempFiles.write(dir.resolve("ner.yaml"), """
                input: {path: %s, format: bmes, language: zh}
                stages:
                  - type: augment.eda
                    with: {numAug: 4, alphaRs: 0.3, pRd: 0.2, mentionReplacement: 0.5, seed: 3}
                """.formatted(train));
        CliTest.Result r = nlpipe("augment", yaml.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Path out = dir.resolve("train.char.augmented.bmes");
        Set<String> mentions = Set.of("NAME:张三", "NAME:李四", "NAME:王", "LOC:北京", "LOC:上海", "LOC:广州市");
        int sentences = 0;
        Set<String> seenMentions = new HashSet<>();
        for (String block : Files.readString(out).split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            sentences++;
            List<String> tags = new ArrayList<>();
            StringBuilder chars = new StringBuilder();
            for (String line : block.strip().split("\n")) {
                String[] cols = line.split(" ");
                assertEquals(2, cols.length, "char, space, tag: " + line);
                assertEquals(1, cols[0].codePointCount(0, cols[0].length()), "one character per line: " + line);
                chars.append(cols[0]);
                tags.add(cols[1]);
            }
            String prev = "O";
            for (String t : tags) {
                assertTrue(TagScheme.BMES.allowed(prev, t), () -> "invalid BMES sequence " + tags + " in " + chars);
                prev = t;
            }
            assertTrue(TagScheme.BMES.allowed(prev, "O"), () -> "unfinished entity in " + tags);
            for (TagScheme.TokenSpan span : TagScheme.decode(tags)) {
                String mention = span.type() + ":" + chars.substring(span.start(), span.end());
                assertTrue(mentions.contains(mention), () -> "entity " + mention + " is not a corpus mention, in " + chars);
                seenMentions.add(mention);
            }
        }
        assertTrue(sentences > 3, "variants were written: " + sentences);
        assertEquals(mentions, seenMentions);
    }

    @Test
    void aCharacterCorpusTokenizedIntoWordsGetsNoVariantThatNeedsASpace() throws Exception {
        // a BMES file tokenized into words first (as a segmenter does): the stage sees "film" and "good" as words, yet the
        // corpus has no spaces, so variants making them neighbours would be glued (filmgood) in a character format
        StringBuilder corpus = new StringBuilder();
        "我看film和good电影".chars().forEach(c -> corpus.append((char) c).append(" O\n"));
        Path train = TempFiles.write(dir.resolve("mixed.bmes"), corpus.toString());
        Path out = dir.resolve("mixed.jsonl");
        Path yaml = TempFiles.write(dir.resolve("mixed.yaml"), """
                input: {path: %s, format: bmes, language: zh}
                stages:
                  - type: tokenize.regex
                  - type: augment.eda
                    with: {numAug: 16, synonyms: [], stopWords: [], alphaSr: 0, alphaRi: 0, alphaRs: 0.5, pRd: 0.5, seed: 1}
                output: {path: %s, format: jsonl}
                """.formatted(train, out));
        CliTest.Result r = nlpipe("augment", yaml.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.size() > 1, "variants were written: " + lines);
        for (String line : lines) {
            Document d = DocumentJson.parse(line);
            assertFalse(d.text().contains(" "), d.text());
            d.tokens().forEach(t -> assertEquals(1, t.text().length(), "one token per character: " + d.tokens()));
        }
    }

    @Test
    void mentionsAreReadWithTheInputsFormatOptions() throws Exception {
        // tags in column 1, a part of speech after them: read with the defaults, the last column has no mentions
        Path train = TempFiles.write(dir.resolve("tags-second.conll"), """
                Alice B-PER NNP
                visited O VBD
                Paris B-LOC NNP

                Bob B-PER NNP
                left O VBD
                Berlin B-LOC NNP
                today O NN
                """);
        Path yaml = TempFiles.write(dir.resolve("conll-mentions.yaml"), """
                input: {path: %s, format: conll, tagColumn: 1, language: en}
                stages:
                  - type: augment.eda
                    with: {numAug: 4, alphaRs: 0.3, alphaSr: 0, alphaRi: 0, pRd: 0, mentionReplacement: 1.0, seed: 3}
                """.formatted(train));
        CliTest.Result r = nlpipe("augment", yaml.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        String out = Files.readString(dir.resolve("tags-second.augmented.conll"));
        assertTrue(out.contains("Bob") && out.contains("Berlin"), out);
        // written in the input's layout, so the training file's tagColumn: 1 reads it back
        for (String line : out.lines().filter(l -> !l.isBlank()).toList()) {
            assertTrue(line.split("\\s+")[1].matches("O|[BI]-(PER|LOC)"), line);
        }
        // a column out of range is the input option's error at its line, not an index failure of the layout sniff
        Path negative = TempFiles.write(dir.resolve("conll-negative.yaml"), Files.readString(yaml).replace("tagColumn: 1",
                "tagColumn: 1, tokenColumn: -1"));
        CliTest.Result refused = nlpipe("augment", negative.toString(), "--quiet");
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("tokenColumn"), refused.err());
    }

    @Test
    void conll2003sColumnsAreWrittenBackInTheirPlaces() throws Exception {
        Path train = TempFiles.write(dir.resolve("c03.conll"), """
                EU NNP B-NP B-ORG
                rejects VBZ B-VP O
                German JJ B-NP B-MISC
                call NN I-NP O

                Peter NNP B-NP B-PER
                Blackburn NNP I-NP I-PER
                """);
        Path yaml = TempFiles.write(dir.resolve("c03.yaml"), """
                input: {path: %s, format: conll, tagColumn: 3, posColumn: 1, language: en}
                stages:
                  - type: augment.eda
                    with: {numAug: 2, alphaRs: 0.5, alphaSr: 0, alphaRi: 0, pRd: 0, seed: 3}
                """.formatted(train));
        CliTest.Result r = nlpipe("augment", yaml.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("c03.augmented.conll"));
        assertTrue(lines.contains("EU NNP _ B-ORG"), "the input's separator and columns: " + lines);
        assertTrue(lines.contains("Blackburn NNP _ I-PER"), lines.toString());
    }

    @Test
    void runWithAnAugmentStageWritesVariantsToo() throws Exception {
        Path train = TempFiles.write(dir.resolve("in.txt"), "a good movie\na boring movie\n");
        Path yaml = TempFiles.write(dir.resolve("eda.yaml"), """
                input: {path: %s, format: text, language: en}
                stages:
                  - type: tokenize.regex
                  - type: augment.eda
                    with: {numAug: 2, alphaSr: 0.5, synonyms: [], synonymFiles: [%s]}
                output: {path: %s, format: text}
                """.formatted(train, synonyms(), dir.resolve("out.txt")));
        CliTest.Result r = nlpipe("run", yaml.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("out.txt"));
        assertEquals("a good movie", lines.get(0));
        assertTrue(lines.size() >= 4 && lines.size() <= 6, lines.toString());
        assertTrue(nlpipe("augment", yaml.toString(), "--quiet").code() == 0);
        assertEquals(lines, Files.readAllLines(dir.resolve("out.txt")), "augment and run agree where the output is given");
    }

    @Test
    void aTextFileIsWrittenBackAsTextNotAsTokensJoinedBySpaces() throws Exception {
        Path train = TempFiles.write(dir.resolve("zh.txt"), "我很喜欢这部电影\n这部电影很无聊\n");
        Path yaml = TempFiles.write(dir.resolve("zh.yaml"), """
                input: {path: %s, format: text, language: zh}
                stages:
                  - type: tokenize.regex
                  - type: augment.eda
                    with: {numAug: 2, alphaRs: 0.3, alphaSr: 0, alphaRi: 0, pRd: 0}
                """.formatted(train));
        CliTest.Result r = nlpipe("augment", yaml.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("zh.augmented.txt"));
        assertEquals("我很喜欢这部电影", lines.get(0), "the original line as it was");
        assertTrue(lines.stream().noneMatch(l -> l.contains(" ")), lines.toString());
    }

    @Test
    void theOutputKeepsTheInputsExtensionOnlyWhereItIsReadAsTheOutputsFormat() {
        assertEquals(Path.of("d", "train.augmented.txt").toString(), AugmentOutput.defaultPath(Path.of("d", "train.txt"), "text"));
        // CLUENER's train.json is not JSONL: its JSONL output read back as CLUENER would have no entities
        assertEquals(Path.of("d", "train.augmented.jsonl").toString(), AugmentOutput.defaultPath(Path.of("d", "train.json"), "jsonl"));
        assertEquals(Path.of("d", "train.augmented.bio").toString(), AugmentOutput.defaultPath(Path.of("d", "train.bio"), "conll"));
        // CoNLL-2003's splits are named by an extension no format has: each keeps its own output
        assertEquals(Path.of("d", "eng.train.augmented.conll").toString(), AugmentOutput.defaultPath(Path.of("d", "eng.train"), "conll"));
        assertEquals(Path.of("d", "eng.testa.augmented.conll").toString(), AugmentOutput.defaultPath(Path.of("d", "eng.testa"), "conll"));
    }

    @Test
    void anAugmentedFileIsNotAugmentedAgain() throws Exception {
        // its variants would pass through and its originals get the same ones again, under the same ids
        Path train = TempFiles.write(dir.resolve("twice.jsonl"), "{\"id\": \"a\", \"text\": \"a good movie with a good story\", \"label\": \"1\"}\n");
        CliTest.Result first = eda("twice", "path: %s, format: jsonl, language: en", 2, train);
        assertEquals(0, first.code(), first.err());
        Path augmented = dir.resolve("twice.augmented.jsonl");
        assertTrue(Files.readString(augmented).contains("\"a#eda-1\""), Files.readString(augmented));
        CliTest.Result again = eda("again", "path: %s, format: jsonl, language: en", 2, augmented);
        assertEquals(2, again.code(), again.err());
        assertTrue(again.err().contains("is a variant stage 'augment.eda' made") && again.err().contains("augment the original file"),
                again.err());
    }

    @Test
    void aDirectoryHoldingAnEarlierOutputOfItsFilesIsRefusedInEveryFormat() throws Exception {
        // `--input dd/a.tsv` wrote dd/a.augmented.tsv beside it; augmenting dd/ would augment those variants again
        Path a = TempFiles.write(dir.resolve("again/a.tsv"), "label\ttext_a\n1\ta good movie with a good story\n");
        CliTest.Result first = eda("one", "path: %s, format: tsv, textColumn: text_a, language: en", 2, a);
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.exists(dir.resolve("again/a.augmented.tsv")));
        CliTest.Result whole = eda("whole", "path: %s, format: tsv, textColumn: text_a, language: en", 2, dir.resolve("again") + "/");
        assertEquals(2, whole.code(), whole.err());
        assertTrue(whole.err().contains("a.augmented.tsv is what `nlpipe augment` writes for") && whole.err().contains("move it out"),
                whole.err());
        assertFalse(Files.exists(dir.resolve("again.augmented")), "nothing written");
    }

    @Test
    void aDirectoryOfTsvFilesKeepsTheirHeader() throws Exception {
        // ChnSentiCorp's layout, label first and text_a: the output must read back with the input's options
        TempFiles.write(dir.resolve("dd/part1.tsv"), "label\ttext_a\n1\ta good movie with a good story\n");
        TempFiles.write(dir.resolve("dd/part2.tsv"), "label\ttext_a\n0\ta boring movie and a boring plot\n");
        CliTest.Result r = eda("dir", "path: %s, format: tsv, textColumn: text_a, language: en", 2, dir.resolve("dd") + "/");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("dd.augmented/part1.tsv"));
        assertEquals("label\ttext_a", lines.get(0), "the input's header, from the directory's first file");
        assertTrue(lines.size() > 2 && lines.stream().skip(1).allMatch(l -> l.startsWith("1\t")), lines.toString());
    }

    @Test
    void aCsvHeaderIsWrittenBackAsTheReaderParsedIt() throws Exception {
        // a quoted name holding a comma, and a name with a space the labelColumn gives as written
        Path train = TempFiles.write(dir.resolve("spaced.csv"), """
                "review, full", label
                a good movie with a good story,pos
                a boring movie and a boring plot,neg
                """);
        CliTest.Result r = eda("csv", "path: %s, format: csv, textColumn: 'review, full', labelColumn: ' label', language: en", 2, train);
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("spaced.augmented.csv"));
        assertEquals("\"review, full\",\" label\"", lines.get(0), "the input's header names, quoted where CSV needs it");
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.endsWith(",pos") || line.endsWith(",neg"), "text and label kept: " + line);
            assertFalse(line.startsWith(","), "the text kept: " + line);
        }
    }

    @Test
    void aPipelineWithoutAugmentStagesIsRefused() {
        Path in = TempFiles.write(dir.resolve("in.txt"), "text\n");
        Path yaml = TempFiles.write(dir.resolve("p.yaml"), "input: {path: %s}\nstages:\n  - type: tokenize.regex\n".formatted(in));
        CliTest.Result r = nlpipe("augment", yaml.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no augment stage"), r.err());
        Path noInput = TempFiles.write(dir.resolve("q.yaml"), "stages:\n  - type: augment.eda\n");
        CliTest.Result r2 = nlpipe("augment", noInput.toString());
        assertEquals(2, r2.code(), r2.err());
        assertTrue(r2.err().contains("needs an input file"), r2.err());
    }
}
