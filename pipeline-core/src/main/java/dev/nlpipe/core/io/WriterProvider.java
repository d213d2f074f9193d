package dev.nlpipe.core.io;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.stage.Component;
import java.util.Set;

/**
 * An output format ({@code jsonl}, {@code text}, {@code conll}...), registered in
 * {@code META-INF/services/dev.nlpipe.core.io.WriterProvider}. Its options sit beside
 * {@code path} and {@code format} in the {@code output:} section.
 */
public interface WriterProvider extends Component {

    /** The file extension used when mirroring inputs into an output directory ({@code jsonl}). */
    String extension();

    /** A writer for one run (or one output file, for stateful formats). */
    DocumentWriter create(Options options);

    /**
     * The layers every document must carry to be written ({@code conll}: tokens). A pipeline whose
     * input and stages are known not to provide one is refused before any document is read, as a
     * stage's requirements are; where the input may bring any layer, each document is checked.
     */
    default Set<Layer> requires(Options options) {
        return Set.of();
    }
}
