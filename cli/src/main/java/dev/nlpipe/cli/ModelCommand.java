package dev.nlpipe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nlpipe model ...}: commands on model directories. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Work with model directories: import a pretrained encoder.",
        subcommands = {ModelImportCommand.class, CommandLine.HelpCommand.class})
public final class ModelCommand implements Runnable {
    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name what to do, e.g. `nlpipe model import --help`");
    }
}
