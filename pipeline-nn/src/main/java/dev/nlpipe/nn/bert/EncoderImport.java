package dev.nlpipe.nn.bert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.io.Utf8Text;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelDirWriter;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.Provenance;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.Params;
import dev.nlpipe.nn.SafeTensorsFile;
import dev.nlpipe.nn.TensorFile;
import dev.nlpipe.nn.bert.onnx.OnnxBertWeights;
import dev.nlpipe.nn.bert.onnx.OnnxGraph;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code nlpipe model import}: turns a pretrained BERT encoder from an {@link EncoderSource} into a
 * {@link PretrainedEncoder} directory — weights renamed to Hugging Face's {@code BertModel} names
 * (a task checkpoint's {@code bert.} prefix and heads dropped, old {@code gamma}/{@code beta} names
 * mapped), written as safetensors, with the vocabulary and tokenizer ({@code tokenizer.json} and
 * {@code tokenizer_config.json}, which says how it normalizes), and the SHA-256 of every
 * source file in {@code model.json}. Nothing is executed: ONNX graphs and safetensors are read as
 * data, and PyTorch pickles are refused.
 */
public final class EncoderImport {
    private EncoderImport() {
    }

    private static final String TOKENIZER_CONFIG = "tokenizer_config.json";

    /**
     * What was imported.
     *
     * @param config the encoder's sizes
     * @param parameters the number of scalars in its weights
     */
    public record Result(BertConfig config, long parameters) {
    }

    /**
     * Imports a source into {@code output} (built beside it and moved into place when complete).
     *
     * @throws IOException saying what is wrong with the source
     */
    public static Result run(EncoderSource source, Path output, PrintStream log) throws IOException {
        return run(source, output, log, false);
    }

