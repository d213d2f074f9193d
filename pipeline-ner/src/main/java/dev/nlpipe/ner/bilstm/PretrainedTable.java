package dev.nlpipe.ner.bilstm;

import dev.nlpipe.core.nn.Init;
import dev.nlpipe.core.nn.Seeds;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;

/** The initial unit-embedding table with the rows of pretrained vectors filled in. */
final class PretrainedTable {
    private PretrainedTable() {
    }

    /**
     * Reads {@code spec.embeddings()}: the vectors of the featurizer's units, or all of them when
     * {@code embeddingsVocabulary: all}.
     */
    static WordVectors.Loaded read(NerSpec spec, Featurizer f) throws IOException {
        WordVectors.Loaded vectors = WordVectors.read(spec.embeddings(), spec.embeddingsFormat(), w -> Featurizer.key(spec, w),
                spec.allPretrainedUnits() ? w -> true : f.units::contains);
        if (vectors.dim() != spec.unitDim()) {
            String option = spec.tokenUnits() ? "wordDim" : "charDim";
            throw new IllegalArgumentException("the pretrained vectors in " + spec.embeddings() + " have " + vectors.dim()
                    + " dimensions, but " + option + " is " + spec.unitDim() + "; set model." + option + ": " + vectors.dim());
        }
        return vectors;
    }

    /** The {@code vocab x unitDim} table: seeded random rows, overwritten by the pretrained vectors found. */
    static float[] build(NerSpec spec, Featurizer f, WordVectors.Loaded vectors, long seed, PrintStream log) {
        int dim = spec.unitDim();
        float[] table = new float[f.units.size() * dim];
        Random rng = Seeds.random(seed, "pretrained");
        Init.embedding().fill(table, new long[] {f.units.size(), dim}, rng);
        int found = 0;
        for (int id = 2; id < f.units.size(); id++) {
            float[] v = vectors.vectors().get(f.units.get(id));
            if (v != null) {
                System.arraycopy(v, 0, table, id * dim, dim);
                found++;
            }
        }
        log.printf(Locale.ROOT, "pretrained vectors: %,d of %,d %ss found in %s (%,d vectors, %d dimensions)%s%n", found,
                f.units.size() - 2, spec.unit(), spec.embeddings(), vectors.read(), dim,
                spec.freezeEmbeddings() ? ", frozen" : ", fine-tuned");
        return table;
    }
}
