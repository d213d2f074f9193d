package dev.nlpipe.bert.mlm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A made-up raw-text corpus with structure a tiny encoder learns in a few epochs: Chinese sentences of
 * space-separated words (subject, verb, object) and English ones, a few per line.
 */
final class MlmTexts {
    private static final String[] SUBJECTS = {"我们", "他们", "学生", "老师"};
    private static final String[] VERBS = {"喜欢", "学习", "研究", "讨论"};
    private static final String[] OBJECTS = {"北京大学", "数学", "音乐", "历史", "天气预报"};
    private static final String[] ENGLISH = {"the cat sat on the mat", "students like music", "we study history",
        "the weather is nice"};

    private MlmTexts() {
    }

    /** {@code n} lines of one to three sentences. */
    static Path write(Path file, int n, long seed) throws IOException {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int s = 0; s < 1 + r.nextInt(3); s++) {
                if (r.nextInt(4) == 0) {
                    sb.append(ENGLISH[r.nextInt(ENGLISH.length)]).append(" . ");
                } else {
                    sb.append(SUBJECTS[r.nextInt(SUBJECTS.length)]).append(' ').append(VERBS[r.nextInt(VERBS.length)]).append(' ')
                            .append(OBJECTS[r.nextInt(OBJECTS.length)]).append(" 。 ");
                }
            }
            lines.add(sb.toString().trim());
        }
        Files.write(file, lines);
        return file;
    }

    /** Every word the corpus can contain, for the tiny encoder's vocabulary. */
    static List<String> vocabulary() {
        List<String> all = new ArrayList<>(List.of(SUBJECTS));
        all.addAll(List.of(VERBS));
        all.addAll(List.of(OBJECTS));
        all.addAll(List.of(ENGLISH));
        all.add(". 。 很好 失望 good bad");
        return all;
    }
}
