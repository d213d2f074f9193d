package dev.nlpipe.cli.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a scan takes as inputs. */
class FileScannerTest {
    @TempDir
    Path dir;

    @Test
    void filesWhoseNamesAreNotTextArePassedOverNotMergedIntoOneName() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "fine\n");
        // two GBK names (测试, 数据), as unzipping a zip made on Windows gives: both read as "????.txt" in UTF-8
        touch(in, "\\262\\342\\312\\324.txt");
        touch(in, "\\312\\375\\276\\335.txt");
        FileScanner.Scan scan = new FileScanner(in, null, true, List.of()).scan();
        assertEquals(List.of("a.txt"), scan.files().stream().map(ScannedFile::relative).toList());
        assertEquals(2, scan.badNames().size(), scan.badNames().toString());
    }

    @Test
    void theDirectoriesOfOtherSchedulersOutputsAndStateDatabasesAreNoInputs() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "fine\n");
        Files.createDirectories(in.resolve("tok/sub"));
        Files.writeString(in.resolve("tok/.nlpipe-schedule.lock"), "");
        Files.writeString(in.resolve("tok/sub/a.jsonl"), "{}\n");
        Files.createDirectories(in.resolve("vec"));
        Files.writeString(in.resolve("vec/" + ScheduleSettings.DEFAULT_STATE_NAME), "");
        Files.writeString(in.resolve("vec/a.jsonl"), "{}\n");
        // the input itself may be another scheduler's output, read by this one
        Files.writeString(in.resolve(".nlpipe-schedule.lock"), "");
        FileScanner.Scan scan = new FileScanner(in, null, true, List.of()).scan();
        assertEquals(List.of("a.txt"), scan.files().stream().map(ScannedFile::relative).toList());
    }

    private static void touch(Path dir, String octalName) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", "printf x > \"$(printf '" + octalName + "')\"").directory(dir.toFile())
                .redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
    }
}
