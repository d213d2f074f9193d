package dev.nlpipe.nn.bert;

import ai.djl.Device;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.nn.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A tiny randomly initialized BERT encoder (2 layers, hidden 32) written as an {@code encoder.bert}
 * model directory, for the training paths' tests: fast to train, and its vocabulary holds the
 * characters and words of the tests' texts.
 */
public final class TinyEncoder {
    /** The sizes: 2 layers, hidden 32, 4 heads, feed-forward 64, 64 positions. */
    public static BertConfig config(int vocab) {
        return new BertConfig(vocab, 32, 2, 4, 64, 64, 2, 0.1f, 0.1f, 1e-12, false);
    }

    /** {@link #write(Path, List, long)} with BERT's pooler (dense + tanh on [CLS]) among the weights. */
    public static Path writeWithPooler(Path dir, List<String> texts, long seed) throws IOException {
        return write(dir, texts, List.of(), seed, true);
    }

    private TinyEncoder() {
    }

    /**
     * Writes the encoder into {@code dir}: its vocabulary is BERT's special tokens, then every
     * character of {@code texts} (CJK characters stand alone after BERT's normalization), then
     * their lower-cased words.
     */
    public static Path write(Path dir, List<String> texts, long seed) throws IOException {
        return write(dir, texts, List.of(), seed);
    }

    /** The same, with {@code pieces} added to the vocabulary as they are (e.g. sub-words such as {@code ##son}). */
    public static Path write(Path dir, List<String> texts, List<String> extra, long seed) throws IOException {
        return write(dir, texts, extra, seed, false);
    }

    private static Path write(Path dir, List<String> texts, List<String> extra, long seed, boolean pooler) throws IOException {
        Set<String> pieces = new LinkedHashSet<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        pieces.addAll(extra);
        for (String t : texts) {
            t.codePoints().filter(cp -> !Character.isWhitespace(cp)).forEach(cp -> pieces.add(Character.toString(cp).toLowerCase()));
            for (String w : t.toLowerCase().split("[\\s\\p{Punct}]+")) {
                if (!w.isEmpty() && w.codePoints().noneMatch(Character::isIdeographic)) {
                    pieces.add(w);
                }
            }
        }
        List<String> vocab = new ArrayList<>(pieces);
        BertConfig config = config(vocab.size()).withPooler(pooler);
        Files.createDirectories(dir);
        try (Params p = new Params(Device.cpu(), false)) {
            new BertEncoder(p, "", config, new Random(seed));
            PretrainedEncoder.writeWeights(dir, config, p.snapshot());
        }
        BertTokenizer.of(WordPieceVocabulary.of(vocab), BertNormalization.uncased()).save(dir);
        ModelMeta meta = ModelMeta.create(PretrainedEncoder.KIND, PretrainedEncoder.FORMAT);
        meta.put("source", java.util.Map.of("kind", "test"));
        ModelDir.writeMeta(dir, meta);
        return dir;
    }
}
