package dev.nlpipe.core.stage;

import dev.nlpipe.core.config.OptionSpec;
import java.util.List;

/**
 * Anything the configuration names by a registered name: stages, corpus readers and writers,
 * trainers. Each declares its own options, so validation and {@code nlpipe list} need no central table.
 */
public interface Component {
    /** The registered name, e.g. {@code tokenize.regex} or {@code jsonl}. */
    String name();

    /** One line for {@code nlpipe list}. */
    String description();

    /** The options this component accepts. */
    default List<OptionSpec> options() {
        return List.of();
    }
}