    /**
     * Imports a source into {@code output}; with {@code lowercase}, its tokenizer lowercases the text
     * first, whatever the source's says (for a vocabulary without capital letters whose tokenizer
     * keeps case: bge-small-zh as langchain4j ships it reads every word with a capital as [UNK]),
     * and strips accents too unless the source sets {@code strip_accents: false}.
     *
     * @throws IOException saying what is wrong with the source
     */
    public static Result run(EncoderSource source, Path output, PrintStream log, boolean lowercase) throws IOException {
        log.println("reading " + source.path() + " (" + source.kind() + ")");
        Encoder e = source.kind().equals("onnx") ? fromOnnx(source) : fromHuggingFace(source.path());
        checkWeights(e, source);
        Vocabulary vocab = e.vocabulary();
        Path tokenizerConfig = source.kind().equals("onnx") ? null : source.path().resolve(TOKENIZER_CONFIG);
        if (tokenizerConfig != null && Files.isRegularFile(tokenizerConfig)) {
            BertNormalization.ofTokenizerConfig(source.path()); // refuses a tokenizer class nlpipe cannot run (MeCab words first)
        }
        if (vocab.tokenizerJson() != null && tokenizerConfig != null && Files.isRegularFile(tokenizerConfig)
                && appliesBertNormalization(tokenizerConfig, vocab.tokenizerJson())) {
            // transformers' BertTokenizerFast sets the tokenizer.json's normalizer from tokenizer_config.json when they differ
            BertNormalization own = vocab.normalization();
            BertNormalization said = BertNormalization.ofTokenizerConfig(source.path());
            BertNormalization applied = new BertNormalization(own.cleanText(), said.handleChineseChars(), said.stripAccents(),
                    said.lowercase());
            if (!applied.equals(own)) {
                log.println("the tokenizer normalizes as " + TOKENIZER_CONFIG + " says (" + applied + "), not as its tokenizer.json ("
                        + own + "), as transformers' BertTokenizerFast does");
                vocab = vocab.normalizedAs(applied);
            }
        }
        if (lowercase && !vocab.normalization().lowercase()) {
            vocab = vocab.lowercased();
            // strip_accents left unset follows lowercase, as in Hugging Face: say so, since --lowercase then changes more than case
            log.println(vocab.normalization().stripsAccents()
                    ? "the tokenizer lowercases the text and strips accents (--lowercase; café reads cafe, as in Hugging Face's uncased"
                    + " tokenizers, since the source does not set strip_accents: false)"
                    : "the tokenizer lowercases the text (--lowercase); accents are kept (strip_accents false)");
        } else if (!vocab.normalization().lowercase() && capitalsUnknown(vocab.pieces())) {
            log.println("warning: the tokenizer keeps case, but its vocabulary has next to no piece with a capital letter: every"
                    + " word with one (TCL, iPhone) reads [UNK]. Import again with --lowercase to read them as the lowercase pieces"
                    + " the vocabulary has");
        }
        if (vocab.pieces().size() > e.config().vocabSize()) {
            throw new IOException("the vocabulary has " + vocab.pieces().size() + " pieces but the word embeddings only "
                    + e.config().vocabSize() + " rows (" + source.path() + "): the tokenizer and the weights are of different models");
        }
        if (vocab.pieces().size() < e.config().vocabSize()) {
            // Hugging Face pads the table (resize_token_embeddings(pad_to_multiple_of=...)) or keeps rows of added tokens; far more
            // rows than that is a tokenizer of another model (an ONNX file given another model's --tokenizer)
            int extra = e.config().vocabSize() - vocab.pieces().size();
            boolean suspicious = extra > Math.max(128, e.config().vocabSize() / 100);
            log.println((suspicious ? "warning: " : "") + "the word embeddings have " + extra + " rows beyond the vocabulary's "
                    + vocab.pieces().size() + " pieces (" + (suspicious ? "more than padding or added tokens make: is the tokenizer"
                    + " this model's? its pieces' ids would read other pieces' rows" : "padding or added tokens") + "); no piece reads them");
        }
        long parameters = e.weights().values().stream().mapToLong(t -> t.values().length).sum();
        // a vocab.txt says nothing of the normalization, which tokenizer_config.json gave: kept as a tokenizer.json
        BertTokenizer fromVocab = vocab.tokenizerJson() != null ? null
                : BertTokenizer.of(WordPieceVocabulary.read(vocab.vocabTxt()), vocab.normalization());
        BertTokenizer built = fromVocab;
        if (vocab.tokenizerJson() != null) {
            // built once here, so a tokenizer nlpipe cannot run (another normalizer, no unknown piece) is refused at import
            // rather than by every later use of the model
            try {
                built = BertTokenizer.fromTokenizerJson(vocab.tokenizerJson());
            } catch (IllegalArgumentException unsupported) {
                throw new IOException(unsupported.getMessage(), unsupported);
            }
        }
        if (!built.hasTemplate()) {
            // without [CLS] the first word piece would stand in for it: cls pooling, and classify.bert, read the wrong vector
            throw new IOException("the tokenizer of " + source.path() + " puts no [CLS] ... [SEP] around a text (its vocabulary lacks"
                    + " [CLS] or [SEP], or its tokenizer.json has no such post-processor): it is not a BERT tokenizer nlpipe can run");
        }
        try {
            write(source, output, e, vocab, fromVocab, parameters);
        } catch (IOException problem) {
            // the source was read: failing now is the output's problem (a full disk, no permission), not a wrong source
            throw new UncheckedIOException(new IOException("cannot write " + output + ": " + IoErrors.describe(problem), problem));
        }
        log.printf("imported a BERT encoder: %d layers, hidden %d, %d heads, vocabulary %,d, %,d parameters%s -> %s%n",
                e.config().layers(), e.config().hidden(), e.config().heads(), e.config().vocabSize(), parameters,
                e.config().pooler() ? ", pooler" : "", output);
        return new Result(e.config(), parameters);
    }

