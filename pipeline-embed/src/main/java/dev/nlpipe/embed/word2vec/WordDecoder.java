package dev.nlpipe.embed.word2vec;

import dev.nlpipe.embed.word2vec.VectorFormat.VectorFormatException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the words of one vectors file, text or binary, by one rule: strict UTF-8, as gensim
 * reads them, except a word cut mid-character at its end, which word2vec.c leaves when it cuts a
 * long word; a file in another encoding (GBK) is refused, not loaded as words of U+FFFD.
 */
final class WordDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(WordDecoder.class);
    private final Path file;
    /** Whether a word beyond ASCII decoded as UTF-8: the file is UTF-8, and a word cut mid-character later is damage. */
    private boolean sawUtf8;
    /** Words cut mid-character at their end, read with U+FFFD, and where the first was. */
    private long damagedWords;
    private String firstDamagedWord;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    WordDecoder(Path file) {
        this.file = file;
    }

    /** Warns of the words read with U+FFFD, if any, once the file is read. */
    void warnOfDamage() {
        if (damagedWords > 0) {
            LOG.warn("vectors {}: {} word(s) end in a character cut short (first: {}), as word2vec.c cuts long words; they are"
                    + " read with U+FFFD in place of those bytes, as gensim's unicode_errors='replace' reads them",
                    file, damagedWords, firstDamagedWord);
        }
    }

    /** {@code bytes[from, to)} as UTF-8, or {@code null} where they are not. */
    String strict(byte[] bytes, int from, int to) {
        try {
            String s = utf8.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
            if (!sawUtf8) {
                sawUtf8 = hasNonAscii(bytes, from, to); // once known, no word is scanned again
            }
            return s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The text of {@code bytes[0, len)}, which are not UTF-8, when the only fault is a word
     * ({@code bytes[wordFrom, wordTo)}) cut mid-character at its end in a file already seen to be
     * UTF-8: word2vec.c cuts long words so. It is read with U+FFFD, as gensim's
     * {@code unicode_errors='replace'} reads it, and counted.
     *
     * @param where the line or vector, for the messages
     * @throws VectorFormatException for bytes in another encoding (a GBK file, whose every word
     *     would be garbled and never found), as gensim's strict decoding refuses them
     */
    String damaged(byte[] bytes, int len, int wordFrom, int wordTo, String where) throws VectorFormatException {
        // A GBK file can hold a line whose bytes happen to be UTF-8 (说 is CB B5, UTF-8's U+02F5): only a fault at a
        // word's very end, where word2vec.c cuts, is damage; one elsewhere means the file is in another encoding.
        if (!sawUtf8 || !cutAtEnd(bytes, wordFrom, wordTo) || strict(bytes, wordTo, len) == null) {
            throw new VectorFormatException(file, where + " is not valid UTF-8 (a GBK or Latin-1 file? convert it first, e.g."
                    + " iconv -f gbk -t utf-8)");
        }
        if (damagedWords++ == 0) {
            firstDamagedWord = where;
        }
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }

    /** Whether {@code bytes[from, to)} are UTF-8 but for a character cut short at their end. */
    private boolean cutAtEnd(byte[] bytes, int from, int to) {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        // not at the end of the input: a sequence that could still be completed is left unread, not reported
        boolean wellFormed = utf8.reset().decode(in, CharBuffer.allocate(to - from), false).isUnderflow();
        utf8.reset();
        return wellFormed && in.hasRemaining();
    }

    private static boolean hasNonAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return true;
            }
        }
        return false;
    }
}
