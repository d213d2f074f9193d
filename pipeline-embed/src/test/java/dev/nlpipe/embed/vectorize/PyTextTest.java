package dev.nlpipe.embed.vectorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PyTextTest {

    @Test
    void codePointOrderDiffersFromUtf16OrderOnlyForSurrogates() {
        String supplementary = "\uD83D\uDE00"; // U+1F600
        String privateUse = "\uE000";
        assertTrue(supplementary.compareTo(privateUse) < 0, "UTF-16 order");
        assertTrue(PyText.compare(supplementary, privateUse) > 0, "code point order");
        assertTrue(PyText.compare("ab", "abc") < 0);
        assertEquals(0, PyText.compare("北京", "北京"));
        String[] a = {"\uFFFD", supplementary, "z", "a"};
        PyText.sort(a);
        assertEquals(List.of("a", "z", "\uFFFD", supplementary), List.of(a));
    }

    @Test
    void wordAndSpaceCharactersFollowPython() {
        assertTrue(PyText.isWord('_'));
        assertTrue(PyText.isWord('²'));
        assertTrue(PyText.isWord('Ⅻ'));
        assertTrue(PyText.isWord('北'));
        assertFalse(PyText.isWord('\u0301'), "combining marks are not \\w in Python");
        assertFalse(PyText.isWord('\u203F'), "connector punctuation other than _ is not \\w in Python");
        assertTrue(PyText.isSpace('\u00A0'));
        assertTrue(PyText.isSpace('\u001C'));
        assertTrue(PyText.isSpace('\u2028'));
        assertFalse(PyText.isSpace('\u200B'));
    }

    private static List<String> findAll(String python, String text) {
        Matcher m = PyRegex.compile(python).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void pythonPatternsMatchTheSameTokens() {
        assertEquals(List.of("cafe", "x²", "𝔘𝔫"), findAll("(?u)\\b\\w\\w+\\b", "cafe\u0301 x² 𝔘𝔫 a"));
        assertEquals(List.of("a", "b"), findAll("[^\\s,]+", "a,\u00A0b"));
        assertEquals(List.of("[x]"), findAll("[[]x[]]", "[x]"));
        assertEquals(List.of("aa"), findAll("(?P<c>a)(?P=c)", "aab"));
        assertTrue(Pattern.matches(PyRegex.translate("\\d+\\Z"), "٣٤"));
        // re.findall(r'(?u)\w.\w', 'a\rb c\u2028d e\nf') == ['a\rb', 'c\u2028d']: only \n ends a line in Python
        assertEquals(List.of("a\rb", "c\u2028d"), findAll("(?u)\\w.\\w", "a\rb c\u2028d e\nf"));
        assertEquals(List.of(), findAll("x$", "x\r"), "re.findall('x$', 'x\\r') == []: $ is the end, or before a last \\n only");
    }
}
