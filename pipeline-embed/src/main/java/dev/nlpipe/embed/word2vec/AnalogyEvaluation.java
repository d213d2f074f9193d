package dev.nlpipe.embed.word2vec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Word-analogy accuracy in the questions-words format (Google's set, CA8): {@code : section}
 * headers, then lines {@code a b c d} meaning a : b :: c : d. As in the C tool's
 * {@code compute-accuracy} and gensim, only the most frequent {@code restrictVocab} words take
 * part, words match ignoring case, a question with a word outside them is skipped (and counted),
 * and the answer must be the best word other than a, b and c.
 */
public final class AnalogyEvaluation {
    /** How many of the nearest candidates are looked at past other spellings of a question's words (gensim's topn 5). */
    private static final int CANDIDATES = 5;

    /** Words a question may use by default: the 30,000 most frequent, as the C tool's {@code compute-accuracy} demo. */
    public static final int RESTRICT_VOCAB = 30_000;

    private AnalogyEvaluation() {
    }

    /** One section's tally. */
    public record Section(String name, int correct, int answered, int questions) {
        /** Correct answers among answered questions (0 when none was answered). */
        public double accuracy() {
            return answered == 0 ? 0 : correct / (double) answered;
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accuracy", accuracy());
            m.put("correct", correct);
            m.put("answered", answered);
            m.put("questions", questions);
            return m;
        }
    }

    /** The whole evaluation: per section, and overall. */
    public record Result(WordVectors.AnalogyMethod method, int restrictVocab, List<Section> sections) {
        public int correct() {
            return sections.stream().mapToInt(Section::correct).sum();
        }

        public int answered() {
            return sections.stream().mapToInt(Section::answered).sum();
        }

        public int questions() {
            return sections.stream().mapToInt(Section::questions).sum();
        }

        /** Correct answers among all answered questions. */
        public double accuracy() {
            return answered() == 0 ? 0 : correct() / (double) answered();
        }

        /** For JSON: accuracy (0–1), counts and per-section tallies. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", method == WordVectors.AnalogyMethod.ADD ? "3CosAdd" : "3CosMul");
            m.put("restrictVocab", restrictVocab);
            m.put("accuracy", accuracy());
            m.put("correct", correct());
            m.put("answered", answered());
            m.put("questions", questions());
            Map<String, Object> s = new LinkedHashMap<>();
            for (Section sec : sections) {
                s.put(sec.name(), sec.asMap());
            }
            m.put("sections", s);
            return m;
        }
    }

    private record Question(int section, String a, String b, String c, String d) {
    }

    /**
     * Evaluates vectors on analogy files; sections keep file order (a section name repeated in a
     * later file is prefixed with that file's name).
     *
     * @param restrictVocab how many of the most frequent words take part (0 or less = all)
     */
    public static Result evaluate(WordVectors v, List<Path> files, int restrictVocab, WordVectors.AnalogyMethod method) throws IOException {
        List<String> names = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        for (Path f : files) {
            read(f, names, questions);
        }
        int limit = restrictVocab > 0 ? Math.min(restrictVocab, v.size()) : v.size();
        v.unitMatrix();
        int[] outcome = new int[questions.size()];
        IntStream.range(0, questions.size()).parallel().forEach(i -> outcome[i] = answer(v, questions.get(i), limit, method));
        int[] correct = new int[names.size()];
        int[] answered = new int[names.size()];
        int[] total = new int[names.size()];
        for (int i = 0; i < outcome.length; i++) {
            int s = questions.get(i).section();
            total[s]++;
            if (outcome[i] >= 0) {
                answered[s]++;
                correct[s] += outcome[i];
            }
        }
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            sections.add(new Section(names.get(s), correct[s], answered[s], total[s]));
        }
        return new Result(method, limit, sections);
    }

    /**
     * 1 correct, 0 wrong, -1 skipped (a word outside the vocabulary). As gensim's
     * {@code evaluate_word_analogies}: words are their most frequent spelling ignoring case, and the
     * answer is the best of the top {@link #CANDIDATES} that is no spelling of a, b or c.
     */
    private static int answer(WordVectors v, Question q, int limit, WordVectors.AnalogyMethod method) {
        int a = v.lookupAnyCase(q.a(), limit);
        int b = v.lookupAnyCase(q.b(), limit);
        int c = v.lookupAnyCase(q.c(), limit);
        int d = v.lookupAnyCase(q.d(), limit);
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            return -1;
        }
        // a question may repeat a word (x y x y): gensim's ignore set takes it, Set.of would throw
        Set<String> asked = new HashSet<>(List.of(q.a().toUpperCase(Locale.ROOT), q.b().toUpperCase(Locale.ROOT),
                q.c().toUpperCase(Locale.ROOT)));
        for (WordVectors.Neighbor n : v.analogy(a, b, c, method, CANDIDATES, limit)) {
            String predicted = n.word().toUpperCase(Locale.ROOT);
            if (!asked.contains(predicted)) {
                return predicted.equals(q.d().toUpperCase(Locale.ROOT)) ? 1 : 0;
            }
        }
        return 0;
    }

    private static void read(Path file, List<String> names, List<Question> out) throws IOException {
        String prefix = DataLines.baseName(file);
        int section = -1;
        for (DataLines.Line l : DataLines.read(file, false)) {
            String line = l.text();
            if (line.startsWith(":")) {
                String name = line.substring(1).strip();
                names.add(names.contains(name) ? prefix + ":" + name : name);
                section = names.size() - 1;
                continue;
            }
            String[] w = line.split("\\s+");
            if (w.length != 4) {
                throw new IOException(file + ":" + l.number() + ": expected 4 words 'a b c d' or a ': section' header, found '" + line + "'");
            }
            if (section < 0) {
                names.add(prefix);
                section = names.size() - 1;
            }
            out.add(new Question(section, w[0], w[1], w[2], w[3]));
        }
    }
}
