package dev.nlpipe.ner.flat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.crf.CrfConstraints;
import dev.nlpipe.ner.crf.LinearChainCrf;
import dev.nlpipe.ner.crf.ScoredPath;
import dev.nlpipe.nn.Init;
import dev.nlpipe.nn.Ops;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.TensorFile;
import dev.nlpipe.nn.bert.BertConfig;
import dev.nlpipe.nn.bert.BertEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The FLAT network (Li et al. 2020): character embeddings with their bigrams' (and, for FLAT +
 * BERT, the encoder's state at each character's first word piece) concatenated, dropout and a
 * linear projection to the model width; lexicon-word embeddings, dropout and their own projection;
 * the flat lattice of both (characters first); {@link FlatLayer}s with the relative positions of
 * {@link RelativePositions}; then, at the character positions only, dropout, a linear layer to tag
 * scores and a CRF over the scheme's allowed transitions.
 *
 * <p>Weights: {@code emb.char}, {@code emb.bigram}, {@code emb.word}, with
 * {@code embeddingsVocabulary: all} the fixed rows of the characters and bigrams that only the
 * vectors files know ({@code emb.char.fixed}, {@code emb.bigram.fixed}: {@link Params#createTable}),
 * {@code proj.char.*},
 * {@code proj.word.*}, {@code pos.fuse.*}, {@code layer.N.*}, {@code out.*}, {@code crf.*} and,
 * with an encoder, its weights under {@code bert.} as Hugging Face names them.
 */
final class FlatNetwork {
    static final String ENCODER_PREFIX = "bert.";
    private final FlatSpec spec;
    private final Params params;
    private final BertEncoder encoder;
    private final RelativePositions positions;
    private final List<FlatLayer> layers;
    private final LinearChainCrf crf;
    /** Whether the BERT encoder runs as in inference while FLAT trains ({@code encoderLrScale: 0}). */
    private boolean encoderFixed;

    private FlatNetwork(FlatSpec spec, Params params, BertEncoder encoder, RelativePositions positions, List<FlatLayer> layers,
                        LinearChainCrf crf) {
        this.spec = spec;
        this.params = params;
        this.encoder = encoder;
        this.positions = positions;
        this.layers = layers;
        this.crf = crf;
    }

    /** The sizes of the tables and the encoder a network is created with. */
    record Sizes(int chars, int bigrams, int words, List<String> tags, BertConfig encoder) {
        int charInput(FlatSpec spec) {
            return spec.charDim() + spec.bigramDim() + (encoder == null ? 0 : encoder.hidden());
        }
    }

    /**
     * The starting rows of the embedding tables that do not start random: pretrained character and
     * bigram vectors ({@link CharVectors}) and the lexicon's word vectors; {@code null} for a
     * random table. The character and bigram rows from {@code trainedChars} and
     * {@code trainedBigrams} on (those only the vectors files have, which {@code embeddingsVocabulary:
     * all} appends and no training sentence reads) are kept fixed in tables of their own: trained
     * densely they would get no gradient, so they would not move either, yet every step would update them.
     *
     * @param chars {@code chars x charDim}
     * @param bigrams {@code bigrams x bigramDim}
     * @param words {@code words x wordDim} (row 0 for no word)
     * @param trainedChars the character rows that are trained (all of them without appended ones)
     * @param trainedBigrams the bigram rows that are trained
     */
    record InitialTables(float[] chars, float[] bigrams, float[] words, int trainedChars, int trainedBigrams) {
    }

    /**
     * Creates fresh weights.
     *
     * @param tables the embedding rows to start from where they are not random
     * @param encoderWeights the pretrained encoder's weights (with an encoder), or {@code null}
     */
    static FlatNetwork create(FlatSpec spec, Sizes sizes, InitialTables tables, Map<String, TensorFile.Tensor> encoderWeights,
                              Params params, Random rng) {
        int hidden = spec.hidden();
        params.createTable("emb.char", new Shape(sizes.chars(), spec.charDim()), tables.chars(), tables.trainedChars(), rng);
        if (spec.bigramDim() > 0) {
            params.createTable("emb.bigram", new Shape(sizes.bigrams(), spec.bigramDim()), tables.bigrams(), tables.trainedBigrams(), rng);
        }
        params.createTable("emb.word", new Shape(sizes.words(), spec.wordDim()), tables.words(), sizes.words(), rng);
        BertEncoder encoder = null;
        if (sizes.encoder() != null) {
            encoderWeights.forEach((name, t) -> {
                if (!name.startsWith("pooler.")) {
                    params.put(ENCODER_PREFIX + name, new Shape(t.shape()), t.values());
                }
            });
            encoder = BertEncoder.bind(params, ENCODER_PREFIX, sizes.encoder());
        }
        linear(params, "proj.char", hidden, sizes.charInput(spec), rng);
        linear(params, "proj.word", hidden, spec.wordDim(), rng);
        RelativePositions positions = RelativePositions.create(params, hidden, spec.variant().distances(), rng);
        List<FlatLayer> layers = new ArrayList<>();
        for (int l = 0; l < spec.layers(); l++) {
            layers.add(FlatLayer.create(params, "layer." + l, spec, rng));
        }
        linear(params, "out", sizes.tags().size(), hidden, rng);
        LinearChainCrf crf = new LinearChainCrf(params, "crf", CrfConstraints.of(spec.scheme(), sizes.tags()), rng);
        return new FlatNetwork(spec, params, encoder, positions, layers, crf);
    }

    private static void linear(Params params, String name, int out, int in, Random rng) {
        params.create(name + ".weight", new Shape(out, in), Init.xavierUniform(), rng);
        params.create(name + ".bias", new Shape(out), Init.zeros(), rng);
    }

    /** Binds to existing weights (loaded or copied); {@code encoder} is the encoder's sizes, or {@code null}. */
    static FlatNetwork bind(FlatSpec spec, List<String> tags, BertConfig encoderConfig, Params params) {
        BertEncoder encoder = encoderConfig == null ? null : BertEncoder.bind(params, ENCODER_PREFIX, encoderConfig);
        RelativePositions positions = RelativePositions.bind(params, spec.hidden(), spec.variant().distances());
        List<FlatLayer> layers = new ArrayList<>();
        for (int l = 0; l < spec.layers(); l++) {
            layers.add(FlatLayer.bind(params, "layer." + l, spec));
        }
        long scored = params.get("out.weight").getShape().get(0);
        if (scored != tags.size()) {
            throw new IllegalArgumentException("the output layer scores " + scored + " tags, the tag list has " + tags.size());
        }
        TagScheme scheme = spec.scheme();
        return new FlatNetwork(spec, params, encoder, positions, layers, LinearChainCrf.bind(params, "crf", CrfConstraints.of(scheme, tags)));
    }

    /** Runs the encoder as in inference from now on (no dropout), its weights frozen by the trainer. */
    void encoderFixed() {
        this.encoderFixed = true;
    }

    /** Whether a weight is the pretrained encoder's. */
    static boolean isEncoder(String weight) {
        return weight.startsWith(ENCODER_PREFIX);
    }

    Params params() {
        return params;
    }

    /** Tag scores {@code (B, T, K)} at the character positions. */
    NDArray emissions(FlatBatch batch, boolean training) {
        NDList parts = new NDList(params.embed("emb.char", batch.charIds, training));
        if (batch.bigramIds != null) {
            parts.add(params.embed("emb.bigram", batch.bigramIds, training));
        }
        if (encoder != null) {
            parts.add(encoderFeatures(batch, training));
        }
        NDArray c = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 2);
        c = Ops.linear(Ops.dropout(c, (float) spec.embedDropout(), training), params.get("proj.char.weight"), params.get("proj.char.bias"));
        NDArray w = Ops.dropout(params.embed("emb.word", batch.wordIds, training), (float) spec.lexiconDropout(), training);
        w = Ops.linear(w, params.get("proj.word.weight"), params.get("proj.word.bias"));
        int hidden = spec.hidden();
        NDArray x = Ops.embedding(batch.order, NDArrays.concat(new NDList(c, w), 1).reshape(-1, hidden));
        int longest = 0;
        for (int n : batch.lengths) {
            longest = Math.max(longest, n);
        }
        NDArray r = positions.encode(batch.heads, batch.tails, longest);
        for (FlatLayer layer : layers) {
            x = layer.forward(x, batch.mask, r, training);
        }
        NDArray h = x.get(new NDIndex(":, :" + batch.chars + ", :"));
        h = Ops.dropout(h, (float) spec.outputDropout(), training);
        return Ops.linear(h, params.get("out.weight"), params.get("out.bias"));
    }

    /**
     * The encoder's state at each character's first word piece, {@code (B, T, encoder hidden)}; zeros
     * for a character without a piece and for padding.
     */
    private NDArray encoderFeatures(FlatBatch batch, boolean training) {
        List<int[]> rows = new ArrayList<>();
        int[] firstRow = new int[batch.size()];
        int steps = 1;
        for (int b = 0; b < batch.size(); b++) {
            firstRow[b] = rows.size();
            for (int[] window : batch.lattices.get(b).pieces().windows()) {
                rows.add(window);
                steps = Math.max(steps, window.length);
            }
        }
        NDManager m = batch.charIds.getManager();
        long[] ids = new long[rows.size() * steps];
        int[] lengths = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            int[] row = rows.get(i);
            lengths[i] = row.length;
            for (int j = 0; j < row.length; j++) {
                ids[i * steps + j] = row[j];
            }
        }
        NDArray idArray = m.create(ids, new Shape(rows.size(), steps));
        NDArray h = encoder.forward(idArray, null, lengths, training && !encoderFixed);
        long width = h.getShape().get(2);
        // row 0 of the gathered table is zeros: characters without a piece, and padding
        long[] index = new long[batch.size() * batch.chars];
        for (int b = 0; b < batch.size(); b++) {
            CharPieces p = batch.lattices.get(b).pieces();
            for (int c = 0; c < p.rows().length; c++) {
                if (p.rows()[c] >= 0) {
                    index[b * batch.chars + c] = 1 + (long) (firstRow[b] + p.rows()[c]) * steps + p.columns()[c];
                }
            }
        }
        NDArray table = NDArrays.concat(new NDList(m.zeros(new Shape(1, width), h.getDataType()), h.reshape(-1, width)), 0);
        return Ops.embedding(m.create(index, new Shape(batch.size(), batch.chars)), table);
    }

    /** The mean negative log-likelihood of the batch's gold tags. */
    NDArray loss(FlatBatch batch) {
        return crf.nll(emissions(batch, true), batch.tags, batch.lengths).mean();
    }

    /** The best tag ids per sentence. */
    int[][] decode(FlatBatch batch) {
        return crf.decode(emissions(batch, false), batch.lengths);
    }

    /** The best tag path of each sentence with its entity spans ({@code spansOf} a path) and their marginal probabilities. */
    List<ScoredPath> decodeWithScores(FlatBatch batch, Function<int[], List<TagScheme.TokenSpan>> spansOf) {
        return crf.decodeWithScores(emissions(batch, false), batch.lengths, spansOf);
    }
}
