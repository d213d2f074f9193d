package dev.nlpipe.ner.bilstm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Pretrained-vector files for the taggers' tests. */
public final class VectorFiles {
    private VectorFiles() {
    }

    /** A seeded random vector for every character of {@link SyntheticCorpus}. */
    public static Map<String, float[]> characterVectors(int dim) {
        Map<String, float[]> v = new LinkedHashMap<>();
        Random r = new Random(5);
        for (String c : SyntheticCorpus.chineseCharacters()) {
            float[] x = new float[dim];
            for (int i = 0; i < dim; i++) {
                x[i] = (float) r.nextGaussian();
            }
            v.putIfAbsent(c, x);
        }
        return v;
    }

    /** Writes {@code vectors} in word2vec's text format, with its {@code count dim} line. */
    public static Path writeText(Path file, Map<String, float[]> vectors) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(vectors.size()).append(' ').append(vectors.values().iterator().next().length).append('\n');
        vectors.forEach((w, v) -> {
            sb.append(w);
            for (float x : v) {
                sb.append(' ').append(x);
            }
            sb.append('\n');
        });
        return Files.writeString(file, sb);
    }
}
