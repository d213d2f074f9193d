package dev.nlpipe.cli;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelPreprocessing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

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

    @Option(names = "--stage", paramLabel = "TYPE", description = "a tokenizer to run first, for a token model that recorded none"
            + " (one trained on the tokens of CoNLL files), e.g. tokenize.lucene")
    String stage;

    @Override
    Pipeline pipeline(Map<String, Object> options) {
        List<String> tokenizers = recordedTokenizers();
        if (stage != null && !tokenizers.isEmpty() && !Boolean.FALSE.equals(options.get("preprocess"))) {
            // the model's own stages run after --stage and would replace its tokens without a word
            throw new ParameterException(spec.commandLine(), "--stage " + stage + ": " + model + " runs the stages it was trained behind ("
                    + String.join(", ", tokenizers) + "), which give the tokens it reads; leave --stage out");
        }
        try {
            return servingModel("ner", model, options, stage);
        } catch (ConfigException e) {
            if (stage == null && tokenizers.isEmpty() && e.getMessage().contains("'tokens'")) {
                throw new ParameterException(spec.commandLine(), model + " reads tokens and recorded no tokenizer (it was trained on the"
                        + " tokens of its data files): give one with --stage, e.g. --stage tokenize.lucene");
            }
            throw e;
        }
    }

    /** The model's recorded stages that give the tokens it reads (a normalizer alone gives none). */
    private List<String> recordedTokenizers() {
        try {
            return ModelPreprocessing.typesCreating(ModelDir.read(model), Layer.TOKENS);
        } catch (RuntimeException e) {
            return List.of(); // an unreadable model.json is named by the stage that loads it
        }
    }

    @Override
    String format(Document doc) {
        return doc.entities().stream().map(e -> e.text() + "/" + e.type()).collect(Collectors.joining(" "));
    }
}
