package dev.nlpipe.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.testing.TempFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of configuration error is reported with its file, line and column, before any document is read. */
class ConfigErrorsTest {
    @TempDir
    Path dir;

    private ConfigException fail(String yaml, String... overrides) {
        Path file = TempFiles.write(dir.resolve("p.yaml"), yaml);
        TempFiles.write(dir.resolve("in.txt"), "hello\n");
        return assertThrows(ConfigException.class, () -> {
            PipelineConfig cfg = PipelineConfig.load(file, List.of(overrides));
            Pipeline.checkInput(cfg);
            Pipeline.fromConfig(cfg).close();
        });
    }

    private static String input(Path dir) {
        return "input: { path: " + dir.resolve("in.txt") + " }\n";
    }

    @Test
    void unknownStageTypeNamesTheLineAndTheClosestTypes() {
        ConfigException e = fail(input(dir) + "stages:\n  - type: tokenize.regx\n");
        assertEquals(3, e.location().line());
        assertEquals(5, e.location().column());
        assertTrue(e.getMessage().startsWith(dir.resolve("p.yaml") + ":3:5: unknown stage type 'tokenize.regx'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'tokenize.regex'"), e.getMessage());
    }

    @Test
    void everyErrorOfAFileIsReportedInOnePass() {
        ConfigException e = fail("inptu: { path: x }\n"
                + "stages:\n"
                + "  - type: tokenize.regx\n"
                + "  - type: tokenize.regex\n"
                + "    with: { lowercas: true }\n");
        List<String> where = e.errors().stream().map(x -> x.location().line() + ":" + x.location().column()).toList();
        assertEquals(List.of("1:1", "3:5", "5:13"), where, e.getMessage());
        assertEquals(3, e.getMessage().lines().filter(l -> l.startsWith(dir.resolve("p.yaml") + ":")).count(), e.getMessage());
    }

    @Test
    void aFormatOptionMistakeIsReportedWithTheStagesMistakes() {
        TempFiles.write(dir.resolve("in.csv"), "text\nhello\n");
        ConfigException e = fail("input: { path: " + dir.resolve("in.csv") + ", format: csv, textColum: review }\n"
                + "stages:\n  - type: tokenize.regx\n");
        assertEquals(2, e.errors().size(), e.getMessage());
        assertTrue(e.getMessage().contains("textColum") && e.getMessage().contains("tokenize.regx"), e.getMessage());
    }

    @Test
    void aTopLevelMistakeIsReportedWithTheInputAndOutputMistakes() {
        // a mistyped 'threads' hid the missing input, the unknown format and the output option until it was fixed
        ConfigException e = fail("input: { path: " + dir.resolve("nope.txt") + ", format: txt }\n"
                + "stages: [ { type: tokenize.regex } ]\n"
                + "output: { path: " + dir.resolve("o.jsonl") + ", extra: 1 }\n"
                + "treads: 2\n");
        assertTrue(e.getMessage().contains("treads") && e.getMessage().contains("input not found")
                && e.getMessage().contains("unknown input format 'txt'") && e.getMessage().contains("'extra'"), e.getMessage());
    }

    @Test
    void everyBadOptionOfAStageIsReported() {
        ConfigException e = fail(input(dir) + "stages:\n  - type: filter.length\n    with: { minTokens: many, maxTokns: 3 }\n");
        assertEquals(2, e.errors().size(), e.getMessage());
    }

    @Test
    void stageOfAnAbsentModuleNamesTheArtifactToAdd() {
        // pipeline-core's tests run without pipeline-classify, as an application that depends on core alone
        ConfigException e = fail(input(dir) + "stages:\n  - type: classify\n");
        assertTrue(e.problem().contains("dev.nlpipe:pipeline-classify"), e.problem());
    }

    @Test
    void unknownOptionKeyListsTheValidOnes() {
        ConfigException e = fail(input(dir) + "stages:\n  - type: tokenize.regex\n    with:\n      lowercas: true\n");
        assertEquals(5, e.location().line());
        assertEquals(7, e.location().column());
        assertTrue(e.problem().contains("unknown option 'lowercas'"), e.problem());
        assertTrue(e.problem().contains("did you mean 'lowercase'"), e.problem());
        assertTrue(e.problem().contains("valid options: pattern, punctuation, lowercase"), e.problem());
    }

    @Test
    void wrongValueType() {
        ConfigException e = fail(input(dir) + "stages:\n  - type: filter.length\n    with: { minTokens: many }\n");
        assertEquals(4, e.location().line());
        assertEquals(24, e.location().column());
        assertTrue(e.problem().contains("option 'minTokens' of stage 'filter.length' must be an integer, not the text 'many'"), e.problem());
    }

