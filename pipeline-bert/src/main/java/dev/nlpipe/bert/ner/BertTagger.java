package dev.nlpipe.bert.ner;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Entity;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.Tagger;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.crf.ScoredPath;
import dev.nlpipe.ner.data.ScoredSpan;
import dev.nlpipe.ner.data.SequenceWindows;
import dev.nlpipe.ner.data.TagSet;
import dev.nlpipe.ner.data.Units;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.ShutdownGate;
import dev.nlpipe.nn.bert.PieceWindows;
import dev.nlpipe.nn.bert.UnitLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A fine-tuned BERT tagger as a {@link Tagger}: each sentence's units (characters, or tokens of
 * the tokens layer) are laid out as word pieces ({@link PieceWindows}), run through the encoder
 * in batches of similar lengths, decoded by the CRF, and the tagged spans of units become entities
 * with character offsets into the document's text, each scored with its marginal probability
 * under the CRF (unscored without one). One copy of the weights serves every thread:
 * each call works in its own scope and never moves the weights, and PyTorch runs the operators of
 * several threads on shared, read-only arrays.
 */
final class BertTagger implements Tagger {
    /** The stage named in missing-layer messages. */
    static final String STAGE = "ner";
    private final TagSet tags;
    private final Units units;
    private final PieceWindows windows;
    private final BertTaggerNetwork network;
    private final Device device;
    private final int batchSize;

    BertTagger(TagSet tags, Units units, PieceWindows windows, BertTaggerNetwork network, Device device, int batchSize) {
        this.tags = tags;
        this.units = units;
        this.windows = windows;
        this.network = network;
        this.device = device;
        this.batchSize = batchSize;
    }

    @Override
    public Set<String> types() {
        return tags.types();
    }

    @Override
    public Set<Layer> requires() {
        return units.needTokens() ? Set.of(Layer.TOKENS) : Set.of();
    }

    @Override
    public List<List<Entity>> tag(List<Document> docs) {
        // a long text without sentences is read in windows of units, as by the other taggers: the encoder's windows of pieces
        // bound its own memory, but the states, tag scores and CRF tables of one sequence would grow with the text
        return units.scoredEntities(docs, seqs -> SequenceWindows.decode(seqs, SequenceWindows.RECURRENT_LIMIT,
                s -> windows.layout(s.texts()), layouts -> {
                    List<ScoredPath> decoded = inBatches(network, layouts, batchSize, () -> NeuralEngine.get().newBaseManager(device),
                            (net, batch) -> net.decodeWithScores(batch, tags::decode), new ScoredPath(new int[0], List.of()));
                    List<List<ScoredSpan>> out = new ArrayList<>(layouts.size());
                    for (int i = 0; i < layouts.size(); i++) {
                        UnitLayout layout = layouts.get(i);
                        out.add(decoded.get(i).spans().stream().map(p -> new ScoredSpan(layout.toUnits(p.span()), p.score())).toList());
                    }
                    return out;
                }));
    }

    /** The tagged spans of units of each sentence, in order. */
    static List<List<TagScheme.TokenSpan>> spans(BertTaggerNetwork network, TagSet tags, List<UnitLayout> layouts, int batchSize,
                                                 Supplier<NDManager> scopes) {
        int[][] paths = decode(network, layouts, batchSize, scopes);
        List<List<TagScheme.TokenSpan>> out = new ArrayList<>(layouts.size());
        for (int i = 0; i < layouts.size(); i++) {
            out.add(layouts.get(i).toUnits(tags.decode(paths[i])));
        }
        return out;
    }

    /** The best tag ids of each sentence's positions, in order (empty for a sentence without positions), batched as {@link #inBatches}. */
    static int[][] decode(BertTaggerNetwork network, List<UnitLayout> layouts, int batchSize, Supplier<NDManager> scopes) {
        return inBatches(network, layouts, batchSize, scopes, (net, batch) -> Arrays.asList(net.decode(batch)), new int[0])
                .toArray(new int[0][]);
    }

    /**
     * One result per sentence, in order ({@code empty} for a sentence without positions):
     * sentences sorted by length, cut into batches of at most {@code batchSize} encoder rows (a
     * sentence longer than a window brings several; one of more windows than that is a batch of its
     * own, which the network encodes in passes), each batch in a new scope from {@code scopes}.
     */
    private static <T> List<T> inBatches(BertTaggerNetwork network, List<UnitLayout> layouts, int batchSize, Supplier<NDManager> scopes,
                                         BiFunction<BertTaggerNetwork, TaggerBatch, List<T>> run, T empty) {
        NeuralEngine.noGrad();
        List<T> out = new ArrayList<>(Collections.nCopies(layouts.size(), null));
        Integer[] order = new Integer[layouts.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> layouts.get(i).width()));
        List<Integer> batch = new ArrayList<>();
        int rows = 0;
        for (int k = 0; k <= order.length; k++) {
            UnitLayout next = k < order.length ? layouts.get(order[k]) : null;
            if (next != null && next.length() == 0) {
                out.set(order[k], empty);
                continue;
            }
            if (!batch.isEmpty() && (next == null || rows + next.windows().length > batchSize)) {
                try (ShutdownGate.Registration step = ShutdownGate.global().step(); NDManager scope = scopes.get()) {
                    List<T> results = run.apply(network, TaggerBatch.of(batch.stream().map(layouts::get).toList(), null, scope));
                    for (int i = 0; i < batch.size(); i++) {
                        out.set(batch.get(i), results.get(i));
                    }
                }
                batch.clear();
                rows = 0;
            }
            if (next != null) {
                batch.add(order[k]);
                rows += next.windows().length;
            }
        }
        return out;
    }

    @Override
    public void close() {
        network.params().close();
    }
}
