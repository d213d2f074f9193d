package dev.nlpipe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.testing.TestStages;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A library user's pipelines release every stage they made, also when a stage fails to close or the build fails. */
class PipelineCloseTest {

    private static Annotator closingWith(Runnable onClose) {
        return new Annotator() {
            @Override
            public void annotate(dev.nlpipe.core.doc.Document doc) {
            }

            @Override
            public void close() {
                onClose.run();
            }
        };
    }

    @Test
    void aStageThatFailsToCloseDoesNotKeepTheOthersOpen() {
        AtomicBoolean laterClosed = new AtomicBoolean();
        Pipeline p = Pipeline.builder()
                .add("first", closingWith(() -> {
                    throw new IllegalStateException("first failed to close");
                }))
                .add("second", closingWith(() -> {
                    throw new IllegalArgumentException("second failed too");
                }))
                .add("third", closingWith(() -> laterClosed.set(true)))
                .build();
        IllegalStateException e = assertThrows(IllegalStateException.class, p::close);
        assertTrue(laterClosed.get(), "the stage after the failing ones is closed");
        assertEquals("second failed too", e.getSuppressed()[0].getMessage());
    }

    @Test
    void aBuildThatFailsClosesTheStagesItMadeButNotTheCallersOwn() {
        int made = TestStages.Closing.MADE.get();
        int closed = TestStages.Closing.CLOSED.get();
        AtomicBoolean customClosed = new AtomicBoolean();
        assertThrows(ConfigException.class, () -> Pipeline.builder()
                .add("test.closing")
                .add("mine", closingWith(() -> customClosed.set(true)))
                .add("test.closing")
                .add("no.such.stage")
                .build());
        int newlyMade = TestStages.Closing.MADE.get() - made;
        assertTrue(newlyMade >= 1, "the stage before the custom one was made");
        assertEquals(newlyMade, TestStages.Closing.CLOSED.get() - closed, "every stage made was closed");
        assertTrue(!customClosed.get(), "the caller's processor is left to the caller");
    }

    @Test
    void aProcessorOfYourOwnServesOnePipelineAndNeedsAnIdOfItsOwn() {
        AtomicBoolean closed = new AtomicBoolean();
        Pipeline.Builder b = Pipeline.builder().add("tokenize.regex").add("mine", closingWith(() -> closed.set(true)));
        Pipeline p = b.build();
        IllegalStateException again = assertThrows(IllegalStateException.class, b::build);
        assertTrue(again.getMessage().contains("use a new builder"), again.getMessage());
        p.close();
        assertTrue(closed.get(), "the pipeline closes it");
        ConfigException twice = assertThrows(ConfigException.class, () -> Pipeline.builder().add("x", closingWith(() -> { }))
                .add("x", closingWith(() -> { })).build());
        assertTrue(twice.getMessage().contains("two stages have the id 'x'"), twice.getMessage());
        assertThrows(ConfigException.class, () -> Pipeline.builder().add("tokenize.regex").add("tokenize.regex", closingWith(() -> { }))
                .build());
    }

    @Test
    void aClosedPipelineRefusesToRun() {
        Pipeline p = Pipeline.builder().add("segment").build();
        assertEquals(1, p.process(new dev.nlpipe.core.doc.Document("d", "北京")).size());
        p.close();
        // segment ran on after close(); only the neural stages refused
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.process(new dev.nlpipe.core.doc.Document("d", "北京")));
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    }

    @Test
    void aDocumentBuiltInCodeIsHeldToWhatItsJsonWouldBe() {
        try (Pipeline p = Pipeline.builder().add("segment").build()) {
            dev.nlpipe.core.doc.Document past = new dev.nlpipe.core.doc.Document("d1", "北京大学的学生")
                    .setTokens(java.util.List.of(new dev.nlpipe.core.doc.Token("学生", 5, 99)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.process(past));
            assertTrue(e.getMessage().contains("document 'd1'") && e.getMessage().contains("ends at 99"), e.getMessage());
        }
    }
}
