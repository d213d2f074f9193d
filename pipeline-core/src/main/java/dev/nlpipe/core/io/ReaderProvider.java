package dev.nlpipe.core.io;

import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.stage.Component;
import java.io.IOException;
import java.util.Set;

/**
 * An input format ({@code text}, {@code jsonl}, {@code csv}, {@code conll}...), registered in
 * {@code META-INF/services/dev.nlpipe.core.io.ReaderProvider}. Its options sit beside
 * {@code path} and {@code format} in the {@code input:} section.
 */
public interface ReaderProvider extends Component {

    /** Opens one source. A source this format cannot read at all throws {@link InputFormatException}. */
    CorpusReader open(InputSource source, Options options, ReadSettings settings) throws IOException;

    /** The layers every document from this format carries (e.g. tokens and gold entities). */
    default Set<Layer> provides(Options options) {
        return Set.of();
    }

    /**
     * Whether documents may carry further layers that cannot be known before reading (JSON lines
     * written by an earlier run); the pipeline's wiring check then trusts the documents.
     */
    default boolean mayProvideAnyLayer() {
        return false;
    }

    /**
     * How, with these options, a large file can be read in parts in parallel (the Spark job), or
     * {@code null} (the default) when it cannot. A format may split when every record is one line and
     * a line's document depends on nothing but the line, its number and the source's name: then any
     * run of whole lines of a file, opened as an {@link InputSource#part} numbered from its first line,
     * reads as those lines read in the whole file. Formats whose records span lines keep the default;
     * the returned rules say what a part needs besides its lines (a header) and which files must be
     * read whole after all (records that span lines in some files only, as quoted CSV fields do).
     */
    default LineSplitting lineSplitting(Options options) {
        return null;
    }
}
