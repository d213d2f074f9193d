package dev.nlpipe.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LookupCacheTest {

    @Test
    void aWordIsLookedUpOnceWhileThereIsRoomAndEachTimePastIt() {
        AtomicInteger lookups = new AtomicInteger();
        LookupCache cache = new LookupCache(3);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 10; i++) {
                assertEquals(List.of("w" + i), cache.get("w" + i, w -> {
                    lookups.incrementAndGet();
                    return List.of(w);
                }));
            }
        }
        assertEquals(3, cache.size(), "no more words kept than the capacity");
        assertEquals(10 + 7, lookups.get(), "the three kept words are not looked up again");
    }
}
