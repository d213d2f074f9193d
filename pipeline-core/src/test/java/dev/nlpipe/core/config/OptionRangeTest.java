package dev.nlpipe.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.testing.TempFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numeric options outside their range are refused at load, located at the value. */
class OptionRangeTest {
    @TempDir
    Path dir;

    private Path pipeline(String extra, String inputExtra) {
        return TempFiles.write(dir.resolve("p.yaml"), "pipeline: t\ninput: { path: in.txt, format: text" + inputExtra + " }\n"
                + "stages: []\n" + extra);
    }

    @ParameterizedTest
    @ValueSource(strings = {"threads: -5", "threads: 0", "threads: 50000", "batchSize: 0", "batchSize: 2147483647"})
    void aNonsenseRunSettingIsRefusedAtItsLine(String setting) {
        ConfigException e = assertThrows(ConfigException.class, () -> PipelineConfig.load(pipeline(setting + "\n", ""), List.of()));
        assertEquals(4, e.location().line(), e.getMessage());
    }

    @Test
    void aNegativeMaxLineLengthIsRefusedAtItsColumn() {
        ConfigException e = assertThrows(ConfigException.class, () -> PipelineConfig.load(pipeline("", ", maxLineLength: -1"), List.of()));
        assertEquals(2, e.location().line());
        assertEquals(53, e.location().column(), e.getMessage());
    }

