package dev.nlpipe.cli.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.Durations;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationsAndTriggersTest {

    @Test
    void durationsReadTheShortFormsAndIso() {
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofDays(2), Durations.parse("2d"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofMinutes(10), Durations.parse("PT10M"));
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("0s", Durations.format(Duration.ZERO));
        for (String bad : new String[] {"", "10", "m", "10 minutes", "1.5h", "-5m"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
            assertTrue(e.getMessage().contains("e.g. 30s, 10m"), e.getMessage());
        }
    }

    @Test
    void everyTicksAtStartThenAfterEachIntervalWithoutQueueingMissedTicks() {
        Trigger every = new Trigger.Every(Duration.ofMinutes(10));
        ZonedDateTime start = ZonedDateTime.parse("2025-03-01T10:00:00Z");
        assertEquals(Optional.of(start), every.first(start));
        assertEquals(Optional.of(start.plusMinutes(10)), every.next(start, start.plusMinutes(2)));
        ZonedDateTime late = start.plusMinutes(25);
        assertEquals(Optional.of(late), every.next(start, late), "an overrunning tick is followed at once");
        ZonedDateTime setBack = start.minusHours(1).plusMinutes(3);
        assertEquals(Optional.of(setBack.plusMinutes(10)), every.next(start, setBack),
                "a clock set back an hour during the tick does not postpone the next by that hour");
        assertThrows(IllegalArgumentException.class, () -> new Trigger.Every(Duration.ZERO));
        Trigger once = new Trigger.Once();
        assertEquals(Optional.of(start), once.first(start));
        assertEquals(Optional.empty(), once.next(start, start));
    }

    @Test
    void cronFollowsUnixSyntaxInTheGivenZone() {
        Trigger.Cron cron = Trigger.Cron.parse("30 2 * * mon-fri");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        ZonedDateTime friday = ZonedDateTime.of(2025, 3, 7, 3, 0, 0, 0, shanghai);
        assertEquals(ZonedDateTime.of(2025, 3, 10, 2, 30, 0, 0, shanghai), cron.first(friday).orElseThrow(),
                "after Friday 03:00 the next weekday 02:30 is Monday");
        Trigger.Cron quarter = Trigger.Cron.parse("*/15 * * * *");
        ZonedDateTime t = ZonedDateTime.parse("2025-03-01T10:07:12Z");
        assertEquals(ZonedDateTime.parse("2025-03-01T10:15:00Z"), quarter.next(t, t).orElseThrow());
        assertTrue(quarter.describe().startsWith("cron \"*/15 * * * *\" ("), quarter.describe());
        // 09:00 is read in the zone of the clock: 01:00 UTC is 10:00 in Tokyo, past its 09:00
        ZonedDateTime oneUtc = ZonedDateTime.parse("2025-03-01T01:00:00Z");
        Trigger.Cron nine = Trigger.Cron.parse("0 9 * * *");
        assertEquals(ZonedDateTime.parse("2025-03-01T09:00:00Z"), nine.first(oneUtc).orElseThrow());
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertEquals(ZonedDateTime.of(2025, 3, 2, 9, 0, 0, 0, tokyo), nine.first(oneUtc.withZoneSameInstant(tokyo)).orElseThrow());
        assertEquals(ZonedDateTime.parse("2025-03-02T00:00:00Z"), Trigger.Cron.parse("@daily").first(oneUtc).orElseThrow());
        assertEquals(ZonedDateTime.parse("2025-03-01T02:00:00Z"), Trigger.Cron.parse("@hourly").first(oneUtc).orElseThrow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trigger.Cron.parse("0 0 * *"));
        assertTrue(e.getMessage().contains("Unix syntax: minute hour day-of-month month day-of-week"), e.getMessage());
    }

    @Test
    void aCronExpressionThatNeverMatchesIsRefused() {
        // accepted, it printed "scheduling ..." and exited 0 without a tick
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trigger.Cron.parse("0 0 30 2 *"));
        assertTrue(e.getMessage().contains("never matches"), e.getMessage());
    }

    @Test
    void aCronTimeInASpringForwardGapTicksAtTheFirstInstantAfterIt() {
        // 2026-03-08 in New York: 02:00 EST becomes 03:00 EDT, so 02:30 does not exist that day
        ZoneId ny = ZoneId.of("America/New_York");
        Trigger.Cron cron = Trigger.Cron.parse("30 2 * * *");
        ZonedDateTime before = ZonedDateTime.of(2026, 3, 7, 12, 0, 0, 0, ny);
        ZonedDateTime afterGap = ZonedDateTime.of(2026, 3, 8, 3, 0, 0, 0, ny);
        assertEquals(afterGap, cron.first(before).orElseThrow());
        assertEquals(ZonedDateTime.of(2026, 3, 9, 2, 30, 0, 0, ny), cron.next(afterGap, afterGap.plusSeconds(5)).orElseThrow());
        assertEquals(ZonedDateTime.of(2026, 3, 8, 1, 30, 0, 0, ny), Trigger.Cron.parse("30 1 * * *").first(before).orElseThrow(),
                "a time before the gap is unchanged");
    }

    @Test
    void aCronTimeTheClocksRepeatWhenFallingBackTicksOnceUnlessItsHourIsAWildcard() {
        // 2026-11-01 in New York: 02:00 EDT becomes 01:00 EST, so 01:30 happens twice
        ZoneId ny = ZoneId.of("America/New_York");
        ZonedDateTime firstOccurrence = ZonedDateTime.of(2026, 11, 1, 1, 30, 0, 0, ny).withEarlierOffsetAtOverlap();
        Trigger.Cron daily = Trigger.Cron.parse("30 1 * * *");
        assertEquals(firstOccurrence, daily.first(ZonedDateTime.of(2026, 10, 31, 12, 0, 0, 0, ny)).orElseThrow());
        assertEquals(ZonedDateTime.of(2026, 11, 2, 1, 30, 0, 0, ny), daily.next(firstOccurrence, firstOccurrence.plusSeconds(5)).orElseThrow(),
                "not again at 01:30 standard time");
        Trigger.Cron halfHourly = Trigger.Cron.parse("*/30 * * * *");
        assertEquals(firstOccurrence.withLaterOffsetAtOverlap().minusMinutes(30),
                halfHourly.next(firstOccurrence, firstOccurrence.plusSeconds(5)).orElseThrow(), "a wildcard hour ticks on through the repeat");
    }

    @Test
    void retryBackoffDoublesUpToADay() {
        ScheduleSettings s = new ScheduleSettings(java.nio.file.Path.of("p.yaml"), java.util.List.of(), java.nio.file.Path.of("in"),
                java.nio.file.Path.of("out"), java.nio.file.Path.of("out/s.db"), null, new Trigger.Once(), ZoneId.of("UTC"), 3,
                Duration.ofMinutes(1), false, true, 0, false, Duration.ofSeconds(2));
        assertEquals(Duration.ofMinutes(1), s.backoffAfter(1));
        assertEquals(Duration.ofMinutes(2), s.backoffAfter(2));
        assertEquals(Duration.ofMinutes(4), s.backoffAfter(3));
        assertEquals(Duration.ofDays(1), s.backoffAfter(40));
    }
}