    private static void write(EncoderSource source, Path output, Encoder e, Vocabulary vocab, BertTokenizer fromVocab, long parameters)
            throws IOException {
        try (ModelDirWriter w = ModelDirWriter.create(output)) {
            PretrainedEncoder.writeWeights(w.dir(), e.config(), e.weights());
            Files.write(w.dir().resolve(PretrainedEncoder.VOCAB), vocab.pieces(), StandardCharsets.UTF_8);
            // e's vocabulary is the source's; vocab differs from it when tokenizer_config.json or --lowercase changed its normalization
            if (vocab.tokenizerJson() != null && !vocab.normalization().equals(e.vocabulary().normalization())) {
                withNormalization(vocab.tokenizerJson(), w.dir().resolve(PretrainedEncoder.TOKENIZER), vocab.normalization());
            } else if (vocab.tokenizerJson() != null) {
                Files.copy(vocab.tokenizerJson(), w.dir().resolve(PretrainedEncoder.TOKENIZER));
            } else {
                fromVocab.saveTokenizerJson(w.dir().resolve(PretrainedEncoder.TOKENIZER));
            }
            // without it transformers' BertTokenizerFast lowercases every text, a cased encoder's too, and cuts nowhere: it
            // says what the tokenizer.json just written does, and cuts where the encoder's positions end
            BertTokenizer.fromTokenizerJson(w.dir().resolve(PretrainedEncoder.TOKENIZER)).withMaxLength(e.config().maxPositions())
                    .saveConfig(w.dir().resolve(TOKENIZER_CONFIG));
            ModelMeta meta = ModelMeta.create(PretrainedEncoder.KIND, PretrainedEncoder.FORMAT);
            Provenance.addVersions(meta, NeuralEngine.versions());
            meta.put("config", e.config().toHuggingFace());
            meta.put("parameters", parameters);
            meta.put("tokenizer", Map.of("lowercase", vocab.normalization().lowercase(), "from", vocab.tokenizerJson() != null
                    ? PretrainedEncoder.TOKENIZER : PretrainedEncoder.VOCAB));
            meta.put("source", provenance(source, e.files()));
            ModelDir.writeMeta(w.dir(), meta);
            w.commit();
        }
    }

    /**
     * Refuses weights that do not make the encoder their config describes (a tensor missing or of
     * another shape, a layer past {@code num_hidden_layers}), at import rather than at every later use.
     */
    private static void checkWeights(Encoder e, EncoderSource source) throws IOException {
        for (String name : e.weights().keySet()) {
            java.util.regex.Matcher m = LAYER.matcher(name);
            if (m.lookingAt() && Integer.parseInt(m.group(1)) >= e.config().layers()) {
                throw new IOException(source.path() + ": the weights hold " + name + ", a layer past the " + e.config().layers()
                        + " of config.json's num_hidden_layers: the config and the weights are of different models");
            }
        }
        try (Params p = new Params(ai.djl.Device.cpu(), false)) {
            e.weights().forEach((name, t) -> p.put(name, new ai.djl.ndarray.types.Shape(t.shape()), t.values()));
            BertEncoder.bind(p, "", e.config());
        } catch (IllegalArgumentException wrong) {
            throw new IOException(source.path() + ": the weights do not make the encoder its config describes: " + wrong.getMessage(),
                    wrong);
        }
    }

    private static final java.util.regex.Pattern LAYER = java.util.regex.Pattern.compile("encoder\\.layer\\.(\\d+)\\.");

    /** An encoder read from a source, with the files it came from. */
    private record Encoder(BertConfig config, Map<String, TensorFile.Tensor> weights, Vocabulary vocabulary, List<Path> files) {
    }

    /**
     * The word pieces in id order, their normalization, and the {@code tokenizer.json} when there is one (which has its
     * own), else the {@code vocab.txt} they were read from.
     */
    private record Vocabulary(List<String> pieces, BertNormalization normalization, Path tokenizerJson, Path vocabTxt) {
        /** This vocabulary read after lowercasing. */
        Vocabulary lowercased() {
            BertNormalization n = normalization;
            return normalizedAs(new BertNormalization(n.cleanText(), n.handleChineseChars(), n.stripAccents(), true));
        }

        /** This vocabulary read with another normalization. */
        Vocabulary normalizedAs(BertNormalization n) {
            return new Vocabulary(pieces, n, tokenizerJson, vocabTxt);
        }
    }

    /**
     * Whether Latin letters appear in many pieces but capitals in next to none (under one in twenty;
     * special tokens such as [UNK] left out):
     * a vocabulary made from lowercased text, so a tokenizer that keeps case finds no piece for a
     * word with a capital.
     */
    static boolean capitalsUnknown(List<String> pieces) {
        int lower = 0;
        int upper = 0;
        for (String p : pieces) {
            if (p.startsWith("[") && p.endsWith("]")) {
                continue;
            }
            if (p.chars().anyMatch(c -> c >= 'A' && c <= 'Z')) {
                upper++;
            } else if (p.chars().anyMatch(c -> c >= 'a' && c <= 'z')) {
                lower++;
            }
        }
        return lower >= 10 && upper * 20 < lower;
    }

