package dev.nlpipe.cli;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nlpipe tag --model DIR}: the named entities of each line. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Tag named entities with a trained NER model (any ner.* task), running the preprocessing the model was"
                + " trained behind first; one line per input line: each entity as TEXT/TYPE, separated by spaces.",
                "",
                "  echo 姚明在NBA打篮球 | nlpipe tag --model models/ner-resume    ->  姚明/NAME NBA/ORG",
                "  nlpipe tag --model models/ner-resume --json < lines.txt       (offsets and scores)",
                ""})
final class TagCommand extends LineCommand {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "a model directory written by `nlpipe train` for a ner.* task")
    Path model;

    @Override
    Pipeline pipeline(Map<String, Object> options) {
        return servingModel("ner", model, options);
    }

    @Override
    String format(Document doc) {
        return doc.entities().stream().map(e -> e.text() + "/" + e.type()).collect(Collectors.joining(" "));
    }
}
