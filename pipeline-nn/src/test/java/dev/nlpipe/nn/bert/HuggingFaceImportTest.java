package dev.nlpipe.nn.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.core.model.ModelManifest;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.SafeTensorsFile;
import dev.nlpipe.nn.TensorFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hugging Face model directories made by the test: a tiny random BertForSequenceClassification checkpoint. */
class HuggingFaceImportTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    @TempDir
    Path dir;

    private static final BertConfig TINY = new BertConfig(20, 8, 2, 2, 16, 12, 2, 0.1f, 0.1f, 1e-12, true);

    /** The weights of a task checkpoint: {@code bert.} prefix, old LayerNorm names, a classifier head, a position-ids buffer. */
    private Map<String, TensorFile.Tensor> checkpoint() {
        Map<String, TensorFile.Tensor> out = new LinkedHashMap<>();
        try (Params p = new Params(Device.cpu(), false)) {
            new BertEncoder(p, "", TINY, new Random(3));
            p.snapshot().forEach((name, t) -> out.put("bert." + name.replace("LayerNorm.weight", "LayerNorm.gamma")
                    .replace("LayerNorm.bias", "LayerNorm.beta"), t));
        }
        out.put("bert.embeddings.position_ids", new TensorFile.Tensor(new long[] {1, 12}, new float[12]));
        out.put("classifier.weight", new TensorFile.Tensor(new long[] {2, 8}, new float[16]));
        return out;
    }

    /** A BERT vocab.txt of {@code n} pieces: the five special tokens, then w5, w6, ... */
    private static List<String> vocab(int n) {
        return IntStream.range(0, n).mapToObj(i -> i < 5 ? List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]").get(i) : "w" + i).toList();
    }

    private Path huggingFaceDir(boolean safetensors) throws IOException {
        Path hf = Files.createDirectories(dir.resolve("hf"));
        ModelDir.writeJson(hf.resolve("config.json"), TINY.toHuggingFace());
        if (safetensors) {
            SafeTensorsFile.write(hf.resolve("model.safetensors"), checkpoint());
        } else {
            Files.writeString(hf.resolve("pytorch_model.bin"), "not read");
        }
        Files.write(hf.resolve("vocab.txt"), vocab(20));
        Files.writeString(hf.resolve("tokenizer_config.json"), "{\"do_lower_case\": false}");
        return hf;
    }

    /** {@link #huggingFaceDir} with line {@code id} of its vocab.txt replaced by {@code piece}. */
    private Path huggingFaceDirWithPiece(int id, String piece) throws IOException {
        Path hf = huggingFaceDir(true);
        List<String> pieces = new ArrayList<>(vocab(20));
        pieces.set(id, piece);
        Files.write(hf.resolve("vocab.txt"), pieces);
        return hf;
    }

    /** The special pieces and fifteen lowercase words: no piece with a capital letter. */
    private static List<String> lowercaseVocabulary() {
        List<String> pieces = new ArrayList<>(vocab(5));
        pieces.addAll(List.of("tcl", "mba", "the", "an", "of", "to", "in", "is", "it", "on", "at", "by", "or", "as", "be"));
        return pieces;
    }

    @Test
    void aCasedTokenizerOverAVocabularyWithoutCapitalsIsNamedAndLowercaseFixesIt() throws IOException {
        Path hf = huggingFaceDir(true);
        List<String> pieces = lowercaseVocabulary();
        Files.write(hf.resolve("vocab.txt"), pieces);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), dir.resolve("cased"), new PrintStream(log, true));
        assertTrue(log.toString().contains("warning: the tokenizer keeps case") && log.toString().contains("--lowercase"), log.toString());
        assertEquals(List.of("[CLS]", "[UNK]", "[SEP]"), List.of(PretrainedEncoder.tokenizerOf(dir.resolve("cased")).encode("TCL").tokens()));

        ByteArrayOutputStream lowerLog = new ByteArrayOutputStream();
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), dir.resolve("lower"), new PrintStream(lowerLog, true), true);
        assertEquals(List.of("[CLS]", "tcl", "[SEP]"), List.of(PretrainedEncoder.tokenizerOf(dir.resolve("lower")).encode("TCL").tokens()));
        // the source sets no strip_accents, which follows lowercasing: --lowercase strips accents too, and says so
        assertTrue(PretrainedEncoder.tokenizerOf(dir.resolve("lower")).normalization().stripsAccents());
        assertTrue(lowerLog.toString().contains("lowercases the text and strips accents"), lowerLog.toString());
        assertEquals(true, ((Map<?, ?>) ModelDir.read(dir.resolve("lower")).get("tokenizer")).get("lowercase"));

        // a source with a tokenizer.json (as the langchain4j jars have): its normalizer is set to lowercase, the rest kept
        Files.copy(dir.resolve("cased").resolve(PretrainedEncoder.TOKENIZER), hf.resolve(PretrainedEncoder.TOKENIZER));
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), dir.resolve("lower-json"), QUIET, true);
        assertEquals(List.of("[CLS]", "tcl", "[SEP]"),
                List.of(PretrainedEncoder.tokenizerOf(dir.resolve("lower-json")).encode("TCL").tokens()));
    }

    @Test
    void anImportedVocabTxtThatListsAPieceTwiceImportsAgain() throws IOException {
        // w12 on lines 10 and 12 keeps id 12: the tokenizer.json written for it has no piece with id 10
        Path hf = huggingFaceDirWithPiece(10, "w12");
        Path first = dir.resolve("first");
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), first, QUIET);

        Path again = dir.resolve("again");
        EncoderImport.run(EncoderSource.resolve(first.toString(), null, dir, dir), again, QUIET, true);
        List<String> lines = Files.readAllLines(again.resolve(PretrainedEncoder.VOCAB));
        assertEquals(20, lines.size(), "a line for every embedding row, the hole's included");
        assertEquals("[unused-hole-10]", lines.get(10));
        assertEquals(12, PretrainedEncoder.tokenizerOf(again).encode("W12").ids()[1], "lowercased (--lowercase), read at its own id");

        // two pieces with one id cannot both be its line of vocab.txt
        String json = Files.readString(first.resolve(PretrainedEncoder.TOKENIZER));
        Files.writeString(hf.resolve(PretrainedEncoder.TOKENIZER), json.replaceFirst("\"w11\"\\s*:\\s*11", "\"w11\": 12"));
        IOException e = assertThrows(IOException.class, () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir),
                dir.resolve("shared-id"), QUIET));
        assertTrue(e.getMessage().contains("gives two pieces the same id"), e.getMessage());
    }

    @Test
    void lowercaseGivesATokenizerJsonWithoutANormalizerOne() throws IOException {
        // Tokenizer(WordPiece(...)) with no normalizer set: "normalizer": null, which normalizes nothing
        Path hf = huggingFaceDir(true);
        List<String> pieces = lowercaseVocabulary();
        BertTokenizer.of(WordPieceVocabulary.of(pieces), BertNormalization.cased()).saveTokenizerJson(hf.resolve("tokenizer.json"));
        com.fasterxml.jackson.databind.node.ObjectNode json =
                (com.fasterxml.jackson.databind.node.ObjectNode) DocumentJson.mapper().readTree(hf.resolve("tokenizer.json").toFile());
        json.putNull("normalizer");
        Files.write(hf.resolve("tokenizer.json"), DocumentJson.mapper().writeValueAsBytes(json));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), dir.resolve("as-is"), new PrintStream(log, true));
        assertTrue(log.toString().contains("--lowercase"), log.toString());

        Path lower = dir.resolve("lower");
        ByteArrayOutputStream lowerLog = new ByteArrayOutputStream();
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), lower, new PrintStream(lowerLog, true), true);
        assertTrue(lowerLog.toString().contains("accents are kept"), lowerLog.toString());
        assertEquals(List.of("[CLS]", "tcl", "[SEP]"), List.of(PretrainedEncoder.tokenizerOf(lower).encode("TCL").tokens()));
        assertEquals(new BertNormalization(false, false, false, true), PretrainedEncoder.tokenizerOf(lower).normalization(),
                "lowercasing only, every other step still off");
    }

    @Test
    void embeddingRowsBeyondTheVocabularyAreKeptAndFewerAreRefused() throws IOException {
        // a table padded to a multiple of 8, or holding rows of added tokens: 20 rows, 18 pieces
        Path hf = huggingFaceDir(true);
        Files.write(hf.resolve("vocab.txt"), vocab(18));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), dir.resolve("padded"), new PrintStream(log, true));
        assertTrue(log.toString().contains("2 rows beyond") && !log.toString().contains("warning: the word embeddings"), "padding, no warning: " + log);
        PretrainedEncoder padded = PretrainedEncoder.open(dir.resolve("padded"), LoadOptions.DEFAULT);
        assertEquals(20, padded.config().vocabSize(), "every row kept");

        Files.write(hf.resolve("vocab.txt"), vocab(22));
        IOException e = assertThrows(IOException.class,
                () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), dir.resolve("more"), QUIET));
        assertTrue(e.getMessage().contains("22 pieces but the word embeddings only 20 rows"), e.getMessage());
    }

    @Test
    void aTaskCheckpointBecomesAnEncoderUnderBertModelNames() throws IOException {
        Path out = dir.resolve("enc");
        EncoderImport.run(EncoderSource.resolve(huggingFaceDir(true).toString(), null, dir, dir), out, QUIET);
        PretrainedEncoder enc = PretrainedEncoder.load(out);
        assertEquals(TINY, enc.config());
        assertTrue(enc.weights().containsKey("encoder.layer.1.output.LayerNorm.weight"));
        assertFalse(enc.weights().keySet().stream().anyMatch(n -> n.startsWith("bert.") || n.startsWith("classifier")
                || n.endsWith("position_ids")), enc.weights().keySet().toString());
        assertArrayEquals(checkpoint().get("bert.pooler.dense.weight").values(), enc.weights().get("pooler.dense.weight").values());
    }

    @Test
    void theImportedEncoderBindsAndRecordsItsTokenizer() throws IOException {
        Path out = dir.resolve("enc");
        EncoderImport.run(EncoderSource.resolve(huggingFaceDir(true).toString(), null, dir, dir), out, QUIET);
        PretrainedEncoder enc = PretrainedEncoder.load(out);
        try (Params p = new Params(Device.cpu(), false)) {
            enc.weights().forEach((name, t) -> p.put(name, new ai.djl.ndarray.types.Shape(t.shape()), t.values()));
            assertEquals(2, BertEncoder.bind(p, "", enc.config()).config().layers());
        }
        assertEquals(Map.of("lowercase", false, "from", "vocab.txt"), ModelDir.read(out).get("tokenizer"));
    }

    @Test
    void anOutputThatCannotBeWrittenIsNoSourceProblem() throws IOException {
        Path hf = huggingFaceDir(true);
        Path blocked = Files.writeString(dir.resolve("a-file"), "x");
        // the CLI maps an unchecked I/O failure to exit 3 (a runtime failure), a source's IOException to 2
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), blocked.resolve("enc"), QUIET));
        assertTrue(e.getCause().getMessage().startsWith("cannot write " + blocked.resolve("enc")), e.getCause().getMessage());
    }

    @Test
    void aConfigThisEncoderCannotRunIsRefused() {
        Map<String, Object> relative = new LinkedHashMap<>(TINY.toHuggingFace());
        relative.put("position_embedding_type", "relative_key");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BertConfig.fromHuggingFace(relative, false));
        assertTrue(e.getMessage().contains("position_embedding_type 'relative_key'"), e.getMessage());
        assertEquals(TINY.vocabSize(), BertConfig.fromHuggingFace(TINY.toHuggingFace(), false).vocabSize(), "absolute is read");
    }

    @Test
    void theImportedDirectoryTellsTransformersHowItsTokenizerNormalizesAndWhereItCuts() throws IOException {
        // without a tokenizer_config.json, transformers' BertTokenizerFast lowercases a cased encoder's text and cuts nowhere
        Path hf = huggingFaceDir(true);
        Files.writeString(hf.resolve("tokenizer_config.json"), "{\"do_lower_case\": false, \"strip_accents\": true}");
        Path out = dir.resolve("enc");
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), out, QUIET);
        assertEquals(PretrainedEncoder.tokenizerOf(out).normalization(), BertNormalization.ofTokenizerConfig(out));
        assertEquals(new BertNormalization(true, true, true, false), BertNormalization.ofTokenizerConfig(out));
        Map<?, ?> config = DocumentJson.mapper().readValue(out.resolve("tokenizer_config.json").toFile(), Map.class);
        assertEquals(TINY.maxPositions(), config.get("model_max_length"));
        assertTrue(((Map<?, ?>) ModelDir.read(out).get(ModelManifest.KEY)).containsKey("tokenizer_config.json"), "sealed with the rest");

        // --lowercase over a tokenizer.json source: the config says what the written tokenizer.json does
        BertTokenizer.of(WordPieceVocabulary.of(vocab(20)), BertNormalization.cased()).saveTokenizerJson(hf.resolve("tokenizer.json"));
        Files.delete(hf.resolve("tokenizer_config.json"));
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), dir.resolve("lower"), QUIET, true);
        assertEquals(PretrainedEncoder.tokenizerOf(dir.resolve("lower")).normalization(),
                BertNormalization.ofTokenizerConfig(dir.resolve("lower")));
        assertTrue(BertNormalization.ofTokenizerConfig(dir.resolve("lower")).lowercase());
    }

    @Test
    void tokenizerConfigSettingsBesideAVocabTxtAreKept() throws IOException {
        // lowercased but accents kept, as some multilingual models set it: a vocab.txt alone cannot say so
        Path hf = huggingFaceDir(true);
        List<String> pieces = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "café", "cafe"));
        for (int i = pieces.size(); i < 20; i++) {
            pieces.add("w" + i);
        }
        Files.write(hf.resolve("vocab.txt"), pieces);
        Files.writeString(hf.resolve("tokenizer_config.json"), "{\"do_lower_case\": true, \"strip_accents\": false}");
        Path out = dir.resolve("accents");
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), out, QUIET);
        int[] ids = PretrainedEncoder.tokenizerOf(out).encode("CAFÉ").ids();
        assertEquals(5, ids[1], "lowercased to café, its accent kept (stripping it would read cafe, id 6)");
    }

    @Test
    void tokenizerConfigSettingsOverTheTokenizerJsonsNormalizerAreAppliedAsTransformersDoes() throws IOException {
        // bge's directory: a tokenizer.json that keeps case beside a tokenizer_config.json that lowercases
        Path hf = huggingFaceDir(true);
        List<String> pieces = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "tcl"));
        for (int i = pieces.size(); i < 20; i++) {
            pieces.add("w" + i);
        }
        BertTokenizer.of(WordPieceVocabulary.of(pieces), BertNormalization.cased()).saveTokenizerJson(hf.resolve("tokenizer.json"));
        Files.writeString(hf.resolve("tokenizer_config.json"), "{\"do_lower_case\": true}");
        Path out = dir.resolve("config-over-json");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), out, new PrintStream(log, true));
        assertEquals(5, PretrainedEncoder.tokenizerOf(out).encode("TCL").ids()[1], "lowercased to tcl, not [UNK]");
        assertTrue(log.toString().contains("the tokenizer normalizes as tokenizer_config.json says"), log.toString());
        List<?> sources = (List<?>) ((Map<?, ?>) ModelDir.read(out).get("source")).get("files");
        assertTrue(sources.stream().anyMatch(f -> "tokenizer_config.json".equals(((Map<?, ?>) f).get("path"))),
                "its checksum is kept with the other source files: " + sources);

        // a PreTrainedTokenizerFast loads its tokenizer.json as it is, whatever the config's defaults
        Files.writeString(hf.resolve("tokenizer_config.json"), "{\"tokenizer_class\": \"PreTrainedTokenizerFast\"}");
        Path asIs = dir.resolve("config-generic");
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), asIs, QUIET);
        assertEquals(1, PretrainedEncoder.tokenizerOf(asIs).encode("TCL").ids()[1], "kept cased: [UNK]");
    }

    @Test
    void aTokenizerNlpipeCannotRunIsRefusedAtImport() throws IOException {
        Path hf = huggingFaceDir(true);
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), dir.resolve("first"), QUIET);
        String json = Files.readString(dir.resolve("first").resolve(PretrainedEncoder.TOKENIZER));
        // a tokenizer.json whose pre-tokenizer is not BERT's (a byte-level one, say)
        Files.writeString(hf.resolve(PretrainedEncoder.TOKENIZER), json.replace("\"BertPreTokenizer\"", "\"Whitespace\""));
        IOException e = assertThrows(IOException.class, () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir),
                dir.resolve("second"), QUIET));
        assertTrue(e.getMessage().contains("pre_tokenizer"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("second")), "nothing written");
        Files.delete(hf.resolve(PretrainedEncoder.TOKENIZER));
        Files.writeString(hf.resolve("tokenizer_config.json"), "{\"tokenizer_class\": \"BertJapaneseTokenizer\"}");
        IOException japanese = assertThrows(IOException.class, () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir,
                dir), dir.resolve("third"), QUIET));
        assertTrue(japanese.getMessage().contains("MeCab"), japanese.getMessage());
        // beside a tokenizer.json too
        BertTokenizer.of(WordPieceVocabulary.of(vocab(20)), BertNormalization.cased()).saveTokenizerJson(hf.resolve("tokenizer.json"));
        IOException withJson = assertThrows(IOException.class, () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir,
                dir), dir.resolve("fourth"), QUIET));
        assertTrue(withJson.getMessage().contains("MeCab"), withJson.getMessage());
    }

    @Test
    void aVocabularyWithoutClsOrSepIsRefusedAtImport() throws IOException {
        // without [CLS] the first word piece stood in for it: cls pooling read the wrong vector, silently
        Path hf = huggingFaceDirWithPiece(2, "[XXX]");
        IOException e = assertThrows(IOException.class, () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir),
                dir.resolve("no-cls"), QUIET));
        assertTrue(e.getMessage().contains("no [CLS] ... [SEP]"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("no-cls")), "nothing written");
    }

    @Test
    void aMaskedLmCheckpointKeepsItsMlmHeadApartFromTheEncoder() throws IOException {
        Path hf = huggingFaceDir(true);
        Map<String, TensorFile.Tensor> weights = new LinkedHashMap<>(checkpoint());
        weights.remove("classifier.weight");
        weights.put("cls.predictions.transform.dense.weight", new TensorFile.Tensor(new long[] {8, 8}, new float[64]));
        weights.put("cls.predictions.transform.dense.bias", new TensorFile.Tensor(new long[] {8}, new float[8]));
        weights.put("cls.predictions.transform.LayerNorm.gamma", new TensorFile.Tensor(new long[] {8}, new float[8]));
        weights.put("cls.predictions.transform.LayerNorm.beta", new TensorFile.Tensor(new long[] {8}, new float[8]));
        weights.put("cls.predictions.bias", new TensorFile.Tensor(new long[] {20}, new float[20]));
        weights.put("cls.predictions.decoder.weight", new TensorFile.Tensor(new long[] {20, 8}, new float[160]));
        weights.put("cls.seq_relationship.weight", new TensorFile.Tensor(new long[] {2, 8}, new float[16]));
        SafeTensorsFile.write(hf.resolve("model.safetensors"), weights);
        Path out = dir.resolve("enc");
        EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), out, QUIET);
        PretrainedEncoder enc = PretrainedEncoder.load(out);
        assertEquals(java.util.Set.of("cls.predictions.transform.dense.weight", "cls.predictions.transform.dense.bias",
                "cls.predictions.transform.LayerNorm.weight", "cls.predictions.transform.LayerNorm.bias", "cls.predictions.bias"),
                enc.heads().keySet());
        assertFalse(enc.weights().keySet().stream().anyMatch(n -> n.startsWith("cls.")), enc.weights().keySet().toString());
    }

    @Test
    void weightsThatDoNotMakeTheConfigsEncoderAreRefusedAtImport() throws IOException {
        Path hf = huggingFaceDir(true);
        Path out = dir.resolve("enc-incomplete");
        Map<String, TensorFile.Tensor> missing = new LinkedHashMap<>(checkpoint());
        missing.remove("bert.embeddings.token_type_embeddings.weight");
        SafeTensorsFile.write(hf.resolve("model.safetensors"), missing);
        IOException e = assertThrows(IOException.class, () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), out,
                QUIET));
        assertTrue(e.getMessage().contains(hf + ": the weights do not make the encoder its config describes")
                && e.getMessage().contains("token_type_embeddings"), e.getMessage());
        Map<String, TensorFile.Tensor> extra = new LinkedHashMap<>(checkpoint());
        extra.put("bert.encoder.layer." + TINY.layers() + ".output.dense.bias", new TensorFile.Tensor(new long[] {8}, new float[8]));
        SafeTensorsFile.write(hf.resolve("model.safetensors"), extra);
        e = assertThrows(IOException.class, () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir), out, QUIET));
        assertTrue(e.getMessage().contains("a layer past the " + TINY.layers() + " of config.json's num_hidden_layers"), e.getMessage());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aDecoderConfigIsRefused() throws IOException {
        Path hf = huggingFaceDir(true);
        Map<String, Object> decoder = new LinkedHashMap<>(TINY.toHuggingFace());
        decoder.put("is_decoder", true);
        ModelDir.writeJson(hf.resolve("config.json"), decoder);
        IOException e = assertThrows(IOException.class, () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir),
                dir.resolve("enc-decoder"), QUIET));
        assertTrue(e.getMessage().contains("config.json") && e.getMessage().contains("is_decoder"), e.getMessage());
    }

    @Test
    void aDamagedOrUnsupportedConfigIsNamedAsTheFile() throws IOException {
        Path hf = huggingFaceDir(true);
        Path out = dir.resolve("enc");
        Files.writeString(hf.resolve("config.json"), "{\"hidden_size\": 8,");
        IOException cut = assertThrows(IOException.class, () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir),
                out, QUIET));
        assertTrue(cut.getMessage().contains(hf.resolve("config.json") + ": not valid JSON"), cut.getMessage());
        Map<String, Object> gelu = new LinkedHashMap<>(TINY.toHuggingFace());
        gelu.put("hidden_act", "gelu_new");
        ModelDir.writeJson(hf.resolve("config.json"), gelu);
        IOException unsupported = assertThrows(IOException.class, () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir,
                dir), out, QUIET));
        assertTrue(unsupported.getMessage().startsWith(hf.resolve("config.json") + ": ") && unsupported.getMessage().contains("gelu_new"),
                unsupported.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aHuggingFaceDirectoryNamedAsAnEncoderIsToldToImportIt() throws IOException {
        Path hf = huggingFaceDir(true);
        ModelException e = assertThrows(ModelException.class, () -> PretrainedEncoder.open(hf, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("nlpipe model import " + hf + " --output ENCODER_DIR"), e.getMessage());
    }

    @Test
    void aPickleIsRefusedAndNothingIsWritten() throws IOException {
        Path hf = huggingFaceDir(false);
        Path out = dir.resolve("enc");
        IOException e = assertThrows(IOException.class, () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir),
                out, QUIET));
        assertTrue(e.getMessage().contains("safetensors"), e.getMessage());
        assertFalse(Files.exists(out));
        // an optimum ONNX export: config.json and tokenizer files beside model.onnx, no safetensors
        Files.delete(hf.resolve("pytorch_model.bin"));
        Files.writeString(hf.resolve("model.onnx"), "a graph");
        IOException onnx = assertThrows(IOException.class, () -> EncoderImport.run(EncoderSource.resolve(hf.toString(), null, dir, dir),
                out, QUIET));
        assertTrue(onnx.getMessage().contains("it holds an ONNX export (model.onnx): import that file, e.g. `nlpipe model import "
                + hf.resolve("model.onnx")), onnx.getMessage());
    }

    @Test
    void coordinatesMissingFromTheRepositorySayHowToFetchThem() {
        IOException e = assertThrows(IOException.class, () -> EncoderSource.resolve("org.example:no-model:1.0", null, dir, dir));
        assertTrue(e.getMessage().contains("mvn dependency:get"), e.getMessage());
        assertTrue(List.of(dir.toFile().list()).isEmpty());
    }
}
