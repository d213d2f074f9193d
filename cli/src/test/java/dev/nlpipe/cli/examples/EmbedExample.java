package dev.nlpipe.cli.examples;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Embedding nlpipe in a Java program: build a pipeline from a YAML file or in code, then process
 * documents one at a time or as a stream. Run with the pipeline file as the argument, e.g.
 * {@code examples/quickstart.yaml}.
 */
public final class EmbedExample {
    private EmbedExample() {
    }

    public static void main(String[] args) {
        Path yaml = Path.of(args.length > 0 ? args[0] : "examples/quickstart.yaml");
        // 1. From a pipeline file: the same stages and options as `nlpipe run`.
        try (Pipeline fromFile = Pipeline.fromYaml(yaml)) {
            List<Document> out = fromFile.process(new Document("d1", "The river rose 1.5 meters overnight."));
            for (Token t : out.get(0).tokens()) {
                System.out.println(t.text() + "\t" + t.start() + "-" + t.end());
            }
        }
        // 2. In code; a built pipeline is thread-safe, so one instance can serve a whole application.
        try (Pipeline inCode = Pipeline.builder()
                .add("normalize.text")
                .add("tokenize.regex", Map.of("lowercase", true, "punctuation", false))
                .build()) {
            Stream<Document> docs = Stream.of(new Document("a", "ＮＢＡ总决赛今晚开打"), new Document("b", "Full-width ＡＢＣ text"));
            inCode.process(docs).forEach(d -> System.out.println(d.id() + ": " + d.tokens().stream().map(Token::text).toList()));
        }
    }
}
