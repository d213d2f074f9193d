package dev.nlpipe.cli.schedule;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.nlpipe.core.config.Durations;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** When ticks happen: once, at a fixed interval, or on a cron schedule. */
public sealed interface Trigger {

    /** When the first tick runs, given the start time; empty for never. */
    Optional<ZonedDateTime> first(ZonedDateTime start);

    /** When the tick after one that started at {@code tickStart} runs, asked at {@code now} (after it ended); empty for never. */
    Optional<ZonedDateTime> next(ZonedDateTime tickStart, ZonedDateTime now);

    /** For logs: {@code once}, {@code every 10m}, {@code cron "0 * * * *" (every hour)}. */
    String describe();

    /** Name recorded with each run in the state database. */
    String kind();

    /** One tick, now. */
    record Once() implements Trigger {
        @Override
        public Optional<ZonedDateTime> first(ZonedDateTime start) {
            return Optional.of(start);
        }

        @Override
        public Optional<ZonedDateTime> next(ZonedDateTime tickStart, ZonedDateTime now) {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "once";
        }

        @Override
        public String kind() {
            return "once";
        }
    }

    /**
     * A tick at start, then one every {@code interval} measured from the start of the previous
     * tick; a tick that overruns is followed at once by the next (missed ticks are not queued).
     * The next tick is never more than one interval away: a system clock set back during a tick
     * (NTP, a wrong time corrected) would otherwise postpone it by the step.
     */
    record Every(Duration interval) implements Trigger {
        public Every {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("--every must be longer than zero, not " + Durations.format(interval));
            }
        }

        @Override
        public Optional<ZonedDateTime> first(ZonedDateTime start) {
            return Optional.of(start);
        }

        @Override
        public Optional<ZonedDateTime> next(ZonedDateTime tickStart, ZonedDateTime now) {
            ZonedDateTime due = tickStart.plus(interval);
            if (due.isBefore(now)) {
                return Optional.of(now);
            }
            ZonedDateTime latest = now.plus(interval);
            return Optional.of(due.isAfter(latest) ? latest : due);
        }

        @Override
        public String describe() {
            return "every " + Durations.format(interval);
        }

        @Override
        public String kind() {
            return "every";
        }
    }

    /**
     * Ticks at the times a Unix cron expression matches, in the time zone of the times given; the
     * first at the first match after start. Matches missed while a tick runs are skipped.
     *
     * @param expression the expression as written
     * @param time its evaluator
     * @param description a plain-English reading of it
     * @param everyHour whether its hour field is a wildcard, so it keeps ticking through an hour the clocks repeat
     */
    record Cron(String expression, ExecutionTime time, String description, boolean everyHour) implements Trigger {
        /** crontab(5)'s nicknames, which cron-utils' Unix definition does not read. */
        private static final Map<String, String> NICKNAMES = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
                "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");

        /**
         * Parses a Unix cron expression (minute hour day-of-month month day-of-week, with
         * {@code * , - /} and names), e.g. {@code "*}{@code /15 * * * *"} or {@code "0 2 * * mon-fri"},
         * or a nickname ({@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly}, {@code @yearly}).
         *
         * @throws IllegalArgumentException naming what is wrong
         */
        public static Cron parse(String expression) {
            CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
            String expanded = NICKNAMES.getOrDefault(expression.trim().toLowerCase(Locale.ROOT), expression.trim());
            com.cronutils.model.Cron cron;
            try {
                cron = parser.parse(expanded).validate();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid cron expression '" + expression + "': " + e.getMessage()
                        + " (Unix syntax: minute hour day-of-month month day-of-week, e.g. \"*/15 * * * *\" or \"0 2 * * mon-fri\")", e);
            }
            String description;
            try {
                description = CronDescriptor.instance(Locale.ENGLISH).describe(cron);
            } catch (RuntimeException e) {
                description = expression;
            }
            ExecutionTime time = ExecutionTime.forCron(cron);
            String[] fields = expanded.split("\\s+");
            boolean everyHour = fields.length > 1 && fields[1].startsWith("*");
            if (time.nextExecution(ZonedDateTime.now(ZoneOffset.UTC)).isEmpty()) {
                // accepted, it would print "scheduling ..." and wait for ever without a tick
                throw new IllegalArgumentException("the cron expression '" + expression + "' never matches: no date has all its"
                        + " fields (a day the month lacks, such as \"0 0 30 2 *\" for February 30th); check day-of-month and month");
            }
            return new Cron(expression.trim(), time, description, everyHour);
        }

        @Override
        public Optional<ZonedDateTime> first(ZonedDateTime start) {
            return after(start);
        }

        @Override
        public Optional<ZonedDateTime> next(ZonedDateTime tickStart, ZonedDateTime now) {
            return after(now);
        }

        /**
         * The first match after {@code t}. A match that a spring-forward gap skips (02:30 on the night
         * the clocks go from 02:00 to 03:00) ticks at the first instant after the gap, as cronie runs
         * such jobs, instead of not at all that day; several matches in one gap give one tick. A time
         * the clocks repeat when they fall back (01:30 twice) ticks once, at its first occurrence, unless
         * the hour field is a wildcard ({@code *}{@code /15 * * * *}, {@code @hourly}), which keeps
         * ticking through the repeated hour: cronie's rule for fixed-time and wildcard jobs.
         */
        private Optional<ZonedDateTime> after(ZonedDateTime t) {
            Optional<ZonedDateTime> next = time.nextExecution(t);
            while (next.isPresent() && !everyHour && !next.get().equals(next.get().withEarlierOffsetAtOverlap())) {
                next = time.nextExecution(next.get()); // the repeat of a wall-clock time that already ticked
            }
            if (next.isEmpty()) {
                return next;
            }
            ZoneRules rules = t.getZone().getRules();
            for (ZoneOffsetTransition tr = rules.nextTransition(t.toInstant()); tr != null && !tr.getInstant().isAfter(
                    next.get().toInstant()); tr = rules.nextTransition(tr.getInstant())) {
                if (tr.isGap() && matchesIn(tr.getDateTimeBefore(), tr.getDateTimeAfter())) {
                    return Optional.of(tr.getInstant().atZone(t.getZone()));
                }
            }
            return next;
        }

        /** Whether the expression matches a wall-clock time in [from, to), read where every local time exists. */
        private boolean matchesIn(LocalDateTime from, LocalDateTime to) {
            Optional<ZonedDateTime> match = time.nextExecution(from.minusSeconds(1).atZone(ZoneOffset.UTC));
            return match.isPresent() && match.get().toLocalDateTime().isBefore(to);
        }

        @Override
        public String describe() {
            return "cron \"" + expression + "\" (" + description + ")";
        }

        @Override
        public String kind() {
            return "cron";
        }
    }
}
