package dev.nlpipe.embed.vectorize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** MurmurHash3 x86-32 of UTF-8 bytes, as {@code sklearn.utils.murmurhash3_32(s, seed=0)} returns it. */
class Murmur3Test {

    @Test
    void matchesScikitLearnsMurmurhash() {
        assertEquals(0, Murmur3.hash(""));
        assertEquals(1009084850, Murmur3.hash("a"));
        assertEquals(613153351, Murmur3.hash("hello"));
        assertEquals(-112969417, Murmur3.hash("the quick"));
        assertEquals(666955079, Murmur3.hash("北京"));
        assertEquals(1914495294, Murmur3.hash("😀x"));
        assertEquals(1139631978, Murmur3.hash("abcd"));
        assertEquals(-392455434, Murmur3.hash("abcde"));
    }
}
