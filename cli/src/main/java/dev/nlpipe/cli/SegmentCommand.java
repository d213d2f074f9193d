package dev.nlpipe.cli;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.core.stage.StageProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code nlpipe segment}: words of each line, separated by spaces. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Segment text into words: Chinese with HanLP (also the Chinese runs inside English lines),"
                + " other text with Lucene's standard tokenizer; one line of words, separated by spaces, per input line.",
                "",
                "  echo 姚明在NBA打篮球 | nlpipe segment          ->  姚明 在 NBA 打篮球",
                "  nlpipe segment --pos '我爱北京天安门'          ->  我/rr 爱/v 北京/ns 天安门/ns",
                "  nlpipe segment --json < lines.txt > tokens.jsonl",
                ""})
final class SegmentCommand extends LineCommand {
    @Option(names = "--pos", description = "add HanLP's part-of-speech tag to each Chinese word (word/tag)")
    boolean pos;

    @Option(names = "--stage", paramLabel = "TYPE", defaultValue = "segment",
            description = "the tokenizer stage: segment (default), segment.hanlp, tokenize.lucene, tokenize.regex")
    String stage;

    @Override
    Pipeline pipeline(Map<String, Object> options) {
        Map<String, Object> o = new LinkedHashMap<>(options);
        if (pos) {
            o.put("pos", true);
        }
        Pipeline p = Pipeline.builder().name("segment").origin(origin()).inputLayers().add(stage, o).build();
        StageProvider provider = Components.get().stages().find(stage);
        if (provider != null && !provider.provides(Options.of("stage '" + stage + "'", o, provider.options())).contains(Layer.TOKENS)) {
            p.close();
            // checked before any line is read: a stage giving no tokens would fail at the first line, exit 3
            throw new ParameterException(spec.commandLine(), "--stage " + stage + " gives no tokens; use a tokenizer: segment, segment.hanlp,"
                    + " tokenize.lucene or tokenize.regex (`nlpipe list` names the others)");
        }
        return p;
    }

    @Override
    String format(Document doc) {
        return doc.tokens().stream()
                .map(t -> t.pos() == null ? t.text() : t.text() + "/" + t.pos())
                .collect(Collectors.joining(" "));
    }
}
