package dev.nlpipe.nn.bert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes Hugging Face {@code tokenizer.json} files of BERT's shape: a WordPiece model behind
 * {@code BertNormalizer} and {@code BertPreTokenizer}, with a {@code BertProcessing} or {@code TemplateProcessing}
 * post-processor. Other tokenizers are refused with a message that says what the file holds.
 */
final class TokenizerJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TokenizerJson() {
    }

    /** Everything a {@link BertTokenizer} is made of; {@code template}, {@code truncation} and {@code padding} may be null. */
    record Parts(WordPieceVocabulary vocab, BertNormalization normalization, List<AddedToken> addedTokens, Template template,
                 Truncation truncation, Padding padding) {
    }

    static Parts read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IOException(source + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " is not a tokenizer.json (no JSON object)");
        }
        JsonNode model = root.path("model");
        String type = model.path("type").asText(null);
        if (type == null && model.has("vocab") && model.has("merges")) {
            type = "BPE";
        }
        if (!"WordPiece".equals(type)) {
            throw new IllegalArgumentException(source + " holds a " + (type == null ? "tokenizer without a model type" : type + " tokenizer")
                    + "; BertTokenizer reads BERT (WordPiece) tokenizers only");
        }
        WordPieceVocabulary vocab = vocab(model, source);
        BertNormalization normalization = normalization(root.path("normalizer"), source);
        String pre = root.path("pre_tokenizer").path("type").asText(null);
        if (!"BertPreTokenizer".equals(pre)) {
            throw new IllegalArgumentException(source + ": pre_tokenizer " + (pre == null ? "null" : pre) + " is not supported; "
                    + "BertTokenizer reads tokenizers with BertPreTokenizer");
        }
        List<AddedToken> added = new ArrayList<>();
        for (JsonNode t : root.path("added_tokens")) {
            added.add(new AddedToken(t.path("id").asInt(), t.path("content").asText(), t.path("single_word").asBoolean(false),
                    t.path("lstrip").asBoolean(false), t.path("rstrip").asBoolean(false), t.path("normalized").asBoolean(true),
                    t.path("special").asBoolean(false)));
        }
        Template template = template(root.path("post_processor"), source);
        return new Parts(vocab, normalization, added, template, truncation(root.path("truncation"), source),
                padding(root.path("padding")));
    }

    /** A tokenizer.json's {@code model} as a vocabulary, {@code source} naming the file in errors. */
    static WordPieceVocabulary vocab(JsonNode model, String source) {
        JsonNode v = model.path("vocab");
        if (!v.isObject()) {
            throw new IllegalArgumentException(source + ": model.vocab is not a token → id object");
        }
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            vocab.put(e.getKey(), e.getValue().asInt());
        }
        String unk = model.path("unk_token").asText(WordPieceVocabulary.UNKNOWN);
        String prefix = model.path("continuing_subword_prefix").asText(WordPieceVocabulary.CONTINUATION);
        int max = model.path("max_input_chars_per_word").asInt(WordPieceVocabulary.MAX_INPUT_CHARS_PER_WORD);
        try {
            return WordPieceVocabulary.of(vocab, unk, prefix, max);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** A tokenizer.json's {@code normalizer}: BERT's, or none (null or missing), which normalizes nothing. */
    static BertNormalization normalization(JsonNode n, String source) {
        if (n.isMissingNode() || n.isNull()) {
            return new BertNormalization(false, false, false, false);
        }
        String type = n.path("type").asText(null);
        if (!"BertNormalizer".equals(type)) {
            throw new IllegalArgumentException(source + ": normalizer " + type + " is not supported; BertTokenizer reads tokenizers "
                    + "with BertNormalizer (or none)");
        }
        JsonNode strip = n.path("strip_accents");
        return new BertNormalization(n.path("clean_text").asBoolean(true), n.path("handle_chinese_chars").asBoolean(true),
                strip.isMissingNode() || strip.isNull() ? null : strip.asBoolean(), n.path("lowercase").asBoolean(true));
    }

    private static Template template(JsonNode p, String source) {
        if (p.isMissingNode() || p.isNull()) {
            return null;
        }
        String type = p.path("type").asText("");
        if (type.equals("BertProcessing")) {
            JsonNode sep = p.path("sep");
            JsonNode cls = p.path("cls");
            return Template.bert(cls.path(0).asText("[CLS]"), cls.path(1).asInt(101), sep.path(0).asText("[SEP]"), sep.path(1).asInt(102));
        }
        if (!type.equals("TemplateProcessing")) {
            throw new IllegalArgumentException(source + ": post_processor " + type + " is not supported; BertTokenizer reads "
                    + "BertProcessing and TemplateProcessing");
        }
        Map<String, Template.SpecialToken> specials = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : p.path("special_tokens").properties()) {
            JsonNode ids = e.getValue().path("ids");
            JsonNode tokens = e.getValue().path("tokens");
            int[] idArray = new int[ids.size()];
            String[] tokenArray = new String[ids.size()];
            for (int i = 0; i < idArray.length; i++) {
                idArray[i] = ids.get(i).asInt();
                tokenArray[i] = tokens.path(i).asText();
            }
            specials.put(e.getKey(), new Template.SpecialToken(e.getKey(), idArray, tokenArray));
        }
        return new Template(pieces(p.path("single"), specials, source), pieces(p.path("pair"), specials, source), specials);
    }

    private static List<Template.Piece> pieces(JsonNode list, Map<String, Template.SpecialToken> specials, String source) {
        List<Template.Piece> out = new ArrayList<>();
        for (JsonNode item : list) {
            if (item.has("SpecialToken")) {
                String id = item.path("SpecialToken").path("id").asText();
                if (!specials.containsKey(id)) {
                    throw new IllegalArgumentException(source + ": the template names special token " + id + " but does not define it");
                }
                out.add(new Template.Piece(id, -1, item.path("SpecialToken").path("type_id").asInt(0)));
            } else if (item.has("Sequence")) {
                String id = item.path("Sequence").path("id").asText("A");
                out.add(new Template.Piece(null, id.equals("B") ? 1 : 0, item.path("Sequence").path("type_id").asInt(0)));
            } else {
                throw new IllegalArgumentException(source + ": template item " + item + " is neither SpecialToken nor Sequence");
            }
        }
        return List.copyOf(out);
    }

    private static Truncation truncation(JsonNode t, String source) {
        if (t.isMissingNode() || t.isNull()) {
            return null;
        }
        Truncation.Strategy strategy = switch (t.path("strategy").asText("LongestFirst")) {
            case "LongestFirst" -> Truncation.Strategy.LONGEST_FIRST;
            case "OnlyFirst" -> Truncation.Strategy.ONLY_FIRST;
            case "OnlySecond" -> Truncation.Strategy.ONLY_SECOND;
            default -> throw new IllegalArgumentException(source + ": unknown truncation strategy " + t.path("strategy"));
        };
        Truncation.Direction direction = t.path("direction").asText("Right").equals("Left") ? Truncation.Direction.LEFT
                : Truncation.Direction.RIGHT;
        return new Truncation(t.path("max_length").asInt(512), strategy, direction);
    }

    private static Padding padding(JsonNode p) {
        if (p.isMissingNode() || p.isNull()) {
            return null;
        }
        JsonNode strategy = p.path("strategy");
        int fixed = strategy.isObject() ? strategy.path("Fixed").asInt(0) : 0;
        return new Padding(fixed, p.path("pad_to_multiple_of").asInt(0), p.path("pad_id").asInt(0), p.path("pad_type_id").asInt(0),
                p.path("pad_token").asText("[PAD]"), p.path("direction").asText("Right").equals("Left"));
    }

    /** Writes a tokenizer.json that Hugging Face's tokenizers load and that gives the same ids. */
    static void write(Path file, Parts parts) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", "1.0");
        Truncation t = parts.truncation();
        if (t == null) {
            root.put("truncation", null);
        } else {
            Map<String, Object> tr = new LinkedHashMap<>();
            tr.put("direction", t.direction() == Truncation.Direction.LEFT ? "Left" : "Right");
            tr.put("max_length", t.maxLength());
            tr.put("strategy", switch (t.strategy()) {
                case LONGEST_FIRST -> "LongestFirst";
                case ONLY_FIRST -> "OnlyFirst";
                case ONLY_SECOND -> "OnlySecond";
            });
            tr.put("stride", 0);
            root.put("truncation", tr);
        }
        Padding p = parts.padding();
        if (p == null) {
            root.put("padding", null);
        } else {
            Map<String, Object> pd = new LinkedHashMap<>();
            pd.put("strategy", p.fixedLength() > 0 ? ordered("Fixed", p.fixedLength()) : "BatchLongest");
            pd.put("direction", p.left() ? "Left" : "Right");
            pd.put("pad_to_multiple_of", p.multipleOf() > 0 ? p.multipleOf() : null);
            pd.put("pad_id", p.padId());
            pd.put("pad_type_id", p.padTypeId());
            pd.put("pad_token", p.padToken());
            root.put("padding", pd);
        }
        List<Map<String, Object>> added = new ArrayList<>();
        for (AddedToken a : parts.addedTokens()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("content", a.content());
            m.put("single_word", a.singleWord());
            m.put("lstrip", a.lstrip());
            m.put("rstrip", a.rstrip());
            m.put("normalized", a.normalized());
            m.put("special", a.special());
            added.add(m);
        }
        root.put("added_tokens", added);
        BertNormalization n = parts.normalization();
        Map<String, Object> norm = new LinkedHashMap<>();
        norm.put("type", "BertNormalizer");
        norm.put("clean_text", n.cleanText());
        norm.put("handle_chinese_chars", n.handleChineseChars());
        norm.put("strip_accents", n.stripAccents());
        norm.put("lowercase", n.lowercase());
        root.put("normalizer", norm);
        root.put("pre_tokenizer", ordered("type", "BertPreTokenizer"));
        root.put("post_processor", parts.template() == null ? null : templateJson(parts.template()));
        WordPieceVocabulary v = parts.vocab();
        root.put("decoder", ordered("type", "WordPiece", "prefix", v.continuationPrefix(), "cleanup", true));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "WordPiece");
        model.put("unk_token", v.unknownToken());
        model.put("continuing_subword_prefix", v.continuationPrefix());
        model.put("max_input_chars_per_word", v.maxInputCharsPerWord());
        Map<String, Integer> byId = new LinkedHashMap<>();
        v.asMap().entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> byId.put(e.getKey(), e.getValue()));
        model.put("vocab", byId);
        root.put("model", model);
        MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    private static Map<String, Object> templateJson(Template t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "TemplateProcessing");
        out.put("single", piecesJson(t.single()));
        out.put("pair", piecesJson(t.pair()));
        Map<String, Object> specials = new LinkedHashMap<>();
        for (Template.SpecialToken s : t.specialTokens().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.name());
            m.put("ids", s.ids());
            m.put("tokens", s.tokens());
            specials.put(s.name(), m);
        }
        out.put("special_tokens", specials);
        return out;
    }

    private static List<Object> piecesJson(List<Template.Piece> pieces) {
        List<Object> out = new ArrayList<>();
        for (Template.Piece p : pieces) {
            if (p.isSpecial()) {
                out.add(ordered("SpecialToken", ordered("id", p.special(), "type_id", p.typeId())));
            } else {
                out.add(ordered("Sequence", ordered("id", p.sequence() == 1 ? "B" : "A", "type_id", p.typeId())));
            }
        }
        return out;
    }

    /**
     * A JSON object with its keys in the order given: {@code Map.of} iterates in an order that changes
     * from one JVM start to the next, and the file is meant to be the same bytes each time.
     */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
