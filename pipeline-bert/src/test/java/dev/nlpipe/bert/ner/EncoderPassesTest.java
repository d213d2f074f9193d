package dev.nlpipe.bert.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.bert.BertConfig;
import dev.nlpipe.nn.bert.PieceWindows;
import dev.nlpipe.nn.bert.PretrainedEncoder;
import dev.nlpipe.nn.bert.TinyEncoder;
import dev.nlpipe.nn.bert.UnitLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One sentence of more windows than an inference pass holds is encoded in several passes, to the same scores. */
class EncoderPassesTest {
    @Test
    void aLongSentencesWindowsScoreTheSameInPassesAsInOne(@TempDir Path dir) throws IOException {
        String sentence = "张伟在北京的华为公司工作。";
        PretrainedEncoder encoder = PretrainedEncoder.load(TinyEncoder.write(dir.resolve("encoder"), List.of(sentence), 1));
        String[] units = sentence.repeat(60).codePoints().mapToObj(Character::toString).toArray(String[]::new);
        UnitLayout layout = new PieceWindows(encoder.tokenizer(), 12).layout(units);
        assertTrue(layout.windows().length > BertTaggerNetwork.ROWS_PER_PASS, layout.windows().length + " windows");
        BertConfig c = encoder.config();
        // no dropout anywhere, so the training pass (one encoder pass, however many windows) computes what inference does
        BertConfig noDropout = new BertConfig(c.vocabSize(), c.hidden(), c.layers(), c.heads(), c.intermediate(), c.maxPositions(),
                c.typeVocabSize(), 0f, 0f, c.layerNormEps(), false);
        try (Params params = new Params(Device.cpu(), false); NDManager scope = NeuralEngine.get().newBaseManager()) {
            BertTaggerNetwork net = BertTaggerNetwork.create(params, noDropout, encoder.weights(), TagScheme.BIO,
                    List.of("O", "B-ORG", "I-ORG"), true, 0, 0f, new Random(3));
            NeuralEngine.noGrad();
            TaggerBatch batch = TaggerBatch.of(List.of(layout), null, scope);
            float[] inPasses = net.emissions(batch, false).toFloatArray();
            float[] inOne = net.emissions(batch, true).toFloatArray();
            assertArrayEquals(inOne, inPasses, 1e-4f);
        }
    }
}
