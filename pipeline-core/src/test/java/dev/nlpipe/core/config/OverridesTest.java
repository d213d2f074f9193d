package dev.nlpipe.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --set KEY=VALUE} on a parsed file: values replace, an empty value removes the key. */
class OverridesTest {
    private static final String FILE = """
            task: pretrain.mlm
            data: { train: reviews.tsv, dev: dev.tsv, format: tsv, textColumn: text_a }
            stages:
              - type: segment.hanlp
                with: { customWords: words.txt }
            model: { encoder: models/bge }
            train: { epochs: 1, lr: 1.0e-4 }
            """;

    private static Object afterSets(String... sets) {
        Node root = YamlLoader.parse(FILE, "t.yaml");
        Overrides.apply(root, List.of(sets));
        return root.toPlain();
    }

    @Test
    void aValueReplacesOrAddsTheKeyWithItsYamlType() {
        var plain = (Map<?, ?>) afterSets("train.epochs=5", "data.format=bmes", "model.maxLength=128");
        assertEquals(5L, ((Map<?, ?>) plain.get("train")).get("epochs"));
        assertEquals("bmes", ((Map<?, ?>) plain.get("data")).get("format"));
        assertEquals(128L, ((Map<?, ?>) plain.get("model")).get("maxLength"));
        plain = (Map<?, ?>) afterSets("data.glob=*.tsv");
        assertEquals("*.tsv", ((Map<?, ?>) plain.get("data")).get("glob"), "a glob is text, not a YAML alias");
        plain = (Map<?, ?>) afterSets("data.train=-", "data.pattern=[A-Za-z]+");
        assertEquals("-", ((Map<?, ?>) plain.get("data")).get("train"), "standard input, not a list of one empty item");
        assertEquals("[A-Za-z]+", ((Map<?, ?>) plain.get("data")).get("pattern"), "a value that is not YAML is its text");
    }

    @Test
    void anEmptyValueRemovesTheKeySoTheSettingTakesItsDefault() {
        var plain = (Map<?, ?>) afterSets("data.format=bmes", "data.textColumn=", "data.dev=");
        assertEquals(Map.of("train", "reviews.tsv", "format", "bmes"), plain.get("data"));

        plain = (Map<?, ?>) afterSets("train=");
        assertEquals(List.of("task", "data", "stages", "model"), List.copyOf(plain.keySet()), "a whole section goes");

        plain = (Map<?, ?>) afterSets("segment.hanlp.customWords=");
        var stage = (Map<?, ?>) ((List<?>) plain.get("stages")).get(0);
        assertEquals(Map.of(), stage.get("with"), "a stage's option goes from its with: map");
    }

