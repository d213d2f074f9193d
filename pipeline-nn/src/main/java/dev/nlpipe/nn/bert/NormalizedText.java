package dev.nlpipe.nn.bert;

import java.util.Arrays;

/**
 * A normalized piece of text that remembers, for every UTF-16 unit, the span of the original text it came from
 * (Hugging Face's alignments, in Java string indices). Reused across calls by one thread.
 */
final class NormalizedText implements CharSequence {
    char[] chars = new char[64];
    int[] starts = new int[64];
    int[] ends = new int[64];
    int length;

    void clear() {
        length = 0;
    }

    void append(int codePoint, int start, int end) {
        if (length + 2 > chars.length) {
            int n = Math.max(chars.length * 2, length + 2);
            chars = Arrays.copyOf(chars, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
        }
        if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            chars[length] = (char) codePoint;
            starts[length] = start;
            ends[length++] = end;
        } else {
            chars[length] = Character.highSurrogate(codePoint);
            chars[length + 1] = Character.lowSurrogate(codePoint);
            starts[length] = start;
            starts[length + 1] = start;
            ends[length] = end;
            ends[length + 1] = end;
            length += 2;
        }
    }

    int codePointAt(int i, int limit) {
        return Character.codePointAt(chars, i, limit);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
