package dev.nlpipe.bert.ner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small made-up NER corpora: Chinese sentences in BMES character files and English sentences in
 * CoNLL files, from templates with person, place and organization slots.
 */
final class NerTexts {
    static final String[] ZH_PER = {"张伟", "王芳", "李强", "赵丽", "刘洋", "陈静", "杨军", "黄敏"};
    static final String[] ZH_LOC = {"北京", "上海", "广州", "深圳", "杭州", "南京"};
    static final String[] ZH_ORG = {"华为公司", "北京大学", "人民银行", "腾讯集团", "清华大学"};
    private static final String[][] ZH_TEMPLATES = {
        {"PER", "在", "LOC", "的", "ORG", "工作", "。"},
        {"PER", "毕业于", "ORG", "。"},
        {"ORG", "位于", "LOC", "。"},
        {"我和", "PER", "去了", "LOC", "。"},
        {"今天", "LOC", "下雨了", "。"},
        {"😀", "PER", "在", "LOC", "的", "ORG", "工作", "。"}};
    /** Names the English vocabulary holds only as sub-words: john ##son, ber ##lin, reu ##ters. */
    static final String[] EN_PER = {"Johnson", "Mary", "Peter Brown", "Anna Lee"};
    static final String[] EN_LOC = {"Paris", "Berlin", "London", "New York"};
    static final String[] EN_ORG = {"Reuters", "Acme Corp", "United Nations"};
    static final List<String> EN_SUBWORDS = List.of("john", "##son", "ber", "##lin", "reu", "##ters");
    private static final String[][] EN_TEMPLATES = {
        {"PER", "works", "for", "ORG", "in", "LOC", "."},
        {"ORG", "opened", "an", "office", "in", "LOC", "."},
        {"PER", "visited", "LOC", "yesterday", "."},
        {"the", "weather", "in", "LOC", "is", "fine", "."}};

    private NerTexts() {
    }

    /** Chinese sentences as {@code char TAG} lines (BMES tags), a blank line between sentences. */
    static Path chinese(Path file, int sentences, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            for (String slot : ZH_TEMPLATES[r.nextInt(ZH_TEMPLATES.length)]) {
                String[] fill = fillers(slot, ZH_PER, ZH_LOC, ZH_ORG);
                String text = fill == null ? slot : fill[r.nextInt(fill.length)];
                int[] chars = text.codePoints().toArray();
                for (int i = 0; i < chars.length; i++) {
                    String tag = fill == null ? "O" : (chars.length == 1 ? "S" : i == 0 ? "B" : i == chars.length - 1 ? "E" : "M")
                            + "-" + slot;
                    sb.appendCodePoint(chars[i]).append(' ').append(tag).append('\n');
                }
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    /** English sentences as CoNLL lines ({@code word POS chunk NER}, BIO tags) with a -DOCSTART- line. */
    static Path english(Path file, int sentences, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("-DOCSTART- -X- -X- O\n\n");
        for (int s = 0; s < sentences; s++) {
            for (String slot : EN_TEMPLATES[r.nextInt(EN_TEMPLATES.length)]) {
                String[] fill = fillers(slot, EN_PER, EN_LOC, EN_ORG);
                String[] words = (fill == null ? slot : fill[r.nextInt(fill.length)]).split(" ");
                for (int w = 0; w < words.length; w++) {
                    sb.append(words[w]).append(" NN O ").append(fill == null ? "O" : (w == 0 ? "B-" : "I-") + slot).append('\n');
                }
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    private static String[] fillers(String slot, String[] per, String[] loc, String[] org) {
        return switch (slot) {
            case "PER" -> per;
            case "LOC" -> loc;
            case "ORG" -> org;
            default -> null;
        };
    }

    /** Every Chinese text the corpus can contain (an emoji among them), for the tiny encoder's vocabulary. */
    static List<String> chineseVocabulary() {
        List<String> all = new ArrayList<>();
        for (String[] list : new String[][] {ZH_PER, ZH_LOC, ZH_ORG}) {
            all.addAll(List.of(list));
        }
        for (String[] t : ZH_TEMPLATES) {
            all.addAll(List.of(t));
        }
        return all;
    }

    /** The English words of the templates and the names that are not split into sub-words. */
    static List<String> englishWords() {
        List<String> all = new ArrayList<>();
        for (String[] t : EN_TEMPLATES) {
            all.addAll(List.of(t));
        }
        for (String[] list : new String[][] {EN_PER, EN_LOC, EN_ORG}) {
            for (String name : list) {
                if (!List.of("Johnson", "Berlin", "Reuters").contains(name)) {
                    all.add(name);
                }
            }
        }
        return all;
    }
}
