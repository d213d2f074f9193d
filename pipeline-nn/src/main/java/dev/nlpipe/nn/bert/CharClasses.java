package dev.nlpipe.nn.bert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What Hugging Face's BERT normalizer and pre-tokenizer think of each code point, read from
 * {@code hf-bert-chars.txt} (measured on the Rust library by the test tool {@code HfCharClassesProbe}). Hugging Face
 * takes its Unicode categories from an old table (the {@code unicode_categories} crate), so Java's own
 * {@link Character} categories would disagree on a few hundred recent characters; the file keeps the ids equal.
 */
final class CharClasses {
    /** Dropped by {@code clean_text} (control, format and private-use characters, NUL, U+FFFD). */
    static final int REMOVED = 1;
    /** Whitespace for the pre-tokenizer (and turned into a space by {@code clean_text}). */
    static final int SPACE = 2;
    /** Punctuation: the pre-tokenizer makes it a word of its own. */
    static final int PUNCT = 4;
    /** A CJK ideograph that {@code handle_chinese_chars} surrounds with spaces. */
    static final int CHINESE = 8;
    /** A non-spacing mark, dropped by {@code strip_accents} after NFD. */
    static final int MARK = 16;
    /** Java's NFD decomposes it, Hugging Face's does not. */
    static final int NFD_KEPT = 32;
    /** Java lowercases it, Hugging Face does not. */
    static final int LOWER_KEPT = 64;

    private static final String RESOURCE = "hf-bert-chars.txt";
    private static final Map<String, Integer> NAMES = Map.of("removed", REMOVED, "space", SPACE, "punct", PUNCT, "chinese", CHINESE,
            "mark", MARK, "nfd-kept", NFD_KEPT, "lower-kept", LOWER_KEPT);
    private static final byte[] FLAGS = load();

    private CharClasses() {
    }

    /** The classes of a code point (lone surrogates have none). */
    static int of(int codePoint) {
        return FLAGS[codePoint];
    }

    static boolean is(int codePoint, int flag) {
        return (FLAGS[codePoint] & flag) != 0;
    }

    private static byte[] load() {
        byte[] flags = new byte[Character.MAX_CODE_POINT + 1];
        try (InputStream in = CharClasses.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the nlpipe pipeline-nn jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                Integer flag = NAMES.get(parts[0]);
                if (flag == null) {
                    throw new IllegalStateException(RESOURCE + ": unknown class " + parts[0]);
                }
                for (int i = 1; i < parts.length; i++) {
                    String range = parts[i];
                    int dash = range.indexOf('-');
                    int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash), 16);
                    int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1), 16);
                    for (int c = from; c <= to; c++) {
                        flags[c] |= (byte) (int) flag;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return flags;
    }
}
