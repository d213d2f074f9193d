package dev.nlpipe.nn.bert;

import dev.nlpipe.core.model.ModelDir;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * BERT's WordPiece tokenizer in pure Java, giving the ids and offsets of Hugging Face's Rust {@code tokenizers} for
 * {@code BertNormalizer} + {@code BertPreTokenizer} + {@code WordPiece} + BERT's template ({@code [CLS] A [SEP] B
 * [SEP]}). Offsets are UTF-16 code units of the original text (Java {@code String} indices); see
 * {@link BertEncoding}. Immutable and thread-safe; the {@code with...} methods return changed copies.
 *
 * <pre>{@code
 * BertTokenizer tok = BertTokenizer.load(Path.of("models/bge-small-zh/tokenizer.json")).withMaxLength(512);
 * BertEncoding e = tok.encode("我爱北京 Hello!");
 * int[] ids = e.ids();                     // [CLS] 我 爱 北 京 [UNK] ! [SEP]: bge-small-zh is cased and has no "Hello"
 * }</pre>
 */
public final class BertTokenizer {
    /** Batches at least this long are encoded on several threads. */
    private static final int PARALLEL_BATCH = 64;
    private static final List<String> BERT_SPECIALS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private final TokenizerJson.Parts parts;
    private final SequenceTokenizer sequences;
    private final boolean addSpecialTokens;

    private BertTokenizer(TokenizerJson.Parts parts, SequenceTokenizer sequences, boolean addSpecialTokens) {
        this.parts = parts;
        this.sequences = sequences;
        this.addSpecialTokens = addSpecialTokens;
    }

    private static BertTokenizer of(TokenizerJson.Parts parts) {
        return new BertTokenizer(parts, new SequenceTokenizer(parts.vocab(), parts.normalization(), parts.addedTokens()), true);
    }

    /**
     * A BERT tokenizer for a vocabulary, as Hugging Face builds one from a vocab.txt: the vocabulary's [PAD], [UNK],
     * [CLS], [SEP] and [MASK] become special tokens matched in the text, and [CLS] ... [SEP] surround each text when
     * the vocabulary has both. No truncation.
     */
    public static BertTokenizer of(WordPieceVocabulary vocab, BertNormalization normalization) {
        return of(vocab, normalization, List.of());
    }

    /**
     * {@link #of(WordPieceVocabulary, BertNormalization)} with more special tokens, as Hugging Face's
     * WordPiece trainer makes every one of its {@code special_tokens}: each is matched whole in the
     * text (never split into pieces, never lowercased) and counts as special.
     *
     * @param moreSpecials tokens of the vocabulary beside BERT's five ({@code [E1]}, {@code <num>}...)
     */
    public static BertTokenizer of(WordPieceVocabulary vocab, BertNormalization normalization, List<String> moreSpecials) {
        List<AddedToken> specials = new ArrayList<>();
        java.util.Set<String> named = new java.util.LinkedHashSet<>(BERT_SPECIALS);
        named.addAll(moreSpecials);
        for (String s : named) {
            if (vocab.id(s) >= 0) {
                specials.add(AddedToken.special(vocab.id(s), s));
            }
        }
        specials.sort((a, b) -> Integer.compare(a.id(), b.id()));
        int cls = vocab.id("[CLS]");
        int sep = vocab.id("[SEP]");
        Template template = cls >= 0 && sep >= 0 ? Template.bert("[CLS]", cls, "[SEP]", sep) : null;
        return of(new TokenizerJson.Parts(vocab, normalization, List.copyOf(specials), template, null, null));
    }

    /** Reads a BERT {@code vocab.txt}; {@code lowercase} is the model's {@code do_lower_case} (true for uncased models). */
    public static BertTokenizer fromVocab(Path vocabTxt, boolean lowercase) throws IOException {
        return of(WordPieceVocabulary.read(vocabTxt), BertNormalization.of(lowercase));
    }

    /**
     * Reads a Hugging Face {@code tokenizer.json} of a BERT model (its truncation comes along; its padding is what
     * {@link #pad(List)} does).
     *
     * @throws IllegalArgumentException when the file is not a BERT WordPiece tokenizer (BPE, Unigram, another
     *     normalizer or pre-tokenizer), saying what it is
     */
    public static BertTokenizer fromTokenizerJson(InputStream in, String source) throws IOException {
        return of(TokenizerJson.read(in, source));
    }

