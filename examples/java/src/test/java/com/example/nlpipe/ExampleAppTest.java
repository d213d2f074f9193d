package com.example.nlpipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Token;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleAppTest {
    private static List<Document> runApp() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ExampleApp.run(Path.of("pipeline.yaml"), out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().map(DocumentJson::parse).toList();
    }

    @Test
    void bothPipelinesWriteEveryDocumentInInputOrder() throws Exception {
        List<String> ids = runApp().stream().map(Document::id).toList();
        assertEquals(List.of("in-code-1", "in-code-2", "in-code-3", "in-code-4",
                "example-1", "example-2", "example-3", "example-4"), ids);
    }

    @Test
    void everyTokenPointsAtItsTextInTheOriginal() throws Exception {
        for (Document d : runApp()) {
            assertFalse(d.tokens().isEmpty(), d.id());
            for (Token t : d.tokens()) {
                assertFalse(d.text().substring(t.start(), t.end()).isBlank(), d.id() + " " + t);
            }
        }
    }
}
