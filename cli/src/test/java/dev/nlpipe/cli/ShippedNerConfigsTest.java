package dev.nlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.DocumentJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NER training configurations shipped in {@code examples/} load and train as written (stages,
 * features, optimizer), on a few sentences instead of their data sets and with a tiny network.
 */
class ShippedNerConfigsTest {
    @TempDir
    Path dir;

    private static final String BMES = "张 B-PER\n伟 E-PER\n在 O\n北 B-LOC\n京 E-LOC\n工 O\n作 O\n。 O\n\n"
            + "王 B-PER\n芳 E-PER\n去 O\n了 O\n上 B-LOC\n海 E-LOC\n。 O\n\n";
    private static final String CONLL = "-DOCSTART- -X- -X- O\n\n"
            + "John NNP B-NP I-PER\nSmith NNP I-NP I-PER\nvisited VBD B-VP O\nParis NNP B-NP I-LOC\n. . O O\n\n"
            + "Acme NNP B-NP I-ORG\nCorp NNP I-NP I-ORG\nhired VBD B-VP O\nMary NNP B-NP I-PER\n. . O O\n\n";

    @SuppressWarnings("unchecked")
    private Map<String, Object> train(String example, String data, String... extra) throws IOException {
        String name = example.replace(".yaml", "");
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", CliTest.repo().resolve("examples").resolve(example).toString(),
                "--output", out.toString()));
        for (String split : List.of("train", "dev", "test")) {
            args.addAll(List.of("--set", "data." + split + "=" + data));
        }
        for (String s : List.of("train.epochs=1", "train.threads=1", "train.device=cpu")) {
            args.addAll(List.of("--set", s));
        }
        for (String s : extra) {
            args.addAll(List.of("--set", s));
        }
        CliTest.Result r = CliTest.nlpipe(args.toArray(new String[0]));
        assertEquals(0, r.code(), example + ": " + r.err());
        Map<String, Object> metrics = DocumentJson.mapper().readValue(out.resolve("metrics.json").toFile(), Map.class);
        assertTrue(((Map<?, ?>) metrics.get("test")).get("f1") instanceof Number, example + ": metrics.json has test f1");
        return recorded(name, "model");
    }

    /** A section ({@code model}, {@code train}) of the {@code model.json} that {@link #train} wrote for {@code name}. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> recorded(String name, String section) throws IOException {
        return (Map<String, Object>) DocumentJson.mapper().readValue(dir.resolve(name).resolve("model.json").toFile(), Map.class)
                .get(section);
    }

    @Test
    void chineseConfigsTrainAsWritten() throws IOException {
        Path bmes = dir.resolve("tiny.bmes");
        Files.writeString(bmes, BMES);
        Map<String, Object> resume = train("ner-resume.yaml", bmes.toString(), "model.charDim=4", "model.bigramDim=4", "model.hidden=4");
        assertEquals(20, resume.get("segDim"), "the Resume config reads word positions from segment.hanlp");
        assertEquals(0.5, resume.get("unkReplace"), "the default unkReplace trains the unknown vectors");
        Map<String, Object> cluener = train("ner-cluener.yaml", bmes.toString(), "data.format=bmes", "model.charDim=4",
                "model.bigramDim=4", "model.hidden=4");
        cluener.keySet().removeAll(List.of("charDim", "bigramDim"));
        resume.keySet().removeAll(List.of("charDim", "bigramDim"));
        assertEquals(resume, cluener, "the CLUENER config is the Resume config with other data");
        Map<String, Object> msra = train("ner-msra.yaml", bmes.toString(), "model.charDim=4", "model.bigramDim=4", "model.hidden=4");
        assertEquals("char", msra.get("unit"));
        assertEquals(20, msra.get("segDim"), "the MSRA config reads word positions from segment.hanlp");
        assertEquals(2, msra.get("minCount"), "the MSRA config reads bigrams seen once as unknown");
    }

    @Test
    void lexiconConfigsTrainAsWrittenWithHanlpsDictionary() throws IOException {
        Path bmes = dir.resolve("tiny.bmes");
        Files.writeString(bmes, BMES);
        Map<String, Object> lattice = train("ner-lattice-resume.yaml", bmes.toString(), "model.charDim=4", "model.bigramDim=4",
                "model.wordDim=4", "model.hidden=4");
        assertEquals(List.of("hanlp"), lattice.get("lexicon"));
        assertEquals(0.5, lattice.get("unkReplace"), "the lattice tagger trains its unknown vectors by default");
        String[] tinyFlat = {"model.charDim=4", "model.bigramDim=4", "model.wordDim=4", "model.heads=2", "model.headDim=4"};
        Map<String, Object> flat = train("ner-flat-resume.yaml", bmes.toString(), tinyFlat);
        assertEquals(List.of("hanlp"), flat.get("lexicon"));
        assertEquals(0.5, flat.get("unkReplace"), "FLAT trains its unknown vectors by default");

        // the SGD file is the FLAT file with the reference code's layer and training recipe
        Map<String, Object> sgd = train("ner-flat-resume-sgd.yaml", bmes.toString(), tinyFlat);
        assertEquals("reference", sgd.remove("variant"));
        assertEquals("standard", flat.remove("variant"));
        assertEquals(flat, sgd, "only the layer's variant differs in the model section");
        assertEquals(0.999, recorded("ner-flat-resume", "train").get("averageDecay"), "the FLAT file scores and keeps the weights' average");
        Map<String, Object> recipe = recorded("ner-flat-resume-sgd", "train");
        assertEquals(0.0, recipe.get("averageDecay"), "the reference code's recipe has no weight average");
        assertEquals("sgd", recipe.get("optimizer"));
        assertEquals(0.9, recipe.get("momentum"));
        assertEquals(0.0006, recipe.get("lr"));
        assertEquals(10, recipe.get("batchSize"));
        assertEquals(0.1, recipe.get("warmupRatio"));
        assertEquals("constant", recipe.get("schedule"));
    }

    @Test
    void englishConfigTrainsAsWritten() throws IOException {
        Path conll = dir.resolve("tiny.conll");
        Files.writeString(conll, CONLL);
        Map<String, Object> m = train("ner-conll2003.yaml", conll.toString(), "model.wordDim=4", "model.charFilters=4", "model.hidden=4");
        assertEquals("token", m.get("unit"));
        assertEquals(1, m.get("minCount"), "every training word keeps a vector ...");
        assertEquals(0.5, m.get("unkReplace"), "... and unkReplace trains the unknown one");
    }
}
