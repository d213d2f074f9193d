package dev.nlpipe.bert.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A made-up two-class sentiment corpus: Chinese and English reviews whose label a key word decides. */
final class SentimentTexts {
    private static final String[] GOOD = {"很好", "满意", "喜欢", "great", "excellent"};
    private static final String[] BAD = {"很差", "失望", "讨厌", "awful", "terrible"};
    private static final String[] FILL = {"房间", "服务", "价格", "位置", "早餐", "the", "room", "was", "and", "staff"};

    private SentimentTexts() {
    }

    /** {@code n} texts with labels {@code pos} / {@code neg}, as {@code label<TAB>text} lines after a header. */
    static Path tsv(Path file, int n, long seed) throws IOException {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>(List.of("label\ttext"));
        for (int i = 0; i < n; i++) {
            boolean pos = r.nextBoolean();
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 3 + r.nextInt(4); w++) {
                sb.append(FILL[r.nextInt(FILL.length)]).append(' ');
            }
            sb.append((pos ? GOOD : BAD)[r.nextInt(GOOD.length)]);
            lines.add((pos ? "pos" : "neg") + "\t" + sb);
        }
        Files.write(file, lines);
        return file;
    }

    /** Every text the corpus can contain a piece of, for the tiny encoder's vocabulary. */
    static List<String> vocabulary() {
        List<String> all = new ArrayList<>();
        all.addAll(List.of(GOOD));
        all.addAll(List.of(BAD));
        all.addAll(List.of(FILL));
        return all;
    }
}
