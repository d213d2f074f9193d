package dev.nlpipe.nn.bert;

/**
 * Hugging Face's {@code BertPreTokenizer} on normalized text: words end at whitespace (which is dropped) and every
 * punctuation character is a word of its own.
 */
final class PreTokenizer {
    /** Receives each word as a range of the normalized characters. */
    interface WordSink {
        void word(int from, int to);
    }

    private PreTokenizer() {
    }

    static void split(char[] chars, int from, int to, WordSink sink) {
        int word = -1;
        int i = from;
        while (i < to) {
            char c = chars[i];
            int cp;
            int n;
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars[i + 1])) {
                cp = Character.toCodePoint(c, chars[i + 1]);
                n = 2;
            } else {
                cp = c;
                n = 1;
            }
            int flags = CharClasses.of(cp);
            if ((flags & (CharClasses.SPACE | CharClasses.PUNCT)) != 0) {
                if (word >= 0) {
                    sink.word(word, i);
                    word = -1;
                }
                if ((flags & CharClasses.SPACE) == 0) {
                    sink.word(i, i + n);
                }
            } else if (word < 0) {
                word = i;
            }
            i += n;
        }
        if (word >= 0) {
            sink.word(word, to);
        }
    }
}
