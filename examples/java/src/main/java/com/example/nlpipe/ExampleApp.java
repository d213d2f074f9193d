package com.example.nlpipe;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * nlpipe inside a Java program: one pipeline built in code and one loaded from a YAML file, each
 * shared by several threads, closed when done, with every result printed as the JSON line that
 * {@code nlpipe run} would write.
 *
 * <p>Run it from this directory with {@code mvn -q compile exec:java}, or with a pipeline file of
 * your own: {@code mvn -q compile exec:java -Dexec.args=my-pipeline.yaml}.
 */
public final class ExampleApp {
    private static final List<String> TEXTS = List.of(
            "姚明在NBA打篮球。他是上海人。",
            "The conference in 上海 opens on Monday.",
            "自然语言处理是人工智能的一个重要方向。",
            "Tokenizers split text into words; segmenters do it for Chinese.");

    private ExampleApp() {
    }

    /** Runs both pipelines over the sample texts, printing one JSON document per line. */
    public static void main(String[] args) throws Exception {
        run(Path.of(args.length > 0 ? args[0] : "pipeline.yaml"), System.out);
    }

    /**
     * Builds a pipeline in code and one from {@code yaml}, processes the sample texts with each on
     * four threads, and prints every document as JSON to {@code out}, in input order.
     */
    public static void run(Path yaml, PrintStream out) throws InterruptedException, ExecutionException {
        // Stages are named as in YAML and checked the same way: an unknown type or option fails here,
        // before any text is processed, and with inputLayers() (raw text) so does a layer no stage adds.
        // keywords.textrank comes from pipeline-embed, which nlpipe-all brings.
        try (Pipeline inCode = Pipeline.builder()
                .name("in-code")
                .inputLayers()
                .add("segment")
                .add("sentence.split")
                .add("keywords.textrank", Map.of("topK", 3))
                .build()) {
            processOnThreads(inCode, out);
        }
        // The same file `nlpipe run` reads; input/output sections are optional for use in a program.
        try (Pipeline fromFile = Pipeline.fromYaml(yaml)) {
            processOnThreads(fromFile, out);
        }
    }

    private static void processOnThreads(Pipeline pipeline, PrintStream out) throws InterruptedException, ExecutionException {
        // A built Pipeline is thread-safe: one instance serves every thread; there is no per-thread copy to make.
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<Document>>> results = new ArrayList<>();
            for (int i = 0; i < TEXTS.size(); i++) {
                Document doc = new Document(pipeline.name() + "-" + (i + 1), TEXTS.get(i));
                results.add(pool.submit(() -> pipeline.process(doc)));
            }
            for (Future<List<Document>> r : results) {
                for (Document d : r.get()) {
                    out.println(DocumentJson.toJson(d));
                }
            }
        }
    }
}