    @Test
    void aNegativeTokenColumnIsRefusedWhenTheInputIsChecked() {
        // it failed mid-run with an array index error (exit 3) instead
        var reader = dev.nlpipe.core.stage.Components.get().readers().find("conll");
        Node.MapNode given = (Node.MapNode) YamlLoader.parse("tokenColumn: -1\n", "x.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> Options.validate("input format 'conll'", given, Location.NONE,
                reader.options()));
        assertTrue(e.getMessage().contains("tokenColumn"), e.getMessage());
    }

    @Test
    void theDefaultsNeedNotLieInTheRange() {
        PipelineConfig c = PipelineConfig.load(pipeline("", ""), List.of());
        assertEquals(0, c.threads());
    }

    @Test
    void eachListItemIsChecked() {
        List<OptionSpec> specs = List.of(OptionSpec.intList("range", List.of(1, 1), "a range").between(1, 32));
        Node.MapNode given = (Node.MapNode) YamlLoader.parse("range: [1, 2147483647]\n", "x.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> Options.validate("test", given, Location.NONE, specs));
        assertEquals(12, e.location().column(), e.getMessage());
    }

    @Test
    void aWholeNumberTooLargeForAnIntegerNamesTheRange() {
        ConfigException e = assertThrows(ConfigException.class, () -> PipelineConfig.load(pipeline("batchSize: 3000000000\n", ""), List.of()));
        assertTrue(e.getMessage().contains("between 1 and") && e.getMessage().contains("3000000000"), e.getMessage());
        List<OptionSpec> specs = List.of(OptionSpec.integer("n", 1, "a count"), OptionSpec.stringList("words", List.of(), "words"));
        Node.MapNode given = (Node.MapNode) YamlLoader.parse("n: 12345678901234567890\nwords: [12345678901234567890]\n", "x.yaml");
        ConfigException big = assertThrows(ConfigException.class, () -> Options.validate("test", given, Location.NONE, specs));
        assertTrue(big.getMessage().contains("between -2147483648 and 2147483647"), big.getMessage());
        Node.MapNode words = (Node.MapNode) YamlLoader.parse("words: [12345678901234567890]\n", "x.yaml");
        assertEquals(List.of("12345678901234567890"), Options.validate("test", words, Location.NONE, specs).getStringList("words"));
    }

    @Test
    void aTextOptionGetsTheTextAsWrittenNotWhatYamlReadsInIt() {
        List<OptionSpec> specs = List.of(OptionSpec.stringList("stopWords", List.of(), "words"), OptionSpec.string("version", null, "v"),
                OptionSpec.bool("lowercase", false, "b"));
        Node.MapNode given = (Node.MapNode) YamlLoader.parse("stopWords: [the, on, off, no, yes, 010]\nversion: 1.10\nlowercase: yes\n",
                "x.yaml");
        Options o = Options.validate("test", given, Location.NONE, specs);
        assertEquals(List.of("the", "on", "off", "no", "yes", "010"), o.getStringList("stopWords"));
        assertEquals("1.10", o.getString("version"));
        assertTrue(o.getBoolean("lowercase"), "a boolean option still reads yes as true");
        // recorded as plain values (a model's model.json, a Spark job's stages) and read again: the same words and boolean
        Node.MapNode again = (Node.MapNode) PlainNodes.toNode(given.toPlain(), Location.NONE);
        Options o2 = Options.validate("test", again, Location.NONE, specs);
        assertEquals(List.of("the", "on", "off", "no", "yes", "010"), o2.getStringList("stopWords"));
        assertTrue(o2.getBoolean("lowercase"));
        List<OptionSpec> count = List.of(OptionSpec.integer("n", 1, "a count"));
        Node.MapNode ten = (Node.MapNode) YamlLoader.parse("n: 010\n", "x.yaml");
        assertEquals(10, Options.validate("test", ten, Location.NONE, count).getInt("n"), "ten, not YAML 1.1's octal 8");
        assertEquals(10, Options.validate("test", (Node.MapNode) PlainNodes.toNode(ten.toPlain(), Location.NONE), Location.NONE, count)
                .getInt("n"));
        List<OptionSpec> choice = List.of(OptionSpec.choice("stripAccents", "auto", "accents", "auto", "true", "false"));
        Node.MapNode no = (Node.MapNode) YamlLoader.parse("stripAccents: no\n", "x.yaml");
        assertEquals("false", Options.validate("test", no, Location.NONE, choice).getString("stripAccents"), "a choice of true or false");
        assertEquals("false", Options.validate("test", (Node.MapNode) PlainNodes.toNode(no.toPlain(), Location.NONE), Location.NONE, choice)
                .getString("stripAccents"));
    }

    @Test
    void aNumberKeptAsItsTextReadsAsYamlReadItInTheFile() {
        // model.json keeps 65_536 or 0x10 as written (a text option must not become 65536): loading the model reads it back
        List<OptionSpec> specs = List.of(OptionSpec.integer("n", 1, "n"), OptionSpec.number("x", 1.0, "x"));
        Options o = Options.of("stage 't'", java.util.Map.of("n", "65_536", "x", "1_000.5"), specs);
        assertEquals(65_536, o.getInt("n"));
        assertEquals(1000.5, o.getDouble("x"));
        assertEquals(16, Options.of("stage 't'", java.util.Map.of("n", "0x10"), specs).getInt("n"));
        assertEquals(-5, Options.of("stage 't'", java.util.Map.of("n", "-0b101"), specs).getInt("n"));
        assertEquals(10, Options.of("stage 't'", java.util.Map.of("n", "010"), specs).getInt("n"), "a leading zero is decimal");
        assertThrows(ConfigException.class, () -> Options.of("stage 't'", java.util.Map.of("n", "ten"), specs));
        assertThrows(ConfigException.class, () -> Options.of("stage 't'", java.util.Map.of("n", "0x"), specs));
    }

    @Test
    void yamlsInfinityAndNanAreNumbersAndATextOptionKeepsTheirText() {
        Node.MapNode m = (Node.MapNode) YamlLoader.parse("a: .inf\nb: -.Inf\nc: .NaN\nd: 1.5\nname: .inf\n", "t.yaml");
        assertEquals(Double.POSITIVE_INFINITY, ((Node.ScalarNode) m.get("a")).value());
        assertEquals(Double.NEGATIVE_INFINITY, ((Node.ScalarNode) m.get("b")).value());
        assertTrue(Double.isNaN((Double) ((Node.ScalarNode) m.get("c")).value()));
        assertEquals(1.5, ((Node.ScalarNode) m.get("d")).value());
        Options o = Options.validate("t", (Node.MapNode) YamlLoader.parse("name: .inf\n", "t.yaml"), Location.NONE,
                List.of(OptionSpec.string("name", null, "a text")));
        assertEquals(".inf", o.getString("name"));
    }

    @Test
    void nanAndInfinitiesAreNoNumberOptionsValue() {
        // a C, tolerance or dropout of NaN trained a model predicting one label for everything
        List<OptionSpec> specs = List.of(OptionSpec.number("c", 1.0, "c"), new OptionSpec("split", OptionType.NUMBER_LIST, List.of(0.8, 0.2), "s", false, List.of()));
        for (String text : List.of("c: .nan", "c: .inf", "c: -.Inf", "split: [.NaN, 0.5]")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> Options.validate("t", (Node.MapNode) YamlLoader.parse(text + "\n", "t.yaml"), Location.NONE, specs), text);
            assertTrue(e.getMessage().contains("must be a finite number") && e.getMessage().contains("t.yaml:1"), e.getMessage());
        }
        // --set and model.json give the value as text: Java's own spellings too
        for (String text : List.of(".nan", "NaN", "Infinity", "-Infinity", ".inf")) {
            assertThrows(ConfigException.class, () -> Options.of("stage 't'", java.util.Map.of("c", text), specs), text);
        }
        assertEquals(2.5, Options.of("stage 't'", java.util.Map.of("c", "2.5"), specs).getDouble("c"));
    }
}