    private static Encoder fromOnnx(EncoderSource source) throws IOException {
        OnnxBertWeights w;
        try {
            w = OnnxBertWeights.of(OnnxGraph.read(source.path()));
        } catch (IllegalStateException e) {
            throw new IOException(source.path() + " is damaged: " + e.getMessage(), e);
        }
        return new Encoder(w.config(), w.weights(), fromTokenizerJson(source.tokenizer()), files(source.path(), source.tokenizer()));
    }

    /** The names of the {@code .onnx} files directly in {@code dir} (an optimum export's), sorted. */
    private static List<String> onnxFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".onnx")).sorted().toList();
        }
    }

    private static Encoder fromHuggingFace(Path dir) throws IOException {
        Path config = dir.resolve(PretrainedEncoder.CONFIG);
        Path weights = dir.resolve(PretrainedEncoder.WEIGHTS);
        if (!Files.isRegularFile(weights)) {
            List<String> graphs = onnxFiles(dir);
            throw new IOException(dir + " has no " + PretrainedEncoder.WEIGHTS + (Files.exists(dir.resolve("pytorch_model.bin"))
                    ? "; its pytorch_model.bin is a Python pickle, which can run code when read and which nlpipe does not read: save"
                    + " the model with safe_serialization=True (the default of recent transformers) to get model.safetensors"
                    : !graphs.isEmpty() ? "; it holds an ONNX export (" + String.join(", ", graphs) + "): import that file, e.g. `nlpipe"
                    + " model import " + dir.resolve(graphs.get(0)) + " --output DIR`, which takes the tokenizer.json beside it"
                    : "; a Hugging Face model directory holds config.json, model.safetensors and vocab.txt or tokenizer.json"));
        }
        Map<String, TensorFile.Tensor> renamed = huggingFaceNames(SafeTensorsFile.read(weights));
        BertConfig c;
        try {
            c = BertConfig.fromHuggingFace(readJson(config), renamed.containsKey("pooler.dense.weight"));
        } catch (IllegalArgumentException e) {
            throw new IOException(config + ": " + e.getMessage(), e);
        }
        Path tokenizer = dir.resolve(PretrainedEncoder.TOKENIZER);
        Path vocab = dir.resolve(PretrainedEncoder.VOCAB);
        Vocabulary v;
        if (Files.isRegularFile(tokenizer)) {
            v = fromTokenizerJson(tokenizer);
        } else if (Files.isRegularFile(vocab)) {
            v = new Vocabulary(Utf8Text.readAllLines(vocab), BertNormalization.ofTokenizerConfig(dir), null, vocab);
        } else {
            throw new IOException(dir + " has neither " + PretrainedEncoder.TOKENIZER + " nor " + PretrainedEncoder.VOCAB);
        }
        List<Path> files = new ArrayList<>(files(config, weights));
        files.add(Files.isRegularFile(tokenizer) ? tokenizer : vocab);
        if (Files.isRegularFile(dir.resolve(TOKENIZER_CONFIG))) {
            files.add(dir.resolve(TOKENIZER_CONFIG)); // it sets the normalization either way
        }
        return new Encoder(c, renamed, v, files);
    }

    /**
     * A task checkpoint's tensors under {@code BertModel}'s names; task heads and buffers left out. The
     * masked-LM head of a {@code BertForMaskedLM} or {@code BertForPreTraining} checkpoint
     * ({@code cls.predictions.transform.*}, {@code cls.predictions.bias}) is kept under its own names,
     * so {@code task: pretrain.mlm} continues with it; its decoder is the word-embedding table (tied)
     * and is not stored.
     */
    static Map<String, TensorFile.Tensor> huggingFaceNames(Map<String, TensorFile.Tensor> in) {
        Map<String, TensorFile.Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, TensorFile.Tensor> e : in.entrySet()) {
            String n = e.getKey().startsWith("bert.") ? e.getKey().substring(5) : e.getKey();
            n = n.replaceFirst("LayerNorm\\.gamma$", "LayerNorm.weight").replaceFirst("LayerNorm\\.beta$", "LayerNorm.bias");
            boolean mlmHead = n.startsWith("cls.predictions.transform.") || n.equals("cls.predictions.bias");
            if ((n.startsWith("embeddings.") || n.startsWith("encoder.layer.") || n.startsWith("pooler.") || mlmHead)
                    && !n.endsWith("position_ids")) {
                out.put(n, e.getValue());
            }
        }
        return out;
    }

    /** A JSON object file; a damaged one is named ({@code config.json: not valid JSON (...)}). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> readJson(Path file) throws IOException {
        return readJson(file, LinkedHashMap.class);
    }

    private static <T> T readJson(Path file, Class<T> type) throws IOException {
        try {
            return DocumentJson.mapper().readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (" + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr()) + "); download it again", e);
        }
    }

    private static Vocabulary fromTokenizerJson(Path file) throws IOException {
        JsonNode t = readJson(file, JsonNode.class);
        JsonNode model = t == null ? MissingNode.getInstance() : t.path("model");
        if (!"WordPiece".equals(model.path("type").asText(null)) || !model.path("vocab").isObject()) {
            throw new IOException(file + " is not a WordPiece tokenizer (model.type " + model.path("type").asText(null)
                    + "); BERT encoders use one");
        }
        // read as the tokenizer that runs reads them: ids may leave holes (nlpipe writes one for a vocab.txt that listed a piece
        // twice, as Hugging Face's tokenizers do), each kept as a line of vocab.txt so its lines stay the embedding rows; a
        // null normalizer normalizes nothing
        WordPieceVocabulary pieces;
        BertNormalization own;
        try {
            pieces = TokenizerJson.vocab(model, file.toString());
            own = TokenizerJson.normalization(t.path("normalizer"), file.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (pieces.tokens().size() < pieces.size()) {
            throw new IOException(file + ": model.vocab gives two pieces the same id; each id is one row of the word embeddings,"
                    + " so the file is damaged");
        }
        return new Vocabulary(pieces.idLines(), own, file, null);
    }

    /**
     * Whether transformers sets a tokenizer.json's normalization from tokenizer_config.json, as
     * {@code BertTokenizerFast} does: for a BERT tokenizer class (or none named), over a
     * {@code BertNormalizer}; a {@code PreTrainedTokenizerFast} loads the tokenizer.json as it is.
     */
    private static boolean appliesBertNormalization(Path tokenizerConfig, Path tokenizerJson) throws IOException {
        Object tokenizerClass = readJson(tokenizerConfig).get("tokenizer_class");
        boolean bertClass = tokenizerClass == null || String.valueOf(tokenizerClass).startsWith("BertTokenizer");
        JsonNode normalizer = DocumentJson.mapper().readTree(tokenizerJson.toFile()).get("normalizer");
        return bertClass && normalizer != null && "BertNormalizer".equals(normalizer.path("type").asText());
    }

    /** Copies a tokenizer.json with its BERT normalizer set to {@code n}, everything else as it was. */
    private static void withNormalization(Path from, Path to, BertNormalization n) throws IOException {
        ObjectNode tree = (ObjectNode) DocumentJson.mapper().readTree(from.toFile());
        JsonNode existing = tree.path("normalizer");
        ObjectNode normalizer;
        if (existing.isMissingNode() || existing.isNull()) {
            // no normalizer reads as a BertNormalizer with every step off: one whose steps are n's does what n says
            normalizer = tree.putObject("normalizer");
            normalizer.put("type", "BertNormalizer");
            normalizer.put("clean_text", n.cleanText());
        } else if (existing instanceof ObjectNode bert && "BertNormalizer".equals(bert.path("type").asText())) {
            normalizer = bert;
        } else {
            throw new IOException(from + " has no BertNormalizer to set the normalization on (--lowercase, tokenizer_config.json)");
        }
        normalizer.put("handle_chinese_chars", n.handleChineseChars());
        if (n.stripAccents() == null) {
            normalizer.putNull("strip_accents");
        } else {
            normalizer.put("strip_accents", n.stripAccents());
        }
        normalizer.put("lowercase", n.lowercase());
        Files.write(to, DocumentJson.mapper().writeValueAsBytes(tree));
    }

    private static List<Path> files(Path... files) {
        return List.of(files);
    }

    private static Map<String, Object> provenance(EncoderSource source, List<Path> files) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", source.kind());
        m.put("origin", source.origin());
        if (source.jar() != null) {
            m.put("jar", Provenance.fingerprint(List.of(source.jar())).get(0));
        }
        List<Map<String, Object>> fingerprints = new ArrayList<>();
        for (Map<String, Object> f : Provenance.fingerprint(files)) {
            f.put("path", Path.of((String) f.get("path")).getFileName().toString());
            fingerprints.add(f);
        }
        m.put("files", fingerprints);
        return m;
    }
}
