package dev.nlpipe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nlpipe eval ...}: evaluation commands, one per task. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate segmentation, classification, NER or embeddings against gold data.",
        subcommands = {SegmentEvalCommand.class, EvalClassifyCommand.class, EvalTfidfParityCommand.class, EvalEmbedCommand.class, EvalNerCommand.class,
                CommandLine.HelpCommand.class})
public final class EvalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // the command line it was parsed in, so the hint names it as typed: 'nlpipe eval --help'
        throw new CommandLine.ParameterException(spec.commandLine(), "name what to evaluate, e.g. `nlpipe eval segment --help`");
    }
}
