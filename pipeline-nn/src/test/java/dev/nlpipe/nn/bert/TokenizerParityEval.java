package dev.nlpipe.nn.bert;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluation for {@code bench/tokenizer-parity.sh}: how many lines of the raw Chinese and English corpora nlpipe's
 * BertTokenizer encodes exactly as Hugging Face's tokenizers (ids, tokens, type ids, offsets), for the cased Chinese
 * (bge-small-zh) and uncased English (all-MiniLM-L6-v2) tokenizers, each on both corpora. No truncation.
 *
 * <p>Arguments: ZH_DIR EN_DIR [LINES_PER_CORPUS (5000)].
 */
public final class TokenizerParityEval {
    private TokenizerParityEval() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        List<String> zh = CorpusLines.sample(Path.of(args[0]), n);
        List<String> en = CorpusLines.sample(Path.of(args[1]), n);
        System.out.printf("%-28s %-16s %10s %10s%n", "tokenizer", "corpus", "identical", "lines");
        int identical = 0;
        int total = 0;
        for (String resource : List.of(HfReference.ZH, HfReference.EN)) {
            BertTokenizer mine = HfReference.nlpipe(resource).withTruncation(null);
            try (HuggingFaceTokenizer hf = HfReference.djl(resource, 0)) {
                for (String corpus : List.of("zh-raw-novels", "en-raw-corpus")) {
                    List<String> lines = corpus.startsWith("zh") ? zh : en;
                    List<String> diffs = new ArrayList<>();
                    for (String line : lines) {
                        String d = HfReference.compare(mine.encode(line), hf.encode(line), line, null);
                        if (d != null) {
                            diffs.add(d + " in: " + (line.length() > 80 ? line.substring(0, 80) + "..." : line));
                        }
                    }
                    int same = lines.size() - diffs.size();
                    System.out.printf("%-28s %-16s %10d %10d%n", resource.replace("-tokenizer.json", ""), corpus, same, lines.size());
                    diffs.stream().limit(5).forEach(d -> System.out.println("  differs: " + d));
                    boolean own = resource.equals(HfReference.ZH) == corpus.startsWith("zh");
                    if (own) {
                        identical += same;
                        total += lines.size();
                    }
                }
            }
        }
        System.out.printf("each tokenizer on its own language: %d of %d lines identical%n", identical, total);
    }
}