    @Test
    void wrongTypeForBooleanAndChoice() {
        assertTrue(fail(input(dir) + "stages:\n  - type: tokenize.regex\n    with: { lowercase: 3 }\n").problem()
                .contains("must be true or false, not the number 3"));
        ConfigException e = fail(input(dir) + "stages: [ {type: tokenize.regex} ]\nonError: explode\n");
        assertEquals(3, e.location().line());
        assertTrue(e.problem().contains("must be one of skip, fail"), e.problem());
    }

    @Test
    void missingRequiredOption() {
        ConfigException e = fail(input(dir) + "stages:\n  - type: test.required\n");
        assertEquals(3, e.location().line());
        assertTrue(e.problem().contains("needs option 'size'"), e.problem());
    }

    @Test
    void missingModelDirectory() {
        ConfigException e = fail(input(dir) + "stages:\n  - type: test.required\n    with: { size: 1 }\n    model: models/nowhere\n");
        assertEquals(5, e.location().line());
        assertEquals(12, e.location().column());
        assertTrue(e.problem().contains("model directory not found: models/nowhere"), e.problem());
    }

    @Test
    void modelGivenToAStageThatTakesNone() {
        ConfigException e = fail(input(dir) + "stages:\n  - type: tokenize.regex\n    model: " + dir + "\n");
        assertTrue(e.problem().contains("takes no model"), e.problem());
    }

    @Test
    void unreadableInput() {
        ConfigException e = fail("input: { path: " + dir.resolve("missing.txt") + " }\nstages: [ {type: tokenize.regex} ]\n");
        assertEquals(1, e.location().line());
        assertEquals(16, e.location().column());
        assertTrue(e.problem().contains("input not found"), e.problem());
    }

    @Test
    void unknownInputFormatAndFormatOption() {
        String format = fail(input(dir).replace(" }", ", format: jsonlines }") + "stages: []\n").problem();
        assertTrue(format.contains("unknown input format 'jsonlines'") && format.contains("`nlpipe list formats` shows them all"), format);
        ConfigException e = fail(input(dir).replace(" }", ", format: jsonl, textFeild: body }") + "stages: []\n");
        assertTrue(e.problem().contains("unknown option 'textFeild'") && e.problem().contains("did you mean 'textField'"), e.problem());
        ConfigException formt = fail(input(dir).replace(" }", ", formt: jsonl }") + "stages: []\n");
        assertTrue(formt.problem().contains("did you mean 'format'") && formt.problem().contains("the keys of input: path, format"),
                formt.problem());
    }

    @Test
    void anUnknownOptionWrittenInTheFileNamesTheSetThatDropsIt() {
        String yaml = input(dir).replace(" }", ", format: csv, textColumn: body }") + "stages: []\n";
        ConfigException e = fail(yaml, "input.format=jsonl");
        assertTrue(e.problem().contains("unknown option 'textColumn' for input format 'jsonl'")
                && e.problem().endsWith("to drop it without editing the file: --set input.textColumn="), e.problem());

        e = fail(input(dir) + "stages:\n  - type: tokenize.regex\n    with: { lowercse: true }\n");
        assertTrue(e.problem().endsWith("--set tokenize.regex.lowercse="), "a stage's options are reached by its id: " + e.problem());
        e = fail(input(dir) + "stages:\n  - type: tokenize.regex\n    with: { lowercse: true }\n  - type: tokenize.regex\n");
        assertTrue(e.problem().endsWith("--set tokenize.regex#1.lowercse="), "the first of two, which --set reaches so: " + e.problem());

        e = fail(input(dir) + "stages: [ {type: tokenize.regex} ]\n", "tokenize.regex.lowercse=true");
        assertTrue(e.problem().contains("unknown option 'lowercse'") && !e.problem().contains("without editing the file"),
                "a key the command line added is fixed there: " + e.problem());
    }

    @Test
    void unknownTopLevelKeyAndStageKey() {
        ConfigException e = fail(input(dir) + "stages: []\noutptu: { path: x }\n");
        assertEquals(3, e.location().line());
        assertTrue(e.problem().contains("did you mean 'output'"), e.problem());
        e = fail(input(dir) + "stages:\n  - type: tokenize.regex\n    options: {}\n");
        assertTrue(e.problem().contains("unknown key 'options' in stage entry"), e.problem());
    }

    @Test
    void missingLayerNamesTheStageThatWouldProvideIt() {
        ConfigException e = fail(input(dir) + "stages:\n  - type: filter.length\n    with: { minTokens: 2 }\n");
        assertEquals(3, e.location().line());
        assertTrue(e.problem().contains("needs the 'tokens' layer"), e.problem());
        assertTrue(e.problem().contains("tokenize.regex"), e.problem());
        ConfigException e2 = fail(input(dir) + "stages:\n  - type: tokenize.regex\n  - type: test.needs-entities\n");
        assertEquals(4, e2.location().line());
        assertTrue(e2.problem().contains("'entities' layer"), e2.problem());
    }

