package dev.nlpipe.core.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rewrites a segmentation to the Peking University standard (the SIGHAN bakeoff's PKU corpus),
 * where it differs from HanLP's: Chinese person names are split into family and given name
 * ("江 泽民"), and a number written in digits forms one word with a following date or magnitude
 * unit ("2001年", "12月", "31日", "23时", "30万", "25％") while counted quantities stay apart
 * ("20 年", "3 个"). A year takes 年 when it has four digits or is written in Chinese numerals
 * with a zero ("二○○一年"). A minus sign before a number joins it ("－5"), as does a fraction
 * ("1／3").
 */
public final class PkuConventions {
    private static final Pattern DIGITS = Pattern.compile("[0-9０-９]+(?:[.．][0-9０-９]+)?");
    private static final Pattern YEAR_DIGITS = Pattern.compile("[0-9０-９]{4}");
    private static final Pattern YEAR_NUMERALS = Pattern.compile("[〇○零一二三四五六七八九]{2,4}");
    private static final Set<String> UNITS = Set.of("月", "日", "时", "分", "万", "亿", "万亿", "％", "%", "月份");
    private static final Set<String> TIME_UNITS = Set.of("年", "月", "日", "时", "分", "月份");
    private static final Set<String> SIGNS = Set.of("－", "-");
    private static final Set<String> SLASHES = Set.of("／", "/");

    private PkuConventions() {
    }

    /** The words of {@code text}, rewritten to the PKU standard; POS tags are kept (merged numbers become {@code m} or {@code t}). */
    public static List<Word> apply(String text, List<Word> words) {
        List<Word> out = new ArrayList<>(words.size() + 8);
        for (Word w : words) {
            int surname = isChineseName(text, w) ? Surnames.prefixLength(w.in(text)) : 0;
            if (surname > 0) {
                add(out, text, new Word(w.start(), w.start() + surname, w.pos()));
                add(out, text, new Word(w.start() + surname, w.end(), w.pos()));
            } else {
                add(out, text, w);
            }
        }
        return out;
    }

    private static boolean isChineseName(String text, Word w) {
        if (!"nr".equals(w.pos()) || w.length() < 2 || w.length() > 4) {
            return false;
        }
        for (int i = w.start(); i < w.end(); i++) {
            if (!Scripts.isHan(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Appends a word, first joining it with the words before it when the PKU standard writes them as one. */
    private static void add(List<Word> out, String text, Word w) {
        int n = out.size();
        Word prev = n > 0 ? out.get(n - 1) : null;
        if (prev == null || prev.end() != w.start() || !mayJoin(text, prev, w)) {
            out.add(w);
            return;
        }
        String p = prev.in(text);
        String cur = w.in(text);
        if (DIGITS.matcher(p).matches() && (UNITS.contains(cur) || "年".equals(cur) && isYear(p))) {
            out.set(n - 1, new Word(prev.start(), w.end(), TIME_UNITS.contains(cur) ? "t" : "m"));
        } else if ("年".equals(cur) && YEAR_NUMERALS.matcher(p).matches() && (p.length() == 4 || hasZero(p))) {
            out.set(n - 1, new Word(prev.start(), w.end(), "t"));
        } else if (SIGNS.contains(p) && DIGITS.matcher(cur).matches() && !follows(out, n - 1, text)) {
            out.set(n - 1, new Word(prev.start(), w.end(), "m"));
        } else if (DIGITS.matcher(cur).matches() && SLASHES.contains(p) && n >= 2 && out.get(n - 2).end() == prev.start()
                && DIGITS.matcher(out.get(n - 2).in(text)).matches()) {
            out.remove(n - 1);
            out.set(n - 2, new Word(out.get(n - 2).start(), w.end(), "m"));
        } else {
            out.add(w);
        }
    }

    /** A cheap test that rules out most word pairs before any substring or regex: a short word after a number, or a number after a sign. */
    private static boolean mayJoin(String text, Word prev, Word w) {
        return w.length() <= 2 && isNumeral(text.charAt(prev.end() - 1)) || prev.length() == 1 && isDigit(text.charAt(w.start()));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || c >= '０' && c <= '９';
    }

    private static boolean isNumeral(char c) {
        return isDigit(c) || "〇○零一二三四五六七八九".indexOf(c) >= 0;
    }

    private static boolean isYear(String digits) {
        return YEAR_DIGITS.matcher(digits).matches();
    }

    private static boolean hasZero(String numerals) {
        return numerals.indexOf('〇') >= 0 || numerals.indexOf('○') >= 0 || numerals.indexOf('零') >= 0;
    }

    /** Whether the word at {@code i} directly follows a number or a Latin word (so a dash is a range or hyphen, not a sign). */
    private static boolean follows(List<Word> out, int i, String text) {
        if (i == 0 || out.get(i - 1).end() != out.get(i).start()) {
            return false;
        }
        int c = text.codePointBefore(out.get(i).start());
        return Character.isLetterOrDigit(c) && !Scripts.isHan(c);
    }
}
