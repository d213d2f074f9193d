package dev.nlpipe.augment.backtranslate;

import dev.nlpipe.augment.AugmentSettings;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.stage.ModelUse;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code augment.backtranslate}: paraphrases by translating each text into one or more pivot
 * languages and back, through a translation model the user provides: a DJL model directory
 * ({@code model: DIR} holding a TorchScript {@code translator.pt}, see {@link TorchScriptTranslator})
 * or an external command that reads lines on standard input and writes one translation per line. Each route ({@code de},
 * {@code de>fr}) gives one variant. Variants carry text and labels only (put a tokenizer after
 * the stage when later stages need tokens); documents with entities are passed through unchanged.
 *
 * <p>The TorchScript route needs {@code dev.nlpipe:pipeline-nn} (DJL and libtorch) on the class
 * path; this module depends on it optionally, so users of the other augmenters do not download
 * libtorch. This class therefore never names a DJL or {@code pipeline-nn} type.
 */
public final class BackTranslateStage implements StageProvider {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackTranslateStage.class);

    @Override
    public String name() {
        return "augment.backtranslate";
    }

    @Override
    public String description() {
        return "back-translation through pivot languages with a translation model you configure (model: DIR with a TorchScript translator.pt, or an external command)";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> out = new ArrayList<>(List.of(
                OptionSpec.stringList("pivots", List.of(), "routes, one variant each: a pivot language (de) or a chain (de>fr)"),
                OptionSpec.stringList("command", List.of(), "translator program and arguments; {src} and {tgt} are replaced by the "
                        + "language codes; it reads lines on standard input and writes one translation per line"),
                OptionSpec.integer("timeout", 600, "seconds one translator call may take"),
                OptionSpec.string("device", "auto", "for model: DIR, where the model runs: cpu, gpu, gpu:N or auto (a GPU when one is visible, else the CPU)"),
                OptionSpec.string("language", null, "language of documents that have none (ISO 639-1, e.g. en)")));
        out.addAll(AugmentSettings.options(null));
        return out;
    }

    @Override
    public ModelUse modelUse() {
        return ModelUse.OPTIONAL;
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        List<String> command = o.getStringList("command");
        if (command.isEmpty() && ctx.model() == null) {
            throw ctx.error("needs a translation model: either 'model: DIR', a directory holding translator.pt (a TorchScript "
                    + "module with forward(lines: List[str], src: str, tgt: str) -> List[str]), or 'command: [program, args...]', "
                    + "a program that reads lines on standard input and writes one translation per line on standard output "
                    + "({src} and {tgt} in its arguments become the language codes), e.g. command: [python3, translate.py, "
                    + "--from, '{src}', --to, '{tgt}']");
        }
        if (!command.isEmpty() && ctx.model() != null) {
            throw o.error("command", "give the translation model either as 'model: DIR' or as 'command', not both");
        }
        if (!command.isEmpty()) {
            String problem = CommandTranslator.checkProgram(command.get(0));
            if (problem != null) {
                throw o.error("command", problem);
            }
        }
        List<Route> routes = new ArrayList<>();
        for (String spec : o.getStringList("pivots")) {
            Route r = Route.parse(spec);
            if (r == null) {
                throw o.error("pivots", "'" + spec + "' is not a language code (de) or a chain of them (de>fr)");
            }
            routes.add(r);
        }
        if (routes.isEmpty()) {
            throw ctx.error("needs 'pivots': the languages to translate through, e.g. pivots: [de, fr] or pivots: ['de>fr']");
        }
        int timeout = o.getInt("timeout");
        if (timeout < 1) {
            throw o.error("timeout", "must be at least 1 second");
        }
        AugmentSettings settings = AugmentSettings.from(o, routes.size());
        Translator translator;
        if (command.isEmpty()) {
            translator = torchScript(ctx);
        } else {
            translator = new CommandTranslator(command, timeout);
        }
        return new BackTranslateProcessor(ctx.id(), settings, routes, o.getString("language"), translator);
    }

    private static Translator torchScript(StageContext ctx) {
        try {
            return TorchScriptTranslator.open(ctx.model(), ctx.options().getString("device"),
                    msg -> LOG.info("stage '{}': {}", ctx.id(), msg));
        } catch (NoClassDefFoundError e) {
            throw ctx.error("a TorchScript translation model needs the neural module: add the dependency dev.nlpipe:pipeline-nn"
                    + " (it brings DJL and libtorch), or give the translator as 'command' instead");
        } catch (IllegalArgumentException e) {
            throw ctx.options().error("device", e.getMessage());
        } catch (IOException e) {
            throw ctx.modelError(e.getMessage());
        }
    }
}
