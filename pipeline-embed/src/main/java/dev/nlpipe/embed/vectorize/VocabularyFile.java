package dev.nlpipe.embed.vectorize;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vocabulary.tsv} of a vectorizer model: a header row {@code term df cf idf}, then one row
 * per column in column order. Tabs, line breaks and backslashes inside a term (character n-grams
 * have them) are written as {@code \t}, {@code \n}, {@code \r} and {@code \\}.
 */
public final class VocabularyFile {
    /** The file name inside a model directory. */
    public static final String NAME = "vocabulary.tsv";
    private static final String HEADER = "term\tdf\tcf\tidf";

    private VocabularyFile() {
    }

    /** The terms with their counts and idf ({@code null} when the model uses none). */
    public record Content(Vocabulary vocabulary, double[] idf) {
    }

    /** Writes the vocabulary (and idf, when not {@code null}). */
    public static void write(Path file, Vocabulary v, double[] idf) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.size(); i++) {
                sb.setLength(0);
                escape(v.terms()[i], sb);
                sb.append('\t').append(v.df()[i]).append('\t').append(v.cf()[i]).append('\t');
                if (idf != null) {
                    sb.append(idf[i]);
                }
                sb.append('\n');
                w.append(sb);
            }
        }
    }

    /**
     * Reads a vocabulary file.
     *
     * @param documents the corpus size recorded in {@code model.json}
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the line that is malformed
     */
    public static Content read(Path file, long documents, long distinct, boolean fixed) throws IOException {
        List<String> terms = new ArrayList<>();
        PrimitiveLists.Ints dfs = new PrimitiveLists.Ints();
        PrimitiveLists.Longs cfs = new PrimitiveLists.Longs();
        PrimitiveLists.Doubles idfs = new PrimitiveLists.Doubles();
        boolean anyIdf = false;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalArgumentException(file + ":1: expected the header '" + HEADER.replace("\t", "<TAB>") + "'");
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": expected 4 tab-separated fields, found " + f.length);
                }
                try {
                    terms.add(unescape(f[0]));
                    dfs.add(Integer.parseInt(f[1]));
                    cfs.add(Long.parseLong(f[2]));
                    if (!f[3].isEmpty()) {
                        anyIdf = true;
                        idfs.add(Double.parseDouble(f[3]));
                    } else {
                        idfs.add(Double.NaN);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": a count or idf field is not a number");
                }
            }
        }
        return new Content(new Vocabulary(terms.toArray(new String[0]), dfs.toArray(), cfs.toArray(), documents, distinct, fixed),
                anyIdf ? idfs.toArray() : null);
    }

    static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                out.append(switch (e) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
