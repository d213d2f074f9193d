package dev.nlpipe.nn.bert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The hand-written cases of {@code bert/tokenizer-cases.txt}, and seeded random mixtures of tricky characters. */
public final class TokenizerCases {
    private TokenizerCases() {
    }

    public static List<String> read() {
        String text;
        try (InputStream in = TokenizerCases.class.getResourceAsStream("/bert/tokenizer-cases.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith("#!")) {
                out.add(unescape(line));
            }
        }
        if (out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out;
    }

    static String unescape(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 == line.length()) {
                b.append(c);
                continue;
            }
            char next = line.charAt(i + 1);
            if (next == '\\') {
                b.append('\\');
                i++;
            } else if (next == 't') {
                b.append('\t');
                i++;
            } else if (next == 'u' && i + 2 < line.length() && line.charAt(i + 2) == '{') {
                int close = line.indexOf('}', i);
                b.appendCodePoint(Integer.parseInt(line.substring(i + 3, close), 16));
                i = close;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static final String[] POOL = {"a", "B", "é", "e\u0301", "ß", "İ", "Σ", "中", "文", "。", "，", "!", "?", "-", "'", " ", "  ",
        "\t", "\n", "\u3000", "\u00A0", "\u200B", "\u0000", "\u0085", "\uFFFD", "😀", "👍🏽", "𠮷", "𝐀", "Ａ", "１", "1", "23", "ｶ", "한",
        "ㄱ", "ا", "َ", "ש", "ִ", "ก", "ั", "[MASK]", "[SEP]", "[", "]", "##", "#", "the", "ing", "un", "北京", "hello", "World",
        "\u2E52", "\u0890", "\u1ABF", "\u00AD", "\uE000", "Ω", "Å", "ﬁ", "①", "½", "²"};

    /** {@code n} random strings of up to 40 pieces from a pool of tricky ones, the same for every run. */
    static List<String> random(int n, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            int pieces = r.nextInt(41);
            for (int k = 0; k < pieces; k++) {
                b.append(POOL[r.nextInt(POOL.length)]);
            }
            out.add(b.toString());
        }
        return out;
    }
}
