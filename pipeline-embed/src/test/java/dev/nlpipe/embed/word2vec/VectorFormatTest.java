package dev.nlpipe.embed.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.testing.TempFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFormatTest {
    @TempDir
    Path dir;

    private static WordVectors sample() {
        String[] words = {"北京", "king", "queen", "naïve", "x"};
        float[] m = new float[words.length * 3];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) Math.sin(i * 1.7) * (i % 4 == 0 ? 1e-4f : 2.5f);
        }
        return new WordVectors(words, m, 3);
    }

    @Test
    void binaryRoundTripIsExact() throws IOException {
        WordVectors v = sample();
        Path f = dir.resolve("v.bin");
        VectorFormat.writeBinary(v, f);
        WordVectors back = WordVectors.load(f);
        assertArrayEquals(v.words(), back.words());
        assertArrayEquals(v.matrix(), back.matrix());
        byte[] bytes = Files.readAllBytes(f);
        assertTrue(new String(bytes, 0, 6, StandardCharsets.US_ASCII).startsWith("5 3\n"), "C tool header");
        assertEquals("5 3\n".length() + "北京".getBytes(StandardCharsets.UTF_8).length + 1 + 12 + 1 + "king".length(),
                indexOf(bytes, "king ".getBytes(StandardCharsets.US_ASCII)) + 4, "word, space, floats, newline");
    }

    @Test
    void textRoundTripKeepsSixDecimals() throws IOException {
        WordVectors v = sample();
        Path f = dir.resolve("v.txt");
        VectorFormat.writeText(v, f);
        WordVectors back = WordVectors.load(f);
        assertArrayEquals(v.words(), back.words());
        assertArrayEquals(v.matrix(), back.matrix(), 1e-6f);
        assertEquals("5 3", TempFiles.lines(f).get(0));
        assertTrue(TempFiles.lines(f).get(1).matches("北京 -?\\d+\\.\\d{6} -?\\d+\\.\\d{6} -?\\d+\\.\\d{6}"), TempFiles.lines(f).get(1));
    }

    @Test
    void gzipAndSniffedNamesWork() throws IOException {
        WordVectors v = sample();
        VectorFormat.writeBinary(v, dir.resolve("v.bin.gz"));
        assertArrayEquals(v.matrix(), WordVectors.load(dir.resolve("v.bin.gz")).matrix());
        VectorFormat.writeBinary(v, dir.resolve("vectors"));
        assertArrayEquals(v.matrix(), WordVectors.load(dir.resolve("vectors")).matrix(), "binary without extension");
        VectorFormat.writeText(v, dir.resolve("vectors.w2v"));
        assertArrayEquals(v.matrix(), WordVectors.load(dir.resolve("vectors.w2v")).matrix(), 1e-6f);
        VectorFormat.writeBinary(v, dir.resolve("binary-named.txt"));
        assertArrayEquals(v.matrix(), WordVectors.load(dir.resolve("binary-named.txt")).matrix(), "the content says binary");
        VectorFormat.writeText(v, dir.resolve("text-named.txt"));
        assertArrayEquals(v.matrix(), WordVectors.load(dir.resolve("text-named.txt")).matrix(), 1e-6f);
    }

    @Test
    void readsGensimBinaryWithoutNewlinesAndFastTextTrailingSpaces() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("2 2\n".getBytes(StandardCharsets.US_ASCII));
        for (String w : new String[] {"a", "词"}) {
            out.writeBytes((w + " ").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).array());
        }
        WordVectors g = WordVectors.load(TempFiles.writeBytes(dir.resolve("g.bin"), out.toByteArray()));
        assertArrayEquals(new String[] {"a", "词"}, g.words());
        assertArrayEquals(new float[] {1.5f, -2f, 1.5f, -2f}, g.matrix());

        WordVectors ft = WordVectors.load(TempFiles.write(dir.resolve("ft.vec"), "2 2\n, 0.1 0.2 \nthe -1e-3 4 \n"));
        assertArrayEquals(new String[] {",", "the"}, ft.words());
        assertArrayEquals(new float[] {0.1f, 0.2f, -0.001f, 4f}, ft.matrix());
    }

    @Test
    void aSelectionKeepsTheKeptKeysFromEveryFormat() throws IOException {
        WordVectors v = sample();
        Path text = dir.resolve("s.txt");
        Path bin = dir.resolve("s.bin");
        VectorFormat.writeText(v, text);
        VectorFormat.writeBinary(v, bin);
        List<String> lines = TempFiles.lines(text);
        Path glove = TempFiles.write(dir.resolve("glove.txt"), String.join("\n", lines.subList(1, lines.size())) + "\n");
        for (Path f : List.of(text, bin, glove)) {
            VectorFormat.Selection s = VectorFormat.read(f, "auto", w -> w.toUpperCase(Locale.ROOT), k -> k.equals("KING") || k.equals("X"));
            assertEquals(5, s.read(), f.toString());
            assertArrayEquals(new String[] {"KING", "X"}, s.vectors().words(), f.toString());
            assertArrayEquals(v.vector("x"), s.vectors().vector("X"), 1e-6f, f.toString());
        }
    }

    @Test
    void aSelectionKeepsTheFirstVectorOfKeysThatCollide() throws IOException {
        Path f = TempFiles.write(dir.resolve("dup.txt"), "3 2\nParis 1 2\nparis 3 4\nlondon 5 6\n");
        VectorFormat.Selection s = VectorFormat.read(f, "text", w -> w.toLowerCase(Locale.ROOT), k -> true);
        assertArrayEquals(new String[] {"paris", "london"}, s.vectors().words());
        assertArrayEquals(new float[] {1, 2}, s.vectors().vector("paris"));
    }

    @Test
    void aFileWithoutHeaderTakesItsDimensionFromTheFirstLine() throws IOException {
        WordVectors v = WordVectors.load(TempFiles.write(dir.resolve("g.txt"), "the 0.5 -1\n\nof 2 3e-1\n"));
        assertEquals(2, v.dim());
        assertArrayEquals(new float[] {0.5f, -1f, 2f, 0.3f}, v.matrix());
    }

    @Test
    void malformedFilesSayWhereAndWhat() throws IOException {
        var e = assertThrows(VectorFormat.VectorFormatException.class,
                () -> WordVectors.load(TempFiles.write(dir.resolve("a.txt"), "2 3\nx 1 2 3\ny 1 2\n")));
        assertTrue(e.getMessage().contains("a.txt line 3: the word has 2 numbers, expected 3"), e.getMessage());
        e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(TempFiles.write(dir.resolve("b.txt"), "hello world\n")));
        assertTrue(e.getMessage().contains("line 1: value 1 is not a number"), e.getMessage());
        e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(TempFiles.write(dir.resolve("c.txt"), "3 1\nx 1\n")));
        assertTrue(e.getMessage().contains("ends after 1 of 3 vectors"), e.getMessage());
        e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(dir.resolve("missing.bin")));
        assertTrue(e.getMessage().contains("missing.bin does not exist"), e.getMessage());
        e = assertThrows(VectorFormat.VectorFormatException.class,
                () -> WordVectors.load(TempFiles.writeBytes(dir.resolve("d.bin"), "2 4\nab \u0001\u0002".getBytes(StandardCharsets.ISO_8859_1))));
        assertTrue(e.getMessage().contains("ends inside the vector of 'ab'"), e.getMessage());
        // a GBK file: its words would load as U+FFFD and never be found
        byte[] gbk = "2 2\n北京 1 0\n\n上海 0 1\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(TempFiles.writeBytes(dir.resolve("gbk.txt"), gbk)));
        assertTrue(e.getMessage().contains("gbk.txt line 2 is not valid UTF-8") && e.getMessage().contains("iconv"), e.getMessage());
        // a UTF-8 file with one word cut mid-character (word2vec.c cuts long words so) loads, that word with U+FFFD
        byte[] head = "3 1\n中国 1\n".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf("北京".getBytes(StandardCharsets.UTF_8), 4);
        java.io.ByteArrayOutputStream damaged = new java.io.ByteArrayOutputStream();
        damaged.writeBytes(head);
        damaged.writeBytes(cut);
        damaged.writeBytes(" 2\n上海 3\n".getBytes(StandardCharsets.UTF_8));
        WordVectors v = WordVectors.load(TempFiles.writeBytes(dir.resolve("cut.txt"), damaged.toByteArray()));
        assertEquals(3, v.size());
        assertTrue(v.contains("中国") && v.contains("上海"), "the sound words load");
    }

    /** A binary file as word2vec.c writes it: the header, then each word's bytes, a space, its floats and a newline. */
    private static byte[] binary(int dim, byte[]... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((words.length + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
        for (int r = 0; r < words.length; r++) {
            out.writeBytes(words[r]);
            out.write(' ');
            ByteBuffer row = ByteBuffer.allocate(dim * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < dim; i++) {
                row.putFloat(r + i * 0.5f);
            }
            out.writeBytes(row.array());
            out.write('\n');
        }
        return out.toByteArray();
    }

    @Test
    void aBinaryFileWithGbkWordsIsRefusedAtItsFirstSuchWord() {
        java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
        Path f = TempFiles.writeBytes(dir.resolve("gbk.bin"), binary(2, "king".getBytes(StandardCharsets.US_ASCII),
                "中国".getBytes(gbk), "北京".getBytes(gbk), "美国".getBytes(gbk)));
        var e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(f));
        assertTrue(e.getMessage().contains("gbk.bin vector 2 ") && e.getMessage().contains("iconv"), e.getMessage());
    }

    @Test
    void aBinaryWordCutMidCharacterAtItsEndLoadsWithTheOthers() throws IOException {
        byte[] cut = Arrays.copyOf("北京".getBytes(StandardCharsets.UTF_8), 4);
        Path f = TempFiles.writeBytes(dir.resolve("cut.bin"), binary(2, "中国".getBytes(StandardCharsets.UTF_8), cut,
                "上海".getBytes(StandardCharsets.UTF_8)));
        WordVectors v = WordVectors.load(f);
        assertArrayEquals(new String[] {"中国", "北\uFFFD", "上海"}, v.words());
    }

    @Test
    void aGbkTextFileWhoseFirstWordHappensToBeUtf8IsRefusedAtItsNextWord() {
        // 说 in GBK is CB B5, which UTF-8 reads as U+02F5; 北京 then holds bytes UTF-8 never has, not at the word's end
        byte[] gbk = "2 2\n说 1 0\n北京 0 1\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        var e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(TempFiles.writeBytes(dir.resolve("gbk.txt"), gbk)));
        assertTrue(e.getMessage().contains("gbk.txt line 3 ") && e.getMessage().contains("iconv"), e.getMessage());
    }

    @Test
    void lineNumbersCountTheBlankLinesBeforeTheHeader() {
        Path f = TempFiles.write(dir.resolve("blank.txt"), "\n\n3 3\na 1 2 3\n\nb 1 2 3\nc 1 2\n");
        var e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(f));
        assertTrue(e.getMessage().contains("blank.txt line 7: the word has 2 numbers"), e.getMessage());
    }

    @Test
    void aSelectionReadsAModelDirectoryAsTheWholeReadDoes() throws IOException {
        WordVectors v = sample();
        Path model = Files.createDirectories(dir.resolve("w2v"));
        VectorFormat.writeBinary(v, model.resolve("vectors.bin"));
        VectorFormat.Selection s = VectorFormat.read(model, "auto", w -> w, w -> true);
        assertEquals(v.size(), s.vectors().size());
    }

    @Test
    void theContentDecidesWhereItContradictsTheName() throws IOException {
        WordVectors v = sample();
        VectorFormat.writeText(v, dir.resolve("text.txt"));
        Files.copy(dir.resolve("text.txt"), dir.resolve("really-text.bin"));
        assertArrayEquals(v.matrix(), WordVectors.load(dir.resolve("really-text.bin")).matrix(), 1e-6f, "a text file named .bin");
        VectorFormat.writeBinary(v, dir.resolve("v.bin.gz"));
        Files.copy(dir.resolve("v.bin.gz"), dir.resolve("gzipped.bin"));
        assertArrayEquals(v.matrix(), WordVectors.load(dir.resolve("gzipped.bin")).matrix(), "gzip without its .gz");
    }

    @Test
    void aNanOrInfiniteValueIsRefusedWithItsWord() throws IOException {
        var e = assertThrows(VectorFormat.VectorFormatException.class,
                () -> WordVectors.load(TempFiles.write(dir.resolve("nan.txt"), "2 2\na 1 0\nb NaN 1\n")));
        assertTrue(e.getMessage().contains("nan.txt line 3: value 1 of 'b' is NaN"), e.getMessage());
        WordVectors v = new WordVectors(new String[] {"a", "b"}, new float[] {1f, 0f, 0f, Float.POSITIVE_INFINITY}, 2);
        Path bin = dir.resolve("inf.bin");
        VectorFormat.writeBinary(v, bin);
        e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(bin));
        assertTrue(e.getMessage().contains("vector 2: value 2 of 'b' is Infinity"), e.getMessage());
    }

    @Test
    void numpysLowerCaseNanAndInfAreRefusedAsNonFiniteValues() {
        var e = assertThrows(VectorFormat.VectorFormatException.class,
                () -> WordVectors.load(TempFiles.write(dir.resolve("nan.txt"), "2 2\na 1 0\nb 1 nan\n")));
        assertTrue(e.getMessage().contains("nan.txt line 3: value 2 of 'b' is NaN"), e.getMessage());
        e = assertThrows(VectorFormat.VectorFormatException.class,
                () -> WordVectors.load(TempFiles.write(dir.resolve("inf.txt"), "2 2\na -inf 0\nb 1 1\n")));
        assertTrue(e.getMessage().contains("inf.txt line 2: value 1 of 'a' is -Infinity"), e.getMessage());
    }

    @Test
    void aRepeatedWordKeepsItsFirstRowAsGensimDoes() throws IOException {
        WordVectors v = WordVectors.load(TempFiles.write(dir.resolve("dup.txt"), "3 2\na 1 0\na 0 1\nb 1 1\n"));
        assertEquals(List.of("a", "b"), List.of(v.word(0), v.word(1)));
        assertEquals(2, v.size());
        assertArrayEquals(new float[] {1, 0, 1, 1}, v.matrix());
    }

    @Test
    void aTextFileWithMoreRowsThanItsHeaderSaysIsRefused() {
        var e = assertThrows(VectorFormat.VectorFormatException.class,
                () -> WordVectors.load(TempFiles.write(dir.resolve("more.txt"), "2 2\na 1 0\nb 0 1\n\nc 1 1\n")));
        assertTrue(e.getMessage().contains("more.txt line 5: the header announces 2 vectors"), e.getMessage());
    }

    @Test
    void aBinaryFileWithMoreRowsThanItsHeaderSaysIsRefused() {
        byte[] bytes = binary(2, "a".getBytes(StandardCharsets.US_ASCII), "b".getBytes(StandardCharsets.US_ASCII),
                "c".getBytes(StandardCharsets.US_ASCII));
        bytes[0] = '2';
        var e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(TempFiles.writeBytes(dir.resolve("more.bin"), bytes)));
        assertTrue(e.getMessage().contains("more.bin vector 3: the header announces 2 vectors"), e.getMessage());
    }

    @Test
    void aFastTextModelIsNamedAsOneWhateverItsName() {
        // magic 793712314 and version 12, little-endian, then the model's arguments
        byte[] model = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).putInt(793712314).putInt(12).putInt(300).array();
        for (String name : List.of("cc.zh.300.bin", "cc.zh.300")) {
            var e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(TempFiles.writeBytes(dir.resolve(name), model)));
            assertTrue(e.getMessage().contains(name + " is a fastText model") && !e.getMessage().contains("iconv"), e.getMessage());
        }
    }

    @Test
    void aBinaryFileWithoutAHeaderIsNotWord2VecRatherThanAnotherEncoding() {
        byte[] other = {(byte) 0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, (byte) 0xff, '\n', 0x00, 0x01};
        var e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(TempFiles.writeBytes(dir.resolve("x.bin"), other)));
        assertTrue(e.getMessage().contains("not a word2vec vectors file") && !e.getMessage().contains("iconv"), e.getMessage());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheHeaderOrTheFirstWord() throws IOException {
        assertEquals(3, WordVectors.load(TempFiles.write(dir.resolve("bom.vec"), "\uFEFF2 3\na 1 2 3\nb 4 5 6\n")).dim());
        assertEquals("a", WordVectors.load(TempFiles.write(dir.resolve("glove.txt"), "\uFEFFa 1 2\nb 3 4\n")).word(0));
    }

    @Test
    void aCompressedFileCutShortNamesTheFile() throws IOException {
        StringBuilder text = new StringBuilder("5000 3\n");
        for (int i = 0; i < 5000; i++) {
            text.append("w").append(i).append(' ').append(i % 7).append(" 0.5 ").append(i % 13).append('\n');
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path cut = TempFiles.writeBytes(dir.resolve("cut.txt.gz"), Arrays.copyOf(gz.toByteArray(), gz.size() / 2));
        var e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(cut));
        assertTrue(e.getMessage().contains("cut.txt.gz cannot be read: the file ends too early (truncated?)"), e.getMessage());
        Path notGzip = TempFiles.write(dir.resolve("plain.txt.gz"), "1 1\na 1\n");
        e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(notGzip));
        assertTrue(e.getMessage().contains("plain.txt.gz cannot be read: damaged compressed data"), e.getMessage());
    }

    @Test
    void aBinaryHeaderWithAHugeDimensionIsADamagedHeaderNotAnOverflow() {
        Path f = TempFiles.writeBytes(dir.resolve("huge.bin"), "2000000000 2000000000\n".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(f));
        assertTrue(e.getMessage().contains("huge.bin"), e.getMessage());
    }

    @Test
    void aBinaryHeaderAnnouncingMoreNumbersThanMemoryHoldsIsRefusedBeforeAllocating() {
        Path f = TempFiles.writeBytes(dir.resolve("many.bin"), "2000000000 300\n".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(VectorFormat.VectorFormatException.class, () -> WordVectors.load(f));
        assertTrue(e.getMessage().contains("many.bin"), e.getMessage());
    }

    @Test
    void wordsWithWhitespaceCannotBeWritten() {
        WordVectors v = new WordVectors(new String[] {"new york"}, new float[] {1f}, 1);
        assertThrows(IllegalArgumentException.class, () -> VectorFormat.writeText(v, dir.resolve("x.txt")));
        assertEquals("new_york", Word2Vec.wordForm("new york"));
    }

    @Test
    void unicodeSpacesInsideATokenBecomeUnderscoresAndTheWordCanBeWritten() throws Exception {
        // an ideographic space (Chinese text), a line separator and a thin space: whitespace to the readers, not to \s
        String word = Word2Vec.wordForm("北京\u3000大学\u2028x\u2009y");
        assertEquals("北京_大学_x_y", word);
        // no-break spaces and NEL: Python's split() and splitlines() split on them, Java's isWhitespace does not
        assertEquals("a_b_c_d", Word2Vec.wordForm("a\u00A0b\u202Fc\u0085d"));
        assertThrows(IllegalArgumentException.class,
                () -> VectorFormat.writeText(new WordVectors(new String[] {"a\u00A0b"}, new float[] {1f}, 1), dir.resolve("nbsp.txt")));
        VectorFormat.writeText(new WordVectors(new String[] {word}, new float[] {1f}, 1), dir.resolve("u.txt"));
    }

    private static int indexOf(byte[] a, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= a.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (a[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
