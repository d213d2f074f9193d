package dev.nlpipe.ner.bilstm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small tagged corpora made up by the tests: Chinese sentences in BMES character files and English
 * sentences in CoNLL files, from templates with person, place and organization slots.
 */
public final class SyntheticCorpus {
    private static final String[] ZH_PER = {"张伟", "王芳", "李强", "赵丽", "刘洋", "陈静", "杨军", "黄敏", "周杰", "吴磊"};
    private static final String[] ZH_LOC = {"北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉"};
    private static final String[] ZH_ORG = {"华为公司", "北京大学", "人民银行", "腾讯集团", "清华大学", "中国移动"};
    private static final String[][] ZH_TEMPLATES = {
        {"PER", "在", "LOC", "的", "ORG", "工作", "。"},
        {"PER", "毕业于", "ORG", "。"},
        {"ORG", "位于", "LOC", "。"},
        {"我和", "PER", "去了", "LOC", "。"},
        {"今天", "LOC", "下雨了", "。"},
        {"PER", "说", "ORG", "很好", "。"}};
    private static final String[] EN_PER = {"John Smith", "Mary", "Peter Brown", "Anna Lee", "Tom", "Sarah Jones"};
    private static final String[] EN_LOC = {"Paris", "New York", "London", "Berlin", "Tokyo"};
    private static final String[] EN_ORG = {"Acme Corp", "United Nations", "Reuters", "General Motors", "Google"};
    private static final String[][] EN_TEMPLATES = {
        {"PER", "works", "for", "ORG", "in", "LOC", "."},
        {"ORG", "opened", "an", "office", "in", "LOC", "."},
        {"PER", "visited", "LOC", "yesterday", "."},
        {"the", "weather", "in", "LOC", "is", "fine", "."},
        {"PER", "said", "ORG", "will", "grow", "."}};

    private SyntheticCorpus() {
    }

    /** Chinese sentences as {@code char TAG} lines (BMES tags), a blank line between sentences. */
    public static Path chinese(Path file, int sentences, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            for (String slot : ZH_TEMPLATES[r.nextInt(ZH_TEMPLATES.length)]) {
                String[] fill = fillers(slot, ZH_PER, ZH_LOC, ZH_ORG);
                String text = fill == null ? slot : fill[r.nextInt(fill.length)];
                for (int i = 0; i < text.length(); i++) {
                    String tag = fill == null ? "O" : (text.length() == 1 ? "S" : i == 0 ? "B" : i == text.length() - 1 ? "E" : "M")
                            + "-" + slot;
                    sb.append(text.charAt(i)).append(' ').append(tag).append('\n');
                }
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    /** English sentences as CoNLL lines ({@code word POS chunk NER}, IOB1 tags) with a -DOCSTART- line. */
    static Path english(Path file, int sentences, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("-DOCSTART- -X- -X- O\n\n");
        for (int s = 0; s < sentences; s++) {
            for (String slot : EN_TEMPLATES[r.nextInt(EN_TEMPLATES.length)]) {
                String[] fill = fillers(slot, EN_PER, EN_LOC, EN_ORG);
                String[] words = (fill == null ? slot : fill[r.nextInt(fill.length)]).split(" ");
                for (String w : words) {
                    sb.append(w).append(" NN O ").append(fill == null ? "O" : "I-" + slot).append('\n');
                }
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    /** The names that fill a template slot, or {@code null} for literal text. */
    private static String[] fillers(String slot, String[] per, String[] loc, String[] org) {
        return switch (slot) {
            case "PER" -> per;
            case "LOC" -> loc;
            case "ORG" -> org;
            default -> null;
        };
    }

    /** The Chinese words the corpus spells (names and the longer template words), for making a lexicon. */
    public static List<String> chineseWords() {
        List<String> out = new ArrayList<>();
        for (String[] list : new String[][] {ZH_PER, ZH_LOC, ZH_ORG}) {
            out.addAll(List.of(list));
        }
        for (String[] template : ZH_TEMPLATES) {
            for (String part : template) {
                if (part.length() > 1 && fillers(part, ZH_PER, ZH_LOC, ZH_ORG) == null) {
                    out.add(part);
                }
            }
        }
        return out.stream().distinct().toList();
    }

    /** The Chinese characters the corpus uses, for making pretrained vectors. */
    static List<String> chineseCharacters() {
        List<String> out = new ArrayList<>();
        for (String[] list : new String[][] {ZH_PER, ZH_LOC, ZH_ORG}) {
            for (String w : list) {
                w.codePoints().forEach(cp -> out.add(Character.toString(cp)));
            }
        }
        return out;
    }
}