    /** {@link #fromTokenizerJson(InputStream, String)} from a file. */
    public static BertTokenizer fromTokenizerJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromTokenizerJson(in, file.toString());
        }
    }

    /**
     * Loads a {@code tokenizer.json} file, or the {@code tokenizer.json} of a directory (a model directory of task
     * {@code tokenize.wordpiece}, or a Hugging Face model download).
     *
     * @throws IOException when there is none (a directory with only a vocab.txt needs {@link #fromVocab}, which is
     *     told whether the model lowercases)
     */
    public static BertTokenizer load(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Path json = path.resolve("tokenizer.json");
            if (Files.isRegularFile(json)) {
                return fromTokenizerJson(json);
            }
            throw new IOException(path + " has no tokenizer.json" + (Files.exists(path.resolve("vocab.txt"))
                    ? "; for its vocab.txt use BertTokenizer.fromVocab(path, lowercase), lowercase as the model's do_lower_case" : ""));
        }
        if (!Files.exists(path)) {
            throw new IOException(path + " does not exist");
        }
        if (path.getFileName().toString().endsWith(".txt")) {
            throw new IOException(path + " looks like a vocab.txt; use BertTokenizer.fromVocab(path, lowercase)");
        }
        return fromTokenizerJson(path);
    }

    /** This tokenizer cutting encodings to {@code maxLength} tokens, special tokens included (longest first). */
    public BertTokenizer withMaxLength(int maxLength) {
        return withTruncation(Truncation.longestFirst(maxLength));
    }

    /** This tokenizer with another truncation, or none ({@code null}). */
    public BertTokenizer withTruncation(Truncation truncation) {
        TokenizerJson.Parts p = parts;
        return new BertTokenizer(new TokenizerJson.Parts(p.vocab(), p.normalization(), p.addedTokens(), p.template(), truncation,
                p.padding()), sequences, addSpecialTokens);
    }

    /** This tokenizer with or without the template's special tokens ([CLS], [SEP]) around each text. */
    public BertTokenizer withSpecialTokens(boolean add) {
        return new BertTokenizer(parts, sequences, add);
    }

    /** Encodes one text. */
    public BertEncoding encode(String text) {
        return encode(text, null);
    }

    /** Encodes a pair of texts ({@code pair} may be {@code null} for one text). */
    public BertEncoding encode(String text, String pair) {
        Template template = addSpecialTokens ? parts.template() : null;
        Truncation t = parts.truncation();
        int budget = t == null ? -1 : Math.max(0, t.maxLength() - (template == null ? 0 : template.added(pair != null)));
        // a single text cut at its end needs only its first pieces: a book-length text is not tokenized whole
        boolean firstOnly = pair == null && t != null && t.direction() == Truncation.Direction.RIGHT
                && t.strategy() != Truncation.Strategy.ONLY_SECOND;
        TokenBuffer a = firstOnly ? sequences.tokenizeFirst(text, budget + 1) : sequences.tokenize(text);
        TokenBuffer b = pair == null ? null : sequences.tokenize(pair);
        boolean truncated = false;
        if (t != null) {
            truncated = t.apply(a, b, budget);
        }
        return Template.assemble(template, a, b, truncated);
    }

    /** Encodes texts, on several threads when there are many. */
    public List<BertEncoding> encodeBatch(List<String> texts) {
        return batch(texts.size(), i -> encode(texts.get(i), null));
    }

    /** Encodes pairs of texts: {@code texts.get(i)} with {@code pairs.get(i)}. */
    public List<BertEncoding> encodeBatch(List<String> texts, List<String> pairs) {
        if (texts.size() != pairs.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + pairs.size() + " pairs");
        }
        return batch(texts.size(), i -> encode(texts.get(i), pairs.get(i)));
    }

    private static List<BertEncoding> batch(int n, IntFunction<BertEncoding> encode) {
        BertEncoding[] out = new BertEncoding[n];
        IntStream range = IntStream.range(0, n);
        (n >= PARALLEL_BATCH ? range.parallel() : range).forEach(i -> out[i] = encode.apply(i));
        return Arrays.asList(out);
    }

    /** The pieces of a text, without special tokens or truncation. */
    public List<String> tokenize(String text) {
        TokenBuffer t = sequences.tokenize(text);
        return Arrays.asList(Arrays.copyOf(t.tokens, t.size));
    }

    /**
     * Pads encodings into rows of one length: the tokenizer.json's fixed length when it has one, else the longest
     * encoding (rounded up to its {@code pad_to_multiple_of}).
     */
    public PaddedBatch pad(List<BertEncoding> encodings) {
        return pad(encodings, padding().fixedLength(), true);
    }

    /**
     * Pads encodings into rows of {@code length} tokens (0: the longest encoding), with the pad token's id, type id 0
     * and attention mask 0.
     *
     * @throws IllegalArgumentException when an encoding is longer than {@code length} (truncate with
     *     {@link #withMaxLength} first)
     */
    public PaddedBatch pad(List<BertEncoding> encodings, int length) {
        return pad(encodings, length, false);
    }

    /** Pads as {@link #pad(List, int)}; {@code fileFixed}: {@code length} is the tokenizer.json's fixed padding. */
    private PaddedBatch pad(List<BertEncoding> encodings, int length, boolean fileFixed) {
        Padding p = padding();
        int longest = 0;
        for (BertEncoding e : encodings) {
            longest = Math.max(longest, e.length());
        }
        if (fileFixed && length > 0 && longest > length) {
            // withMaxLength raised past the file's padding (all-MiniLM's tokenizer.json fixes 128): the padding is not the cut
            throw new IllegalArgumentException("an encoding has " + longest + " tokens, more than the " + length
                    + " the tokenizer.json's padding fixes; pad(encodings, 0) pads to the longest encoding instead");
        }
        int len = length > 0 ? length : longest;
        if (p.multipleOf() > 0 && len % p.multipleOf() != 0) {
            len += p.multipleOf() - len % p.multipleOf();
        }
        if (longest > len) {
            throw new IllegalArgumentException("an encoding has " + longest + " tokens, more than the padded length " + len
                    + "; truncate first (withMaxLength)");
        }
        int n = encodings.size();
        int[][] ids = new int[n][len];
        int[][] types = new int[n][len];
        int[][] mask = new int[n][len];
        for (int r = 0; r < n; r++) {
            BertEncoding e = encodings.get(r);
            int at = p.left() ? len - e.length() : 0;
            Arrays.fill(ids[r], p.padId());
            Arrays.fill(types[r], p.padTypeId());
            System.arraycopy(e.ids(), 0, ids[r], at, e.length());
            System.arraycopy(e.typeIds(), 0, types[r], at, e.length());
            Arrays.fill(mask[r], at, at + e.length(), 1);
        }
        return new PaddedBatch(ids, types, mask, len);
    }

    private Padding padding() {
        return parts.padding() != null ? parts.padding() : Padding.defaults(parts.vocab());
    }

    /**
     * Writes {@code vocab.txt}, {@code tokenizer.json} and {@code tokenizer_config.json} into a
     * directory (created when missing); see {@link #saveConfig}.
     */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        saveVocab(dir.resolve("vocab.txt"));
        saveTokenizerJson(dir.resolve("tokenizer.json"));
        saveConfig(dir.resolve("tokenizer_config.json"));
    }

    /**
     * Writes Hugging Face's {@code tokenizer_config.json}: how to normalize, which transformers'
     * {@code AutoTokenizer} needs because without it it lowercases every BERT tokenizer, a cased one
     * too; where to cut ({@code model_max_length}, this tokenizer's truncation, none without one);
     * and which pieces are the special tokens.
     */
    public void saveConfig(Path file) throws IOException {
        BertNormalization n = parts.normalization();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tokenizer_class", "BertTokenizer");
        config.put("do_lower_case", n.lowercase());
        if (n.stripAccents() != null) {
            config.put("strip_accents", n.stripAccents());
        }
        config.put("tokenize_chinese_chars", n.handleChineseChars());
        // transformers' tokenizers cut at model_max_length, not at the truncation tokenizer.json holds
        if (parts.truncation() != null) {
            config.put("model_max_length", parts.truncation().maxLength());
        }
        for (String special : BERT_SPECIALS) {
            if (vocabulary().id(special) >= 0) {
                config.put(special.substring(1, special.length() - 1).toLowerCase(java.util.Locale.ROOT) + "_token", special);
            }
        }
        ModelDir.writeJson(file, config);
    }

    /** Writes a {@code tokenizer.json} that Hugging Face's tokenizers (and DJL's wrapper) load with the same ids. */
    public void saveTokenizerJson(Path file) throws IOException {
        TokenizerJson.write(file, parts);
    }

    /**
     * Writes the vocabulary as a BERT {@code vocab.txt} (the normalization is not in it: a reader must be told
     * whether to lowercase).
     */
    public void saveVocab(Path file) throws IOException {
        parts.vocab().write(file);
    }

    public WordPieceVocabulary vocabulary() {
        return parts.vocab();
    }

    public BertNormalization normalization() {
        return parts.normalization();
    }

    /** The tokens matched literally in the text ([CLS], [MASK]...). */
    public List<AddedToken> addedTokens() {
        return parts.addedTokens();
    }

    /** The truncation, or {@code null} for none. */
    public Truncation truncation() {
        return parts.truncation();
    }

    public boolean addsSpecialTokens() {
        return addSpecialTokens;
    }

    /** Whether the tokenizer has BERT's template, {@code [CLS] ... [SEP]}, to put around a text (a vocabulary without them has none). */
    public boolean hasTemplate() {
        return parts.template() != null;
    }

    /** The id of a token (an added token or a vocabulary piece), or -1. */
    public int tokenId(String token) {
        for (AddedToken a : parts.addedTokens()) {
            if (a.content().equals(token)) {
                return a.id();
            }
        }
        return parts.vocab().id(token);
    }

    @Override
    public String toString() {
        return "BertTokenizer[" + parts.vocab().size() + " pieces, " + parts.normalization() + ", truncation " + parts.truncation() + "]";
    }
}
