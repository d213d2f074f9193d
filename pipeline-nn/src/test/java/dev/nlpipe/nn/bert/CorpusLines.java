package dev.nlpipe.nn.bert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Lines of the raw-text corpora for the tokenizer benchmark and parity scripts (never for tests). */
final class CorpusLines {
    private CorpusLines() {
    }

    /** The non-blank lines of the {@code .txt} files of a directory, in file-name order. */
    static List<String> all(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /** {@code n} lines spread evenly over the corpus. */
    static List<String> sample(Path dir, int n) throws IOException {
        List<String> all = all(dir);
        if (all.size() <= n) {
            return all;
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(all.get((int) ((long) i * all.size() / n)));
        }
        return out;
    }

    /** The first lines of the corpus, up to about {@code bytes} bytes of UTF-8. */
    static List<String> head(Path dir, long bytes) throws IOException {
        List<String> out = new ArrayList<>();
        long total = 0;
        for (String line : all(dir)) {
            if (total >= bytes) {
                break;
            }
            out.add(line);
            total += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return out;
    }
}
