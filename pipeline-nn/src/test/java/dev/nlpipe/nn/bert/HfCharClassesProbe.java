package dev.nlpipe.nn.bert;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Regenerates {@code src/main/resources/dev/nlpipe/nn/bert/hf-bert-chars.txt}, the character classes of Hugging
 * Face's BERT normalizer and pre-tokenizer, by asking the Rust library itself (through DJL) about every code point.
 * Not a test: run it by hand when DJL's tokenizers version changes.
 *
 * <pre>
 * mvn -o -q test-compile -pl pipeline-nn -am
 * mvn -o -q dependency:build-classpath -pl pipeline-nn -Dmdep.outputFile=$PWD/pipeline-nn/target/cp.txt -Dmdep.includeScope=test
 * java -Xmx4g -cp "pipeline-nn/target/test-classes:$(cat pipeline-nn/target/cp.txt)" dev.nlpipe.nn.bert.HfCharClassesProbe \
 *     pipeline-nn/src/main/resources/dev/nlpipe/nn/bert/hf-bert-chars.txt
 * </pre>
 *
 * Hugging Face takes its categories from the {@code unicode_categories} crate, whose tables are older than Java's
 * (some punctuation, format characters and non-spacing marks of recent Unicode versions are missing), and its NFD
 * from {@code unicode-normalization-alignments}. Each probe builds a tokenizer whose WordPiece vocabulary holds
 * every code point {@code c} and {@code ##c}, so that the tokens show exactly what the normalizer and pre-tokenizer
 * did to the text {@code "a" + c + "b"}.
 */
public final class HfCharClassesProbe {
    private static final int BATCH = 20_000;

    private HfCharClassesProbe() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("ai.djl.offline", "true");
        Path out = Path.of(args.length > 0 ? args[0] : "hf-bert-chars.txt");
        String vocab = allCharsVocab();
        String none = "null";
        String bertPre = "{\"type\":\"BertPreTokenizer\"}";
        Map<String, BitSet> classes = new LinkedHashMap<>();
        // 1. the pre-tokenizer alone: whitespace (removed) and punctuation (isolated)
        BitSet space = new BitSet();
        BitSet punct = new BitSet();
        probe(vocab, none, bertPre, "a%sb", (c, t) -> {
            if (t.length == 2 && t[1].equals("b")) {
                space.set(c);
            } else if (t.length == 3 && t[2].equals("b")) {
                punct.set(c);
            }
        });
        // 2. clean_text: characters dropped
        BitSet removed = new BitSet();
        probe(vocab, normalizer(true, false, false, false), bertPre, "a%sb", (c, t) -> {
            if (t.length == 2 && t[1].equals("##b")) {
                removed.set(c);
            }
        });
        // 3. handle_chinese_chars: characters isolated that are neither whitespace nor punctuation
        BitSet chinese = new BitSet();
        probe(vocab, normalizer(false, true, false, false), bertPre, "a%sb", (c, t) -> {
            if (t.length == 3 && t[2].equals("b") && !punct.get(c) && !space.get(c)) {
                chinese.set(c);
            }
        });
        // 4. strip_accents: NFD, then non-spacing marks dropped
        Map<Integer, String> stripped = new LinkedHashMap<>();
        BitSet mark = new BitSet();
        probe(vocab, normalizer(false, false, true, false), none, "a%s", (c, t) -> {
            String s = joinPieces(t);
            if (s.isEmpty()) {
                mark.set(c);
            }
            stripped.put(c, s);
        });
        // 5. lowercase
        Map<Integer, String> lowered = new LinkedHashMap<>();
        probe(vocab, normalizer(false, false, false, true), none, "a%s", (c, t) -> lowered.put(c, joinPieces(t)));

        BitSet nfdKept = new BitSet();
        BitSet lowerKept = new BitSet();
        List<String> unexplained = new ArrayList<>();
        for (Map.Entry<Integer, String> e : stripped.entrySet()) {
            int c = e.getKey();
            String self = new String(Character.toChars(c));
            StringBuilder java = new StringBuilder();
            Normalizer.normalize(self, Normalizer.Form.NFD).codePoints().filter(x -> !mark.get(x)).forEach(java::appendCodePoint);
            if (!java.toString().equals(e.getValue())) {
                if (e.getValue().equals(self)) {
                    nfdKept.set(c);
                } else {
                    unexplained.add("strip " + Integer.toHexString(c));
                }
            }
            String lower = CharMapping.javaLowercase(c);
            if (!lower.equals(lowered.get(c))) {
                if (lowered.get(c).equals(self)) {
                    lowerKept.set(c);
                } else {
                    unexplained.add("lowercase " + Integer.toHexString(c));
                }
            }
        }
        classes.put("removed", removed);
        classes.put("space", space);
        classes.put("punct", punct);
        classes.put("chinese", chinese);
        classes.put("mark", mark);
        classes.put("nfd-kept", nfdKept);
        classes.put("lower-kept", lowerKept);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.println("# Character classes of Hugging Face tokenizers' BertNormalizer and BertPreTokenizer (the Rust library in");
            w.println("# ai.djl.huggingface:tokenizers:0.35.1), measured code point by code point by HfCharClassesProbe.");
            w.println("# Hexadecimal code points and ranges. removed: dropped by clean_text; space: whitespace; punct: isolated");
            w.println("# by the pre-tokenizer; chinese: isolated by handle_chinese_chars; mark: dropped by strip_accents;");
            w.println("# nfd-kept / lower-kept: code points Java decomposes or lowercases but Hugging Face leaves as they are.");
            for (Map.Entry<String, BitSet> e : classes.entrySet()) {
                w.println(e.getKey() + " " + ranges(e.getValue()));
            }
        }
        System.out.println("wrote " + out + "; unexplained differences from Java's NFD and lowercase: " + unexplained);
    }

    private interface Sink {
        void accept(int codePoint, String[] tokens);
    }

    private static void probe(String vocab, String normalizer, String preTokenizer, String template, Sink sink) throws IOException {
        String json = "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":[],\"normalizer\":" + normalizer
                + ",\"pre_tokenizer\":" + preTokenizer + ",\"post_processor\":null,\"decoder\":null,\"model\":{\"type\":\"WordPiece\","
                + "\"unk_token\":\"[UNK]\",\"continuing_subword_prefix\":\"##\",\"max_input_chars_per_word\":100,\"vocab\":" + vocab + "}}";
        Map<String, String> options = Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");
        try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                options)) {
            List<Integer> batch = new ArrayList<>(BATCH);
            for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
                if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                    continue;
                }
                batch.add(c);
                if (batch.size() == BATCH || c == Character.MAX_CODE_POINT) {
                    String[] texts = batch.stream().map(x -> template.replace("%s", new String(Character.toChars(x)))).toArray(String[]::new);
                    Encoding[] encodings = tok.batchEncode(texts);
                    for (int i = 0; i < texts.length; i++) {
                        sink.accept(batch.get(i), encodings[i].getTokens());
                    }
                    batch.clear();
                }
            }
        }
    }

    private static String normalizer(boolean clean, boolean chinese, boolean strip, boolean lower) {
        return "{\"type\":\"BertNormalizer\",\"clean_text\":" + clean + ",\"handle_chinese_chars\":" + chinese + ",\"strip_accents\":"
                + strip + ",\"lowercase\":" + lower + "}";
    }

    /** The pieces after the leading "a", prefixes removed: what the normalizer made of the probed character. */
    private static String joinPieces(String[] tokens) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < tokens.length; i++) {
            b.append(tokens[i].startsWith("##") ? tokens[i].substring(2) : tokens[i]);
        }
        return b.toString();
    }

    private static String allCharsVocab() {
        StringBuilder v = new StringBuilder("{\"[UNK]\":0");
        int id = 1;
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                continue;
            }
            String s = new String(Character.toChars(c));
            v.append(',').append(quote(s)).append(':').append(id++);
            v.append(',').append(quote("##" + s)).append(':').append(id++);
        }
        return v.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String ranges(BitSet set) {
        StringBuilder b = new StringBuilder();
        for (int c = set.nextSetBit(0); c >= 0; ) {
            int end = set.nextClearBit(c) - 1;
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT));
            if (end > c) {
                b.append('-').append(Integer.toHexString(end).toUpperCase(java.util.Locale.ROOT));
            }
            c = set.nextSetBit(end + 1);
        }
        return b.toString();
    }
}
