package dev.nlpipe.cli;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.LineReader;
import dev.nlpipe.core.io.ReadSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The shape every one-line command shares ({@code nlpipe segment}, {@code tag}, {@code classify}):
 * texts from the arguments, or else one document per line of standard input, through a pipeline
 * built in code, one output line per input line (or the full JSON document with {@code --json}),
 * so that {@code echo 姚明在NBA打篮球 | nlpipe segment} needs no YAML file.
 */
abstract class LineCommand implements Callable<Integer> {
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "texts to process (taken as text, not file names); without any,"
            + " or with -, each line of standard input is one text")
    List<String> texts = new ArrayList<>();

    @Option(names = "--json", description = "print each document as a JSON line (tokens, entities, labels with offsets), as `nlpipe run` writes it")
    boolean json;

    @Option(names = "--with", paramLabel = "KEY=VALUE", description = "an option of the command's stage, as in YAML (`nlpipe list STAGE` lists them),"
            + " e.g. segment --with punctuation=drop, tag --with batchSize=16")
    List<String> with = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /**
     * A pipeline serving {@code model} through a stage of type {@code stageType}, behind the
     * tokenizer or segmenter the model was trained behind, so a raw line gets the token boundaries
     * its training data had. Its wiring is checked for raw text before any line is read.
     *
     * @param first a stage to run before, for a model that recorded none; {@code null} for none
     */
    Pipeline servingModel(String stageType, Path model, Map<String, Object> options, String first) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("preprocess", true);
        o.putAll(options);
        Pipeline.Builder b = Pipeline.builder().name(stageType).origin(origin()).inputLayers();
        if (first != null) {
            b.add(first);
        }
        return b.add(stageType, o, model).build();
    }

    /** How errors in this command's own options name where they came from ({@code nlpipe tag}). */
    String origin() {
        return spec.qualifiedName();
    }

    /** The pipeline to run; {@code options} are the {@code --with} values for the command's main stage. */
    abstract Pipeline pipeline(Map<String, Object> options);

    /** One line of plain output for a processed document. */
    abstract String format(Document doc);

    @Override
    public Integer call() throws Exception {
        // The answer is the output here; the model loaders' informational lines (device chosen, ...) would only clutter
        // a terminal or a script's stderr. Warnings and errors still show. Set before the first logger is created.
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean fromStdin = texts.isEmpty() || texts.equals(List.of("-"));
        long[] skipped = {0};
        try (Pipeline p = pipeline(options())) {
            if (!fromStdin) {
                for (int i = 0; i < texts.size(); i++) {
                    warnIfFileName(texts.get(i), err);
                    print(p, new Document("arg:" + (i + 1), texts.get(i)), out);
                }
            } else {
                // read as `nlpipe run` reads a file: a line past the limit (a file without line breaks piped in) or with
                // invalid UTF-8 is skipped with a warning instead of being held in memory whole or garbled; its output line
                // stays, empty, so that output line N still answers input line N. Standard input is not closed.
                LineReader in = new LineReader(System.in, ReadSettings.DEFAULT_MAX_LINE_BYTES, "standard input", bad -> {
                    skipped[0]++;
                    err.println("nlpipe: skipped " + bad + "; its output line is empty" + hint(bad.reason()));
                    err.flush();
                    out.println();
                });
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    print(p, new Document("stdin:" + in.lineNumber(), line), out);
                }
            }
        }
        out.flush();
        checkWritten(out);
        if (skipped[0] > 0) {
            err.println("nlpipe: " + skipped[0] + " input line" + (skipped[0] == 1 ? " was" : "s were") + " skipped (exit 1)");
            err.flush();
            return ExitCodes.RECORDS_FAILED;
        }
        return ExitCodes.OK;
    }

    /** What to do about a skipped line, by why it was skipped. */
    private static String hint(String reason) {
        if (reason.startsWith("invalid UTF-8")) {
            return " (convert the input to UTF-8 first, e.g. iconv -f gbk -t utf-8)";
        }
        if (reason.startsWith("line longer than") || reason.startsWith("no line end")) {
            return " (`nlpipe run` with input.maxLineLength reads longer lines)";
        }
        return "";
    }

    /** A text that names a file is taken as text; said once, since a jieba user expects the file to be read. */
    private void warnIfFileName(String text, PrintWriter err) {
        if (!text.isBlank() && text.length() < 4096 && !text.contains("\n") && isFile(text)) {
            err.println("nlpipe: '" + text + "' is taken as text, not read as a file; to process the file's lines: "
                    + spec.qualifiedName() + " ... < " + text);
            err.flush();
        }
    }

    private static boolean isFile(String text) {
        try {
            return java.nio.file.Files.isRegularFile(Path.of(text));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private void print(Pipeline p, Document doc, PrintWriter out) throws java.io.IOException {
        for (Document d : p.process(doc)) {
            out.println(json ? DocumentJson.toJson(d) : format(d));
        }
        // flushed per line so that an interactive session, or a script feeding lines one by one, sees each answer at once
        out.flush();
        checkWritten(out);
    }

    /** A write to a closed pipe ({@code | head -1}) or a full disk stops the command, as {@code run --output -} stops. */
    private static void checkWritten(PrintWriter out) throws java.io.IOException {
        if (out.checkError()) {
            throw new java.io.IOException("cannot write to standard output (a closed pipe or a full disk)");
        }
    }

    private Map<String, Object> options() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String kv : with) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(new Location("--with " + kv, 0, 0), "expected KEY=VALUE, e.g. --with pos=true");
            }
            String key = kv.substring(0, eq);
            if (eq == kv.length() - 1) {
                throw new ConfigException(new Location("--with " + kv, 0, 0), "--with " + kv + " gives no value: give one, e.g. --with "
                        + key + "=true, or leave the option out for its default");
            }
            // read as --set reads a value: --with pos=true a boolean, --with userDictionaries=[a.txt] a list, '-' or '*.txt' text
            m.put(key, dev.nlpipe.core.config.Overrides.commandLineValue(kv.substring(eq + 1), "--with " + key));
        }
        return m;
    }
}
