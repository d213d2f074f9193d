package dev.nlpipe.nn.bert;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Hugging Face's Rust tokenizers through DJL, the reference the Java tokenizer is compared with. The tokenizer.json
 * files come from the langchain4j model jars on the test class path. DJL's character spans count code points (Rust
 * chars); {@link #compare} turns them into UTF-16 indices, nlpipe's convention.
 */
public final class HfReference {
    /** bge-small-zh-v1.5: Chinese BERT vocabulary (21128), cased (lowercase false, strip_accents null). */
    public static final String ZH = "bge-small-zh-v1.5-tokenizer.json";
    /** all-MiniLM-L6-v2: English uncased BERT vocabulary (30522); its file truncates to 128 and pads to 128. */
    public static final String EN = "all-minilm-l6-v2-tokenizer.json";

    static {
        System.setProperty("ai.djl.offline", "true");
    }

    private HfReference() {
    }

    public static byte[] json(String resource) {
        try (InputStream in = HfReference.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path (langchain4j embedding jars)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BertTokenizer nlpipe(String resource) {
        try {
            return BertTokenizer.fromTokenizerJson(new ByteArrayInputStream(json(resource)), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DJL's tokenizer for a tokenizer.json, truncating to {@code maxLength} (0: not at all), never padding. */
    public static HuggingFaceTokenizer djl(byte[] json, int maxLength) {
        Map<String, String> options = new HashMap<>();
        options.put("padding", "false");
        options.put("addSpecialTokens", "true");
        if (maxLength > 0) {
            options.put("truncation", "true");
            options.put("maxLength", Integer.toString(maxLength));
        } else {
            options.put("truncation", "false");
        }
        try {
            return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HuggingFaceTokenizer djl(String resource, int maxLength) {
        return djl(json(resource), maxLength);
    }

    /** {@code null} when both give the same ids, tokens, type ids and offsets; else what differs. */
    public static String compare(BertEncoding mine, Encoding hf, String text, String pair) {
        long[] ids = hf.getIds();
        int[] myIds = mine.ids();
        if (!Arrays.equals(Arrays.stream(myIds).asLongStream().toArray(), ids)) {
            return "ids " + Arrays.toString(myIds) + " vs HF " + Arrays.toString(ids) + " tokens " + Arrays.toString(mine.tokens())
                    + " vs HF " + Arrays.toString(hf.getTokens());
        }
        if (!Arrays.equals(mine.tokens(), hf.getTokens())) {
            return "tokens " + Arrays.toString(mine.tokens()) + " vs HF " + Arrays.toString(hf.getTokens());
        }
        if (!Arrays.equals(Arrays.stream(mine.typeIds()).asLongStream().toArray(), hf.getTypeIds())) {
            return "type ids " + Arrays.toString(mine.typeIds()) + " vs HF " + Arrays.toString(hf.getTypeIds());
        }
        CharSpan[] spans = hf.getCharTokenSpans();
        long[] special = hf.getSpecialTokenMask();
        for (int i = 0; i < myIds.length; i++) {
            int start;
            int end;
            if (spans[i] == null) {
                start = 0;
                end = 0;
            } else {
                String source = mine.sequenceIds()[i] == 1 ? pair : text;
                start = source.offsetByCodePoints(0, spans[i].getStart());
                end = source.offsetByCodePoints(0, spans[i].getEnd());
            }
            if (mine.starts()[i] != start || mine.ends()[i] != end) {
                return "token " + i + " '" + mine.tokens()[i] + "' at " + mine.starts()[i] + "-" + mine.ends()[i] + " vs HF " + start + "-" + end;
            }
            if (mine.specialTokensMask()[i] != special[i]) {
                return "special token mask at " + i;
            }
        }
        if (mine.truncated() != hf.exceedMaxLength()) {
            return "truncated " + mine.truncated() + " vs HF " + hf.exceedMaxLength();
        }
        return null;
    }
}
