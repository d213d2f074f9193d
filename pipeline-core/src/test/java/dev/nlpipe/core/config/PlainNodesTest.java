package dev.nlpipe.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options given as Java values (the builder's maps) read as the same values written in YAML would. */
class PlainNodesTest {
    private static final List<OptionSpec> SPECS = List.of(OptionSpec.stringList("words", List.of(), "w"),
            OptionSpec.intList("range", List.of(1, 1), "r"), OptionSpec.number("x", 1.0, "x"), OptionSpec.integer("n", 1, "n"),
            OptionSpec.string("s", "", "s"));

    @Test
    void arraysAreLists() {
        // a String[] became its toString ("[Ljava.lang.String;@1460a8c0"), a stop word that never matched
        Options o = Options.of("stage 't'", Map.of("words", new String[] {"北京大学", "的"}, "range", new int[] {1, 2}), SPECS);
        assertEquals(List.of("北京大学", "的"), o.getStringList("words"));
        assertEquals(List.of(1, 2), o.getIntList("range"));
    }

    @Test
    void everyKindOfNumberIsANumber() {
        Options o = Options.of("stage 't'", Map.of("x", new BigDecimal("0.5"), "n", BigInteger.valueOf(7), "s", 'a'), SPECS);
        assertEquals(0.5, o.getDouble("x"));
        assertEquals(7, o.getInt("n"));
        assertEquals("a", o.getString("s"));
        // a number past a long keeps its digits, as YAML keeps it
        Options big = Options.of("stage 't'", Map.of("words", List.of(new BigInteger("12345678901234567890"))), SPECS);
        assertEquals(List.of("12345678901234567890"), big.getStringList("words"));
    }

    @Test
    void aValueNoOptionCouldReadIsRefusedByType() {
        ConfigException e = assertThrows(ConfigException.class, () -> Options.of("stage 't'", Map.of("s", new StringBuilder("x")), SPECS));
        assertTrue(e.getMessage().contains("java.lang.StringBuilder") && e.getMessage().contains("a List or a Map"), e.getMessage());
    }
}