    @Test
    void aMisspeltSectionOrStageGetsADidYouMeanOnItsOwnPart() {
        var e = assertThrows(ConfigException.class, () -> afterSets("trian.epochs=3"));
        assertTrue(e.getMessage().contains("did you mean 'train'?"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> afterSets("segment.hanlpp.customWords=[a]"));
        assertTrue(e.getMessage().contains("did you mean 'segment.hanlp'?"), e.getMessage());
    }

    @Test
    void removingWhatIsNotThereIsAnErrorNamingWhatIs() {
        var e = assertThrows(ConfigException.class, () -> afterSets("data.deev="));
        assertEquals("--set data.deev=:1:1: 'deev' is not set, so there is nothing to remove; did you mean 'dev'?"
                + " (set there: train, dev, format, textColumn)", e.getMessage());

        e = assertThrows(ConfigException.class, () -> afterSets("train.schedule.kind="));
        assertTrue(e.getMessage().contains("'schedule' is not set") && e.getMessage().endsWith("(set there: epochs, lr)"), e.getMessage());

        e = assertThrows(ConfigException.class, () -> afterSets("input="));
        assertTrue(e.getMessage().contains("'input' is not set") && e.getMessage().contains("task, data, stages, model, train"),
                e.getMessage());

        e = assertThrows(ConfigException.class, () -> afterSets("segment.hanlp.userWords="));
        assertTrue(e.getMessage().contains("'userWords' is not set") && e.getMessage().endsWith("(set there: customWords)"),
                e.getMessage());
    }

    @Test
    void settingAStageThatSharesItsOptionsThroughAnAliasLeavesTheOthersAlone() {
        Node root = YamlLoader.parse("""
                stages:
                  - id: first
                    type: tokenize.regex
                    with: &common { lowercase: true }
                  - id: second
                    type: tokenize.regex
                    with: *common
                input: &in { format: text }
                output: *in
                """, "t.yaml");
        Overrides.apply(root, List.of("first.lowercase=false", "input.format=jsonl"));
        var plain = (Map<?, ?>) root.toPlain();
        var stages = (List<?>) plain.get("stages");
        assertEquals(Map.of("lowercase", false), ((Map<?, ?>) stages.get(0)).get("with"));
        assertEquals(Map.of("lowercase", true), ((Map<?, ?>) stages.get(1)).get("with"), "the other stage keeps the anchor's value");
        assertEquals(Map.of("format", "jsonl"), plain.get("input"));
        assertEquals(Map.of("format", "text"), plain.get("output"), "a section shared by alias too");
    }

    @Test
    void aTypeOfSeveralStagesIsRefusedUnlessTheKeySaysWhichOne() {
        String two = """
                stages:
                  - type: filter.length
                    with: { minChars: 1 }
                  - id: norm
                    type: normalize.text
                  - type: filter.length
                    with: { minChars: 1000 }
                """;
        Node root = YamlLoader.parse(two, "t.yaml");
        var e = assertThrows(ConfigException.class, () -> Overrides.apply(root, List.of("filter.length.minChars=0")));
        assertTrue(e.getMessage().contains("'filter.length' names 2 stages (stages 1, 3)") && e.getMessage().contains("filter.length#1")
                && e.getMessage().contains("filter.length#2"), e.getMessage());
        Node first = YamlLoader.parse(two, "t.yaml");
        Overrides.apply(first, List.of("filter.length#1.minChars=2"));
        assertEquals(Map.of("minChars", 2L), ((Map<?, ?>) ((List<?>) ((Map<?, ?>) first.toPlain()).get("stages")).get(0)).get("with"),
                "#1 is the first, as the message offers");
        Node again = YamlLoader.parse(two, "t.yaml");
        Overrides.apply(again, List.of("filter.length#2.minChars=0", "normalize.text.lowercase=true"));
        var stages = (List<?>) ((Map<?, ?>) again.toPlain()).get("stages");
        assertEquals(Map.of("minChars", 1L), ((Map<?, ?>) stages.get(0)).get("with"));
        assertEquals(Map.of("minChars", 0L), ((Map<?, ?>) stages.get(2)).get("with"), "#2 is the second stage of the type");
        assertEquals(Map.of("lowercase", true), ((Map<?, ?>) stages.get(1)).get("with"), "a stage with an id is found by its type too");

        // a stage with an id of its own is not numbered: filter.length#2 is the summary's, the third stage here
        Node named = YamlLoader.parse("""
                stages:
                  - { id: first, type: filter.length }
                  - { type: filter.length }
                  - { type: filter.length }
                """, "t.yaml");
        Overrides.apply(named, List.of("filter.length#2.minChars=5"));
        var numbered = (List<?>) ((Map<?, ?>) named.toPlain()).get("stages");
        assertEquals(Map.of("minChars", 5L), ((Map<?, ?>) numbered.get(2)).get("with"));
    }

    @Test
    void theTypeNamesTheOneStageWithoutAnIdBesideOneWithAnId() {
        Node root = YamlLoader.parse("""
                stages:
                  - { id: tok, type: tokenize.regex }
                  - { type: tokenize.regex }
                """, "t.yaml");
        Overrides.apply(root, List.of("tokenize.regex.lowercase=true", "tok.pattern=x"));
        var stages = (List<?>) ((Map<?, ?>) root.toPlain()).get("stages");
        assertEquals(Map.of("pattern", "x"), ((Map<?, ?>) stages.get(0)).get("with"));
        assertEquals(Map.of("lowercase", true), ((Map<?, ?>) stages.get(1)).get("with"), "as the run's summary names it");
    }

    @Test
    void aValueThatIsOtherYamlSyntaxIsTheTextAsTyped() {
        for (String value : List.of("|", ">", "!foo", "in.txt #x", " ", "#x", "a: b")) {
            Node root = YamlLoader.parse("input: { path: a.txt }\n", "t.yaml");
            Overrides.apply(root, List.of("input.quote=" + value));
            assertEquals(value, ((Map<?, ?>) ((Map<?, ?>) root.toPlain()).get("input")).get("quote"), value);
        }
        Node root = YamlLoader.parse("input: { path: a.txt }\n", "t.yaml");
        Overrides.apply(root, List.of("input.n=3", "input.on=yes", "input.list=[1, 2]", "input.map={a: 1}", "input.q='#x'"));
        Map<?, ?> input = (Map<?, ?>) ((Map<?, ?>) root.toPlain()).get("input");
        assertEquals(3L, input.get("n"));
        assertEquals(List.of(1L, 2L), input.get("list"));
        assertEquals(Map.of("a", 1L), input.get("map"));
        assertEquals("#x", input.get("q"), "a quoted text is YAML's");
    }
}