    @Test
    void anOutputFormatsMissingLayerIsRefusedBeforeAnyDocumentIsRead() {
        ConfigException e = fail(input(dir) + "stages: [{type: normalize.text}]\noutput: { path: " + dir.resolve("out.conll") + ", format: conll }\n");
        assertEquals(3, e.location().line());
        assertTrue(e.problem().contains("output format 'conll' needs the 'tokens' layer"), e.problem());
        assertTrue(e.problem().contains("tokenize.regex"), e.problem());
        assertFalse(Files.exists(dir.resolve("out.conll")));
    }

    @Test
    void anOutputFormatsLayerFromAStageOrTheInputIsAccepted() throws Exception {
        TempFiles.write(dir.resolve("in.txt"), "hello\n");
        Path tokenized = TempFiles.write(dir.resolve("t.yaml"), input(dir) + "stages: [{type: tokenize.regex}]\noutput: { path: "
                + dir.resolve("out.conll") + ", format: conll }\n");
        Pipeline.fromYaml(tokenized).close();
        TempFiles.write(dir.resolve("in.conll"), "EU B-ORG\n\n");
        Path conll = TempFiles.write(dir.resolve("c.yaml"), "input: { path: " + dir.resolve("in.conll") + ", format: conll }\n"
                + "stages: []\noutput: { path: " + dir.resolve("out.conll") + ", format: conll }\n");
        Pipeline.fromYaml(conll).close();
        Path bmes = TempFiles.write(dir.resolve("b.yaml"), input(dir) + "stages: []\noutput: { path: " + dir.resolve("out.bmes")
                + ", format: bmes }\n");
        Pipeline.fromYaml(bmes).close();
    }

    @Test
    void conllInputProvidesTokensAndEntities() throws Exception {
        TempFiles.write(dir.resolve("in.conll"), "EU B-ORG\nrejects O\n\n");
        Path file = TempFiles.write(dir.resolve("c.yaml"), "input: { path: " + dir.resolve("in.conll") + ", format: conll }\n"
                + "stages:\n  - type: test.needs-entities\n  - type: filter.length\n    with: { minTokens: 1 }\n");
        Pipeline.fromYaml(file).close();
    }

    @Test
    void invalidYamlAndDuplicateKeys() {
        ConfigException e = fail("stages: [\n  - type: x\n");
        assertTrue(e.problem().startsWith("invalid YAML"), e.problem());
        e = fail("stages: []\nstages: []\n");
        assertEquals(2, e.location().line());
        assertTrue(e.problem().contains("appears twice"), e.problem());
    }

    @Test
    void overridesSetStageOptionsAndSections() throws Exception {
        TempFiles.write(dir.resolve("in.txt"), "hello\n");
        Path file = TempFiles.write(dir.resolve("o.yaml"), input(dir) + "stages:\n  - type: tokenize.regex\n  - type: filter.length\n");
        try (Pipeline p = Pipeline.fromYaml(file, "tokenize.regex.lowercase=true", "filter.length.minChars=10",
                "input.format=jsonl", "threads=3")) {
            assertEquals("jsonl", p.config().input().format());
            assertEquals(3, p.config().threads());
            var out = p.process(new Document("d", "Hello World"));
            assertEquals("hello", out.get(0).tokens().get(0).text());
            assertTrue(p.process(new Document("d", "short")).isEmpty());
        }
        ConfigException e = fail(input(dir) + "stages:\n  - type: tokenize.regex\n", "tokenise.regex.lowercase=true");
        assertTrue(e.location().source().startsWith("--set tokenise.regex.lowercase=true"), e.getMessage());
        assertTrue(e.problem().contains("did you mean"), e.problem());
        e = fail(input(dir) + "stages:\n  - type: tokenize.regex\n", "tokenize.regex.lowercase=maybe");
        assertTrue(e.problem().contains("must be true or false"), e.problem());
    }

    @Test
    void trainingFilesAreRecognized() {
        ConfigException e = fail("task: vectorize.tfidf\ndata: {}\n");
        assertTrue(e.problem().contains("training configuration"), e.problem());
        Path f = TempFiles.write(dir.resolve("t.yaml"), "data: { train: x }\n");
        assertTrue(assertThrows(ConfigException.class, () -> TrainConfig.load(f, List.of())).problem().contains("needs 'task:'"));
        assertTrue(Files.exists(f));
        Path withPath = TempFiles.write(dir.resolve("p.yaml"), "task: vectorize.tfidf\ndata: { train: a.txt, path: b.txt }\n");
        ConfigException path = assertThrows(ConfigException.class, () -> TrainConfig.load(withPath, List.of()));
        assertTrue(path.problem().contains("data.path is a pipeline file's input") && path.location().line() == 2, path.getMessage());
    }

