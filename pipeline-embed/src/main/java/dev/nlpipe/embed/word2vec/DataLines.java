package dev.nlpipe.embed.word2vec;

import dev.nlpipe.core.io.Utf8Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The non-blank lines of an evaluation data file, trimmed (CRLF files too), with their line numbers for error messages. */
final class DataLines {
    private DataLines() {
    }

    /** One line and its 1-based number. */
    record Line(int number, String text) {
    }

    /**
     * @param skipComments whether lines starting with {@code #} are left out
     */
    static List<Line> read(Path file, boolean skipComments) throws IOException {
        List<Line> out = new ArrayList<>();
        try (BufferedReader r = Utf8Text.open(file)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                line = line.strip();
                if (!line.isEmpty() && !(skipComments && line.startsWith("#"))) {
                    out.add(new Line(n, line));
                }
            }
        }
        return out;
    }

    /** A file's name without its extension ({@code wordsim353.tsv} → {@code wordsim353}). */
    static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }
}
