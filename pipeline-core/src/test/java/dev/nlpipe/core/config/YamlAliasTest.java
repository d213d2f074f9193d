package dev.nlpipe.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YAML anchors and aliases are expanded, within a cap; an undefined alias is an error at the alias. */
class YamlAliasTest {

    @Test
    void anAliasIsExpandedToItsAnchorsValue() {
        Node root = YamlLoader.parse("a: &v [x, y]\nb: *v\n", "t.yaml");
        assertEquals(Map.of("a", List.of("x", "y"), "b", List.of("x", "y")), root.toPlain());
    }

    @Test
    void anAliasToAnAnchoredMapIsExpanded() {
        Node root = YamlLoader.parse("base: &b {lr: 0.1}\ntrain: *b\n", "t.yaml");
        assertEquals(Map.of("lr", 0.1), ((Map<?, ?>) root.toPlain()).get("train"));
    }

    @Test
    void anUndefinedAliasIsRefusedAtItsLocation() {
        ConfigException e = assertThrows(ConfigException.class, () -> YamlLoader.parse("a: 1\nb: *nope\n", "t.yaml"));
        assertEquals(2, e.location().line());
    }

    /** Nested lists of {@code fanOut} aliases to the level below, {@code levels} deep. */
    private static String laughs(int levels, int fanOut) {
        StringBuilder y = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= levels; i++) {
            y.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < fanOut; j++) {
                y.append(j > 0 ? ", " : "").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        return y.toString();
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ConfigException.class, () -> YamlLoader.parse(laughs(9, 9), "laughs.yaml")));
    }

    @Test
    void aFewAliasesThatExpandPastTheCapAreRefusedAtTheAlias() {
        // Few enough aliases for the YAML parser's own alias count; line 6 (a5) passes the cap, as 9 * 8^5 > 100,000.
        ConfigException e = assertThrows(ConfigException.class, () -> YamlLoader.parse(laughs(6, 8), "laughs.yaml"));
        assertEquals(6, e.location().line(), e.getMessage());
    }

    @Test
    void aConfigurationOverTheSizeLimitIsRefusedBeforeParsing() {
        String big = "a: \"" + "x".repeat(YamlLoader.MAX_BYTES) + "\"\n";
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ConfigException.class, () -> YamlLoader.parse(big, "big.yaml")));
    }

    @Test
    void deepNestingIsRefusedWithALineNumber() {
        String deep = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        ConfigException e = assertThrows(ConfigException.class, () -> YamlLoader.parse(deep, "deep.yaml"));
        assertEquals(1, e.location().line());
    }

    @org.junit.jupiter.api.Test
    void aMergeKeyIsRefusedAtItsLineWithTheWayOut() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> YamlLoader.parse(
                "a: &c {lowercase: true}\nb: {<<: *c, punctuation: false}\n", "p.yaml"));
        org.junit.jupiter.api.Assertions.assertEquals(2, e.location().line(), e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("merge keys"), e.getMessage());
    }
}
