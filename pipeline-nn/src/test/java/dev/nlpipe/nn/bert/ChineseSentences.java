package dev.nlpipe.nn.bert;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Chinese sentences made up by the tests from phrase lists (no data set is read). */
final class ChineseSentences {
    private static final String[] SUBJECTS = {"我们", "这家公司", "北京大学的研究人员", "张伟", "市政府", "那位老师", "新来的同事", "他们"};
    private static final String[] VERBS = {"发布了", "讨论了", "完成了", "推荐了", "批评了", "参观了", "改进了", "喜欢"};
    private static final String[] OBJECTS = {"一份新的报告", "这个项目", "上海的博物馆", "人工智能技术", "今年的预算", "一本小说",
        "2024年的计划", "iPhone 手机"};
    private static final String[] TAILS = {"。", "，大家都很满意。", "！", "吗？", "，但是还有问题。", "，效果非常好。"};

    private ChineseSentences() {
    }

    /** {@code n} sentences, the same for the same seed. */
    static List<String> make(int n, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int clauses = 1 + r.nextInt(3);
            for (int c = 0; c < clauses; c++) {
                sb.append(pick(SUBJECTS, r)).append(pick(VERBS, r)).append(pick(OBJECTS, r));
                sb.append(c == clauses - 1 ? pick(TAILS, r) : "，");
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static String pick(String[] a, Random r) {
        return a[r.nextInt(a.length)];
    }
}
