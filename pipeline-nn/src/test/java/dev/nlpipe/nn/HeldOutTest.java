package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeldOutTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 10).boxed().toList();

    @Test
    void theSeedDrawsTheHeldOutItemsAndBothPartsKeepTheirOrder() {
        HeldOut<Integer> split = HeldOut.of(ITEMS, 0.3, new Random(1));
        // the draw the NER, MLM and BERT classification trainers have always made: the first items of a seeded shuffle
        List<Integer> order = new ArrayList<>(ITEMS);
        Collections.shuffle(order, new Random(1));
        assertEquals(order.subList(0, 3).stream().sorted().toList(), split.dev());
        assertEquals(ITEMS.stream().filter(i -> !split.dev().contains(i)).toList(), split.train());
        assertEquals(split, HeldOut.of(ITEMS, 0.3, new Random(1)));
    }

    @Test
    void theShareIsRoundedAndZeroHoldsNothingOut() {
        assertEquals(2, HeldOut.of(ITEMS, 0.15, new Random(3)).dev().size(), "1.5 rounds up");
        assertEquals(ITEMS, HeldOut.of(ITEMS, 0.0, new Random(3)).train());
    }

    @Test
    void theSettingsGiveTheShareAndTheSeedAndTheLogSaysWhatWasHeldOut() {
        TrainSettings settings = TrainSettings.from(Options.of("train", Map.of("devFraction", 0.2, "seed", 9), TrainSettings.options()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HeldOut<Integer> split = HeldOut.of(ITEMS, settings, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(HeldOut.of(ITEMS, 0.2, Seeds.random(9, "dev-split")), split);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("holding out 2 of the training documents as dev data (devFraction 0.2)"),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aShareThatRoundsToNothingIsReported() {
        TrainSettings settings = TrainSettings.from(Options.of("train", Map.of("devFraction", 0.01), TrainSettings.options()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HeldOut<Integer> split = HeldOut.of(ITEMS, settings, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(List.of(), split.dev());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("devFraction 0.01 of 10 training documents holds out none"),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aShareThatRoundsToEveryItemIsRefusedNamingTheOption() {
        TrainSettings settings = TrainSettings.from(Options.of("train", Map.of("devFraction", 0.9), TrainSettings.options()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeldOut.of(List.of(1, 2, 3), settings, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("train.devFraction 0.9 holds out all 3 training documents"), e.getMessage());
    }
}
