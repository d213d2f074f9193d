package dev.nlpipe.cli;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nlpipe classify --model DIR}: the predicted label of each line. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify text with a trained classifier (any classify.* task), running the preprocessing the model was"
                + " trained behind first; one line per input line: the top label and its score, separated by a tab.",
                "",
                "  echo 这家酒店很干净，服务也好 | nlpipe classify --model models/chnsenticorp    ->  1<TAB>0.9731",
                "  nlpipe classify --model models/sst2 --json < reviews.txt                     (every label's score)",
                ""})
final class ClassifyCommand extends LineCommand {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "a model directory written by `nlpipe train` for a classify.* task")
    Path model;

    @Override
    Pipeline pipeline(Map<String, Object> options) {
        return servingModel("classify", model, options, null);
    }

    @Override
    String format(Document doc) {
        String top = doc.topLabel();
        return top == null ? "" : top + "\t" + String.format(Locale.ROOT, "%.4f", doc.labels().get(top));
    }
}