    @Test
    void aTrainingFilesLayoutMistakesComeTogether() {
        Path f = TempFiles.write(dir.resolve("layout.yaml"), """
                task: vectorize.tfidf
                desciption: typo
                data: { train: a.txt, maxLineLength: 0 }
                stages:
                  - { type: tokenize.regex, lowercase: true }
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> TrainConfig.load(f, List.of()));
        assertTrue(e.getMessage().contains("desciption") && e.getMessage().contains("maxLineLength")
                && e.getMessage().contains("lowercase"), e.getMessage());
    }

    @Test
    void aTabIsNamedAtItsLineWithTheFix() {
        ConfigException e = assertThrows(ConfigException.class, () -> YamlLoader.parse("stages:\n\t- type: x\n", "p.yaml"));
        assertEquals(2, e.location().line(), e.getMessage());
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("tab") && e.getMessage().contains("spaces"), e.getMessage());
    }

    @Test
    void anUnclosedQuoteNamesTheLineItStartsOn() {
        ConfigException e = assertThrows(ConfigException.class, () -> YamlLoader.parse(
                "pipeline: p\ninput:\n  path: in/\n  format: text\n  glob: \"*.txt\nstages: []\n\n\n", "p.yaml"));
        assertTrue(e.getMessage().contains("(started at p.yaml:5:"), e.getMessage());
    }

    @Test
    void anUnclosedBraceNamesTheLineItStartsOn() {
        ConfigException e = assertThrows(ConfigException.class, () -> YamlLoader.parse(
                "input: { path: x, format: text\nstages: []\n", "p.yaml"));
        assertTrue(e.getMessage().contains("(started at p.yaml:1:"), e.getMessage());
    }

    @Test
    void aListItemOutsideStagesSaysToIndentItUnderItsKey() {
        for (String item : new String[] {"- type: stopwords.remove\n", "  - type: stopwords.remove\n"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> YamlLoader.parse(
                    "pipeline: p\nstages:\n  - type: segment\noutput: { path: o.jsonl }\n" + item, "p.yaml"));
            assertEquals(5, e.location().line(), e.getMessage());
            assertTrue(e.getMessage().contains("indented under the key"), e.getMessage());
        }
    }

    @Test
    void aFlowMapKeyWithNoSpaceAfterTheColonSaysToAddOne() {
        ConfigException e = fail(input(dir) + "stages:\n  - type: tokenize.regex\n  - type: filter.length\n    with: {minTokens:3}\n");
        assertTrue(e.problem().contains("put a space after ':' ({ minTokens: 3 })"), e.problem());
        assertFalse(e.problem().contains("--set"), "dropping the key is no fix: " + e.problem());
        // the block form: under 'with:' the line is one text, and the same fix applies
        ConfigException block = fail(input(dir) + "stages:\n  - type: tokenize.regex\n  - type: filter.length\n    with:\n      minTokens:3\n");
        assertTrue(block.problem().contains("put a space after ':' (minTokens: 3)"), block.problem());
    }

    @Test
    void anOptionBesideTypeIsSentUnderWithAndATextEntryIsShownAsAMap() {
        ConfigException e = assertThrows(ConfigException.class, () -> PipelineConfig.parse(YamlLoader.parse(
                "pipeline: p\nstages:\n  - type: tokenize.regex\n    lowercase: true\n", "p.yaml"), null));
        assertTrue(e.getMessage().contains("with: { lowercase:"), e.getMessage());
        assertEquals(4, e.location().line());
        ConfigException text = assertThrows(ConfigException.class, () -> PipelineConfig.parse(YamlLoader.parse(
                "pipeline: p\nstages: [tokenize.regex]\n", "p.yaml"), null));
        assertTrue(text.getMessage().contains("- type: tokenize.regex"), text.getMessage());
    }

    @Test
    void aRelativeInputThatIsMissingNamesWhereItWasLookedFor() throws java.io.IOException {
        Path yaml = dev.nlpipe.core.testing.TempFiles.write(dir.resolve("p.yaml"),
                "pipeline: p\ninput: { path: no/such/corpus.txt, format: text }\nstages: []\noutput: { path: out.jsonl }\n");
        try (dev.nlpipe.core.Pipeline p = dev.nlpipe.core.Pipeline.fromYaml(yaml)) {
            ConfigException e = assertThrows(ConfigException.class, () -> p.run(p.defaultRunOptions(false), null));
            assertTrue(e.getMessage().contains(Path.of("").toAbsolutePath().toString())
                    && e.getMessage().contains("working directory"), e.getMessage());
        }
    }
}
