package dev.nlpipe.nn.bert;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WordPiece vocabulary: pieces and their ids, the unknown token, the prefix of continuation pieces ({@code ##}) and
 * the longest word it splits, with tries for greedy longest-match-first look-ups. Immutable and thread-safe.
 */
public final class WordPieceVocabulary {
    /** BERT's unknown token. */
    public static final String UNKNOWN = "[UNK]";
    /** BERT's prefix of pieces that continue a word. */
    public static final String CONTINUATION = "##";
    /** Words longer than this many characters (code points) become the unknown token, as in BERT. */
    public static final int MAX_INPUT_CHARS_PER_WORD = 100;

    private final Map<String, Integer> ids;
    private final String[] tokens;
    private final String unknown;
    private final int unknownId;
    private final String prefix;
    private final int maxInputChars;
    private final PieceTrie wordStarts = new PieceTrie();
    private final PieceTrie continuations = new PieceTrie();

    private WordPieceVocabulary(Map<String, Integer> vocab, String unknown, String prefix, int maxInputChars) {
        this.ids = Collections.unmodifiableMap(new LinkedHashMap<>(vocab));
        int max = -1;
        for (int id : vocab.values()) {
            if (id < 0) {
                throw new IllegalArgumentException("negative id " + id + " in the vocabulary");
            }
            max = Math.max(max, id);
        }
        // ids index an array as long as the largest: a few ids far past the vocabulary's size (a damaged or hostile
        // tokenizer.json) would allocate gigabytes; a vocab.txt with some duplicate lines leaves only a few gaps
        if (max >= 2L * vocab.size() + 1024) {
            throw new IllegalArgumentException("id " + max + " in a vocabulary of " + vocab.size() + " pieces: the ids must number the"
                    + " pieces from 0");
        }
        this.tokens = new String[max + 1];
        vocab.forEach((t, id) -> tokens[id] = t);
        Integer unk = vocab.get(unknown);
        if (unk == null) {
            throw new IllegalArgumentException("the vocabulary has no unknown token '" + unknown + "'");
        }
        if (maxInputChars < 1) {
            throw new IllegalArgumentException("max_input_chars_per_word must be at least 1, not " + maxInputChars);
        }
        this.unknown = unknown;
        this.unknownId = unk;
        this.prefix = prefix;
        this.maxInputChars = maxInputChars;
        vocab.forEach((t, id) -> {
            wordStarts.insert(t, 0, id);
            if (t.startsWith(prefix)) {
                continuations.insert(t, prefix.length(), id);
            }
        });
    }

    /** A vocabulary whose ids are the positions in {@code tokens}, with BERT's unknown token, prefix and word limit. */
    public static WordPieceVocabulary of(List<String> tokens) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            vocab.put(tokens.get(i), i);
        }
        return new WordPieceVocabulary(vocab, UNKNOWN, CONTINUATION, MAX_INPUT_CHARS_PER_WORD);
    }

    /**
     * A vocabulary from a token → id map (a {@code tokenizer.json}'s {@code model.vocab}).
     *
     * @throws IllegalArgumentException when the unknown token is not in it
     */
    public static WordPieceVocabulary of(Map<String, Integer> vocab, String unknownToken, String continuationPrefix,
                                         int maxInputCharsPerWord) {
        return new WordPieceVocabulary(vocab, unknownToken, continuationPrefix, maxInputCharsPerWord);
    }

    /**
     * Reads a BERT {@code vocab.txt}: one piece per line, the id is the line number. As in Hugging Face, trailing
     * whitespace is trimmed and a piece that appears twice keeps its last line.
     */
    public static WordPieceVocabulary read(Path vocabTxt) throws IOException {
        String text = Files.readString(vocabTxt, StandardCharsets.UTF_8);
        Map<String, Integer> vocab = new LinkedHashMap<>();
        int id = 0;
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            int trimmed = end;
            while (trimmed > start && CharClasses.is(text.charAt(trimmed - 1), CharClasses.SPACE)) {
                trimmed--;
            }
            vocab.put(text.substring(start, trimmed), id++);
            start = end + 1;
        }
        if (!vocab.containsKey(UNKNOWN)) {
            throw new IOException(vocabTxt + " has no " + UNKNOWN + " line; it is not a BERT vocab.txt");
        }
        return new WordPieceVocabulary(vocab, UNKNOWN, CONTINUATION, MAX_INPUT_CHARS_PER_WORD);
    }

    /**
     * Writes {@code vocab.txt}, one piece per line in id order: the {@link #idLines}.
     */
    public void write(Path vocabTxt) throws IOException {
        try (Writer w = Files.newBufferedWriter(vocabTxt, StandardCharsets.UTF_8)) {
            for (String line : idLines()) {
                w.write(line);
                w.write('\n');
            }
        }
    }

    /**
     * The lines of this vocabulary's {@code vocab.txt}, one per id in id order. An id no piece has (a
     * vocab.txt that listed a piece twice keeps its last line, leaving the first line's id without a
     * piece) gets the line {@code [unused-hole-ID]}, which no text tokenizes to (the brackets split off
     * as punctuation), so the file has a line for every embedding row and reads back to the same ids.
     */
    public List<String> idLines() {
        List<String> out = new ArrayList<>(tokens.length);
        for (int id = 0; id < tokens.length; id++) {
            out.add(tokens[id] != null ? tokens[id] : "[unused-hole-" + id + "]");
        }
        return out;
    }

    /** The number of pieces. */
    public int size() {
        return ids.size();
    }

    /**
     * The number of ids, the highest plus one: more than {@link #size} when a vocab.txt listed a
     * piece twice (the first line's id has no piece). An embedding table needs this many rows.
     */
    public int idCount() {
        return tokens.length;
    }

    /** The id of a piece, or -1. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    /** The piece with this id, or {@code null}. */
    public String token(int id) {
        return id >= 0 && id < tokens.length ? tokens[id] : null;
    }

    /** Every piece in id order (ids without a piece are left out). */
    public List<String> tokens() {
        List<String> out = new ArrayList<>(ids.size());
        for (String t : tokens) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** The piece → id map, in the order it was given. */
    public Map<String, Integer> asMap() {
        return ids;
    }

    public String unknownToken() {
        return unknown;
    }

    public int unknownId() {
        return unknownId;
    }

    public String continuationPrefix() {
        return prefix;
    }

    public int maxInputCharsPerWord() {
        return maxInputChars;
    }

    /**
     * Splits one word ({@code chars[from, to)}, normalized) into pieces, greedy longest-match-first, and adds them to
     * {@code out} with the original spans of their characters; the whole word is one unknown token when it is longer
     * than the limit or some part of it matches no piece.
     */
    void tokenizeWord(char[] chars, int[] starts, int[] ends, int from, int to, TokenBuffer out) {
        if (Character.codePointCount(chars, from, to - from) > maxInputChars) {
            out.add(unknownId, unknown, starts[from], ends[to - 1]);
            return;
        }
        int mark = out.size;
        int i = from;
        while (i < to) {
            long m = (i == from ? wordStarts : continuations).longest(chars, i, to);
            if (m < 0) {
                out.truncate(mark, false);
                out.add(unknownId, unknown, starts[from], ends[to - 1]);
                return;
            }
            int end = (int) (m >>> 32);
            int id = (int) m;
            out.add(id, tokens[id], starts[i], ends[end - 1]);
            i = end;
        }
    }

    @Override
    public String toString() {
        return "WordPieceVocabulary[" + ids.size() + " pieces, unknown " + unknown + ", prefix " + prefix + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordPieceVocabulary v && ids.equals(v.ids) && unknown.equals(v.unknown) && prefix.equals(v.prefix)
                && maxInputChars == v.maxInputChars;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {ids, unknown, prefix, maxInputChars});
    }
}
