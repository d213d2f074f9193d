package dev.nlpipe.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.run.OnError;
import dev.nlpipe.core.run.RecordFailedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warnings in the {@link ErrorLog}: counted, the first few kept, out of the errors file; fatal under onError: fail. */
class ErrorLogWarningsTest {
    @TempDir
    Path dir;

    private static BadRecord at(long line) {
        return BadRecord.unreadable("in.bmes", line, "token too long");
    }

    @Test
    void warningsAreCountedApartFromBadRecords() {
        ErrorLog log = new ErrorLog(dir.resolve("out.errors.jsonl"), null, OnError.SKIP);
        for (int i = 1; i <= 8; i++) {
            log.warn(at(i));
        }
        assertEquals(8, log.warnings());
        assertEquals(0, log.count());
    }

    @Test
    void withoutAnErrorsFileOnlyTheFirstHundredBadRecordsArePrintedAndAllAreCounted() {
        // a GBK file read as UTF-8 makes every line a bad record: the terminal gets a hundred and a note, not every one
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ErrorLog log = new ErrorLog(null, new PrintStream(err, true, StandardCharsets.UTF_8), OnError.SKIP);
        for (int i = 1; i <= 5000; i++) {
            log.accept(at(i));
        }
        assertEquals(5000, log.count());
        java.util.List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(ErrorLog.PRINTED + 1, lines.size());
        assertTrue(lines.get(lines.size() - 1).startsWith("bad record: more follow; they are counted, not printed")
                && lines.get(lines.size() - 1).contains("output.errors"), lines.get(lines.size() - 1));
    }

    @Test
    void theFirstFiveWarningsAreKept() {
        ErrorLog log = new ErrorLog(null, null, OnError.SKIP);
        for (int i = 1; i <= 8; i++) {
            log.warn(at(i));
        }
        assertEquals(java.util.List.of(1L, 2L, 3L, 4L, 5L), log.firstWarnings().stream().map(BadRecord::line).toList());
    }

    @Test
    void warningsStayOutOfTheErrorsFile() throws IOException {
        Path errors = dir.resolve("out.errors.jsonl");
        ErrorLog log = new ErrorLog(errors, null, OnError.SKIP);
        log.warn(at(1));
        log.commit();
        assertFalse(Files.exists(errors));
    }

    @Test
    void withoutAnErrorsFileTheFirstFiveArePrintedAsTheyCome() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ErrorLog log = new ErrorLog(null, new PrintStream(buf, true, StandardCharsets.UTF_8), OnError.SKIP);
        for (int i = 1; i <= 8; i++) {
            log.warn(at(i));
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertEquals(5, printed.lines().count());
        assertEquals(1, printed.lines().filter(l -> l.contains("in.bmes:5:")).count());
    }

    @Test
    void theWarningSummaryIsAbsentWithoutWarnings() {
        assertNull(new ErrorLog(null, null, OnError.SKIP).warningSummary());
    }

    @Test
    void theWarningSummaryGivesTheTotal() {
        ErrorLog log = new ErrorLog(null, null, OnError.SKIP);
        for (int i = 1; i <= 12; i++) {
            log.warn(at(i));
        }
        assertNotNull(log.warningSummary());
        assertEquals(true, log.warningSummary().startsWith("12 "), log.warningSummary());
    }

    @Test
    void underOnErrorFailAWarningStopsTheRunAtItsLine() {
        ErrorLog log = new ErrorLog(null, null, OnError.FAIL);
        RecordFailedException e = assertThrows(RecordFailedException.class, () -> log.warn(at(3)));
        assertEquals(3, e.record().line());
        assertEquals("in.bmes", e.record().source());
    }

    @Test
    void underOnErrorFailTheWarningIsWrittenToTheErrorsFile() throws IOException {
        Path errors = dir.resolve("out.errors.jsonl");
        ErrorLog log = new ErrorLog(errors, null, OnError.FAIL);
        assertThrows(RecordFailedException.class, () -> log.warn(at(3)));
        log.commit();
        assertEquals(1, Files.readAllLines(errors).size());
    }
}
