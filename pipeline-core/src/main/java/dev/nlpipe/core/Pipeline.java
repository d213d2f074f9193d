package dev.nlpipe.core;

import dev.nlpipe.core.config.ConfigErrors;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.FormatChecks;
import dev.nlpipe.core.config.InputConfig;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Node;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.OutputConfig;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.PlainNodes;
import dev.nlpipe.core.config.StageChecks;
import dev.nlpipe.core.config.StageConfig;
import dev.nlpipe.core.config.StageIds;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentChecks;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.io.BadRecordSink;
import dev.nlpipe.core.io.CorpusInput;
import dev.nlpipe.core.io.ErrorLog;
import dev.nlpipe.core.io.InputFiles;
import dev.nlpipe.core.io.InputFormatException;
import dev.nlpipe.core.io.InputSource;
import dev.nlpipe.core.io.OutputSink;
import dev.nlpipe.core.io.OutputTargets;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.io.TempNames;
import dev.nlpipe.core.io.WriterProvider;
import dev.nlpipe.core.run.OnError;
import dev.nlpipe.core.run.PipelineRunner;
import dev.nlpipe.core.run.RunOptions;
import dev.nlpipe.core.run.RunSummary;
import dev.nlpipe.core.stage.Components;
import dev.nlpipe.core.stage.ConfiguredStage;
import dev.nlpipe.core.stage.Processor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A built pipeline: stages checked and constructed, ready to process documents in a program or to
 * run over its configured input and output. Thread-safe once built (stages are), so one instance
 * can serve many threads.
 *
 * <pre>{@code
 * try (Pipeline p = Pipeline.fromYaml(Path.of("examples/quickstart.yaml"))) {
 *     List<Document> out = p.process(new Document("d1", "姚明在NBA打篮球"));
 * }
 * }</pre>
 */
public final class Pipeline implements AutoCloseable {
    private final String name;
    private final List<ConfiguredStage> stages;
    private final PipelineConfig config;
    private final Components components;
    private final Set<Layer> layersOut;
    /** Set by {@link #close()}: after it the neural stages refuse to run and the others would run on, so the pipeline refuses. */
    private volatile boolean closed;

    private Pipeline(String name, List<ConfiguredStage> stages, PipelineConfig config, Components components, Set<Layer> layersOut) {
        this.name = name;
        this.stages = List.copyOf(stages);
        this.config = config;
        this.components = components;
        this.layersOut = layersOut;
    }

    /** Reads, checks and builds a pipeline file, applying {@code key=value} overrides. */
    public static Pipeline fromYaml(Path file, String... overrides) {
        return fromConfig(PipelineConfig.load(file, List.of(overrides)));
    }

    /**
     * Builds a parsed configuration: checks the input and output formats and their options, every
     * stage type, option and model, and the layer wiring, the output format's needs included (when
     * the file has an {@code input:} section, which says what layers documents bring; without one, a
     * missing layer is found at the first document) — all before any document is read. The
     * input path itself is checked by {@link #checkInput} (the command line calls it first) and
     * again by {@link #run}, so a program that only calls {@code process} can keep an input section
     * that does not resolve from its working directory.
     */
    public static Pipeline fromConfig(PipelineConfig config) {
        Components components = Components.get();
        ConfigErrors errors = new ConfigErrors();
        Set<Layer> inputLayers = FormatChecks.check(config.input(), config.output(), components, errors);
        if (!errors.isEmpty()) {
            // all of the file's mistakes at once: the stages' too, which the wiring below would report one by one
            StageChecks.check(config.stages(), components, errors);
            errors.throwIfAny();
        }
        StageAssembler.Assembled a = StageAssembler.assemble(config.stages(), inputLayers, config.output(), components);
        return new Pipeline(config.name(), a.stages(), config, components, a.layersOut());
    }

    /**
     * Throws {@code inputError} (an input not found, from {@link #checkInput}) together with every
     * other mistake of the file that can be found without building a stage: formats, their options,
     * stage types and options. The command line reports them at once, as it does without it.
     */
    public static void throwWithOtherErrors(PipelineConfig config, ConfigException inputError) {
        Components components = Components.get();
        ConfigErrors errors = new ConfigErrors();
        errors.add(inputError);
        FormatChecks.check(config.input(), config.output(), components, errors);
        StageChecks.check(config.stages(), components, errors);
        errors.throwIfAny();
    }

    /**
     * Builds stages for documents that carry {@code inputLayers} ({@code null} when unknown), e.g.
     * a training file's preprocessing.
     */
    public static Pipeline ofStages(String name, List<StageConfig> stages, Set<Layer> inputLayers) {
        Components components = Components.get();
        StageAssembler.Assembled a = StageAssembler.assemble(stages, inputLayers, null, components);
        return new Pipeline(name, a.stages(), new PipelineConfig(name, null, stages, null, "skip", 0, 0, null), components, a.layersOut());
    }

    /**
     * The layers documents carry after the last stage, or {@code null} when the input's layers are
     * unknown, and for a pipeline built with {@link #builder()}, which checks its wiring as it
     * builds and does not keep the result.
     */
    public Set<Layer> layersOut() {
        return layersOut;
    }

    /**
     * Checks that the configured input exists and is readable and, when an output is configured
     * too, that no output file would overwrite an input or another input's output (see
     * {@link OutputTargets}); a located error otherwise. The command line calls it before any
     * stage is built, so such a mistake costs no model loading.
     */
    public static void checkInput(PipelineConfig config) throws IOException {
        InputConfig in = config.input();
        if (in != null && in.path() != null) {
            FormatChecks.checkReadable(in);
            List<InputSource> sources = inputSources(in, config.output());
            if (sources.isEmpty()) {
                // a mistyped glob would otherwise publish an empty output over the last run's
                throw new ConfigException(in.pathLocation(), "input directory " + in.path() + " holds no file"
                        + (in.glob() == null || in.glob().isEmpty() ? "" : " matching glob '" + in.glob() + "'")
                        + (in.recursive() ? "" : " directly (input.recursive: true reads its sub-directories)")
                        + "; hidden files are never read");
            }
            OutputConfig out = config.output();
            WriterProvider writer = out == null || out.path() == null ? null : Components.get().writers().find(out.format());
            if (writer != null) {
                checkOutputs(sources, out, writer);
            }
        }
    }

    /**
     * The files an input directory holds, without this run's own errors file. An input inside the
     * output directory (a directory output inside the input, read on the rerun) is refused by name:
     * it may be an earlier run's output or a real input the outputs would overwrite, which only the
     * user can tell.
     */
    private static List<InputSource> inputSources(InputConfig in, OutputConfig out) throws IOException {
        List<InputSource> sources = InputFiles.list(in.path(), in.glob(), in.recursive());
        if (out == null || out.path() == null || out.path().toString().equals("-") || !Files.isDirectory(in.path())) {
            return sources;
        }
        // an output directory strictly inside the input: what lies under it was written there, by a run or by hand
        boolean nested = out.directory() && OutputTargets.within(out.path(), in.path()) && !OutputTargets.sameFile(out.path(), in.path());
        Path errorsFile = errorsFile(out);
        Path errors = errorsFile == null ? null : errorsFile.toAbsolutePath().normalize();
        List<InputSource> kept = new ArrayList<>(sources.size());
        for (InputSource s : sources) {
            Path p = s.path() == null ? null : s.path().toAbsolutePath().normalize();
            if (p != null && nested && OutputTargets.within(p, out.path())) {
                throw new ConfigException(out.location(), "the input " + s.path() + " lies inside the output directory " + out.path()
                        + " (an earlier run's output?); put the output directory beside the input, or narrow input.glob, or set"
                        + " input.recursive: false");
            }
            if (p == null || !p.equals(errors)) {
                kept.add(s);
            }
        }
        return kept;
    }

    private static void checkOutputs(List<InputSource> sources, OutputConfig out, WriterProvider writer) {
        OutputTargets.check(sources, out.path(), out.directory(), writer.extension(), errorsFile(out), out.location());
    }

    /** Starts a pipeline in code. */
    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    /** The stages in order. */
    public List<ConfiguredStage> stages() {
        return stages;
    }

    /**
     * The configuration it was built from; for a pipeline built with {@link #builder()}, one with its
     * name alone (no input, output or stage entries: {@link #stages()} lists the stages).
     */
    public PipelineConfig config() {
        return config;
    }

    /** Runs one document through every stage; returns the documents that come out (usually just it). */
    public List<Document> process(Document doc) {
        return processBatch(List.of(doc));
    }

    /**
     * Runs a batch through every stage, letting batching stages see the whole batch.
     *
     * @throws IllegalArgumentException for a document whose layers do not lie inside its text
     *     ({@link DocumentChecks}): refused as its JSON would be
     * @throws IllegalStateException after {@link #close()}
     */
    public List<Document> processBatch(List<Document> docs) {
        checkOpen();
        for (Document d : docs) {
            try {
                DocumentChecks.checkOffsets(d);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("document '" + d.id() + "': " + e.getMessage(), e);
            }
        }
        List<Document> cur = docs;
        for (ConfiguredStage s : stages) {
            if (cur.isEmpty()) {
                break;
            }
            cur = s.processor().processBatch(cur);
        }
        return cur;
    }

    /**
     * Runs a batch through every stage as {@code nlpipe run} does: a document that makes a stage
     * throw goes to {@code errors} as a bad record naming the stage, and the others go on.
     *
     * @param docs the documents
     * @param errors receives the failures; an {@link dev.nlpipe.core.io.ErrorLog} with {@code onError: fail} throws at the first
     * @return the documents that come out of the last stage
     */
    public List<Document> processBatch(List<Document> docs, BadRecordSink errors) {
        checkOpen();
        return PipelineRunner.processBatch(stages, docs, errors, null);
    }

    /** Processes a stream lazily, in order, on the calling thread. */
    public Stream<Document> process(Stream<Document> docs) {
        return docs.flatMap(d -> process(d).stream());
    }

    /** Processes an iterator lazily, in order, on the calling thread. */
    public Iterator<Document> process(Iterator<Document> docs) {
        return new Iterator<>() {
            private Iterator<Document> pending = List.<Document>of().iterator();

            @Override
            public boolean hasNext() {
                while (!pending.hasNext() && docs.hasNext()) {
                    pending = process(docs.next()).iterator();
                }
                return pending.hasNext();
            }

            @Override
            public Document next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.next();
            }
        };
    }

    /**
     * Runs the configured input through the pipeline into the configured output.
     *
     * @param options threads, batch size, error handling, progress: these, not the file's
     *     {@code threads}, {@code batchSize} and {@code onError}; pass {@link #defaultRunOptions} for the file's
     * @param log where progress and messages go (standard error), or {@code null}
     * @throws ConfigException when input or output is missing or unreadable
     * @throws dev.nlpipe.core.run.RecordFailedException with {@code onError: fail}
     */
    public RunSummary run(RunOptions options, PrintStream log) throws IOException {
        removeAbandonedTemporaries(config.output(), log);
        return run(config.input(), config.output(), options, log);
    }

    /**
     * Deletes what earlier runs to the same output left when they were killed before publishing
     * (their hidden {@code .NAME.tmp-PID-*} files); files of processes still running are kept.
     */
    private static void removeAbandonedTemporaries(OutputConfig out, PrintStream log) throws IOException {
        if (out == null || out.path() == null || out.path().toString().equals("-")) {
            return;
        }
        List<Path> removed = new ArrayList<>(out.directory() ? TempNames.removeAbandoned(out.path())
                : TempNames.removeAbandonedBeside(out.path()));
        Path errors = errorsFile(out);
        if (errors != null) {
            removed.addAll(TempNames.removeAbandonedBeside(errors));
        }
        if (!removed.isEmpty() && log != null) {
            log.println("nlpipe: removed " + removed.size() + " temporary file(s) left by interrupted runs, e.g. " + removed.get(0));
        }
    }

    /**
     * Runs another input through this pipeline's stages into another output (same checks and
     * error handling as {@link #run(RunOptions, PrintStream)}), so one built pipeline can serve
     * many inputs, e.g. each file of a scheduled directory.
     *
     * @param in the input (path, format and its options)
     * @param out the output (path, format and its options)
     * @param options threads, batch size, error handling, progress
     * @param log where progress and messages go (standard error), or {@code null}
     */
    public RunSummary run(InputConfig in, OutputConfig out, RunOptions options, PrintStream log) throws IOException {
        return run(in, null, out, options, log);
    }

    /**
     * Runs one file of an input directory on its own (as the scheduler runs each file into its own
     * output): its documents are named by {@code relative}, the file's path under that directory, as
     * a run over the whole directory names them (ids {@code 2024/a.txt:1}), not by the file's name
     * alone, which files of one name in two sub-directories would share.
     *
     * @param in the input aimed at the file itself (path, format and its options)
     * @param relative the file's path relative to the directory it belongs to, or {@code null} to read
     *     {@code in} as {@link #run(InputConfig, OutputConfig, RunOptions, PrintStream)} does
     * @param out the output (path, format and its options)
     * @param options threads, batch size, error handling, progress
     * @param log where progress and messages go (standard error), or {@code null}
     */
    public RunSummary run(InputConfig in, String relative, OutputConfig out, RunOptions options, PrintStream log) throws IOException {
        checkOpen();
        if (in == null || in.path() == null) {
            throw new ConfigException(config.source() == null ? Location.NONE : new Location(config.source().toString(), 1, 1),
                    "no input: add 'input: {path: ..., format: ...}' or pass --input PATH");
        }
        if (out == null || out.path() == null) {
            throw new ConfigException(config.source() == null ? Location.NONE : new Location(config.source().toString(), 1, 1),
                    "no output: add 'output: {path: ..., format: jsonl}' or pass --output PATH (- for standard output)");
        }
        FormatChecks.checkReadable(in);
        ReaderProvider reader = components.readers().get(in.format(), in.location());
        Options readerOptions = FormatChecks.readerOptions(in, reader);
        WriterProvider writer = components.writers().get(out.format(), out.location());
        Options writerOptions = FormatChecks.writerOptions(out, writer);

        if (relative != null && Files.isDirectory(in.path())) {
            throw new IllegalArgumentException("a path relative to its directory names a file, not the directory " + in.path());
        }
        List<InputSource> sources = relative == null ? inputSources(in, out)
                : List.of(new InputSource(in.path(), in.path().toString(), relative));
        checkOutputs(sources, out, writer);
        ErrorLog errors = new ErrorLog(errorsFile(out), log, options.onError());
        ReadSettings settings = new ReadSettings(in.language(), in.maxLineLength(), errors, new AtomicLong());
        try (CorpusInput input = new CorpusInput(sources, reader, readerOptions, settings);
             OutputSink sink = OutputSink.open(out.path(), out.directory(), writer, writerOptions, input::relativeSource)
                     .expecting(sources.stream().map(InputSource::relative).toList())) {
            PipelineRunner runner = new PipelineRunner(name, stages, options, log);
            boolean published = false;
            try {
                RunSummary summary = runner.run(input, sink, errors, input.totalBytes(), input::bytesRead);
                published = true;
                return summary;
            } catch (InputFormatException e) {
                throw new ConfigException(new Location(e.source(), (int) e.line(), 1), e.getMessage().substring(e.getMessage().indexOf(": ") + 2), e);
            } finally {
                // the errors file changes only with the output it describes: a failed run keeps both as they were (the
                // record onError: fail stopped at is in the exception's message)
                if (published) {
                    errors.commit();
                } else {
                    errors.abort();
                }
            }
        }
    }

    /** What an output's name is followed by in the name of its errors file ({@code out.jsonl.errors.jsonl}). */
    public static final String ERRORS_SUFFIX = ".errors.jsonl";

    /**
     * {@code <output>.errors.jsonl}, or the configured errors file; {@code null} (errors go to
     * standard error) for standard output and special files such as {@code /dev/null}.
     */
    public static Path errorsFile(OutputConfig out) {
        if (out.errors() != null) {
            return out.errors();
        }
        String p = out.path().toString();
        if (p.equals("-") || (Files.exists(out.path()) && !Files.isRegularFile(out.path()) && !Files.isDirectory(out.path()))) {
            return null;
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return Path.of(p + ERRORS_SUFFIX);
    }

    /** The run settings the configuration gives ({@code threads}, {@code batchSize}, {@code onError}), for {@link #run}. */
    public RunOptions defaultRunOptions(boolean progress) {
        return new RunOptions(config.threads(), config.batchSize(),
                "fail".equals(config.onError()) ? OnError.FAIL : OnError.SKIP, progress);
    }

    /**
     * Closes every stage, also when one fails to close (its native memory would otherwise stay
     * held by the stages after it); the first failure is thrown with the others suppressed.
     */
    @Override
    public void close() {
        closed = true;
        RuntimeException failure = ConfiguredStage.closeAll(stages, null);
        if (failure != null) {
            throw failure;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("pipeline '" + name() + "' is closed: its stages have let go of their models; build it again");
        }
    }

    /** Builds a pipeline in code: stages by registered name and options, or custom processors. */
    public static final class Builder {
        private String name = "pipeline";
        private final List<Entry> entries = new ArrayList<>();
        private Set<Layer> inputLayers = null;
        private String origin;
        /** Whether a pipeline was built holding this builder's own processors: it closes them, so they serve no other. */
        private boolean processorsHandedOver;

        private sealed interface Entry permits Registered, Custom {
        }

        private record Registered(String type, Map<String, Object> options, Path model) implements Entry {
        }

        private record Custom(String id, Processor processor) implements Entry {
        }

        public Builder name(String newName) {
            this.name = newName;
            return this;
        }

        /**
         * Where the added stages' options come from, as errors name it (e.g. {@code nlpipe segment}
         * for a command that builds from its own options); by default {@code builder stage N (TYPE)}.
         */
        public Builder origin(String label) {
            this.origin = label;
            return this;
        }

        /** Adds a registered stage with default options. */
        public Builder add(String type) {
            return add(type, Map.of(), null);
        }

        /** Adds a registered stage with options (checked like YAML values). */
        public Builder add(String type, Map<String, ?> options) {
            return add(type, options, null);
        }

        /** Adds a registered stage that loads a model directory. */
        public Builder add(String type, Map<String, ?> options, Path model) {
            entries.add(new Registered(type, new LinkedHashMap<>(options), model));
            return this;
        }

        /**
         * Adds a processor of your own, under an id no other stage has. The pipeline built closes it
         * with its stages; a {@code build()} that fails leaves it open, yours to close.
         */
        public Builder add(String id, Processor processor) {
            entries.add(new Custom(id, processor));
            return this;
        }

        /**
         * Declares the layers input documents carry, turning on the wiring check at {@link #build}
         * ({@code inputLayers()} with none for raw text); without it a stage's missing layer is found
         * at the first document.
         */
        public Builder inputLayers(Layer... layers) {
            this.inputLayers = EnumSet.noneOf(Layer.class);
            inputLayers.addAll(List.of(layers));
            return this;
        }

        /**
         * Checks and builds the pipeline. The wiring check runs over the registered stages before
         * the first custom processor (whose layers are unknown).
         */
        public Pipeline build() {
            if (processorsHandedOver) {
                throw new IllegalStateException("this builder's own processors belong to the pipeline it built, which closes them;"
                        + " use a new builder (with new processors) for another pipeline");
            }
            List<ConfiguredStage> built = new ArrayList<>();
            try {
                Pipeline p = build(built);
                processorsHandedOver = entries.stream().anyMatch(Custom.class::isInstance);
                return p;
            } catch (RuntimeException e) {
                // the stages made before the failing one hold models (native memory): a service retrying a bad
                // configuration leaked one set per attempt. The caller's own processors stay the caller's.
                throw ConfiguredStage.closeAll(built.stream().filter(s -> !"custom".equals(s.type())).toList(), e);
            }
        }

        private Pipeline build(List<ConfiguredStage> built) {
            Components components = Components.get();
            List<StageConfig> pending = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            boolean wiringKnown = true;
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                switch (e) {
                    case Custom c -> {
                        built.addAll(assemble(pending, components, wiringKnown ? inputLayers : null));
                        pending.clear();
                        wiringKnown = false;
                        if (c.id() == null || !ids.add(c.id())) {
                            throw new ConfigException(new Location("builder stage " + (i + 1), 0, 0), c.id() == null
                                    ? "a processor of your own needs an id" : "two stages have the id '" + c.id() + "'; ids must be"
                                    + " unique (a registered stage's id is its type, then TYPE#2...)");
                        }
                        built.add(new ConfiguredStage(c.id(), "custom", c.processor()));
                    }
                    case Registered r -> {
                        // line 0: no file, so no FILE:LINE:COL to print and no --set to suggest
                        Location at = new Location(origin != null ? origin : "builder stage " + (i + 1) + " (" + r.type() + ")", 0, 0);
                        String id = StageIds.next(ids, r.type());
                        pending.add(new StageConfig(id, r.type(), (Node.MapNode) PlainNodes.toNode(r.options(), at), r.model(), at, at));
                    }
                }
            }
            built.addAll(assemble(pending, components, wiringKnown ? inputLayers : null));
            PipelineConfig cfg = new PipelineConfig(name, null, List.of(), null, "skip", 0, 0, null);
            return new Pipeline(name, built, cfg, components, null);
        }

        private static List<ConfiguredStage> assemble(List<StageConfig> pending, Components components, Set<Layer> layers) {
            return pending.isEmpty() ? List.of() : StageAssembler.assemble(List.copyOf(pending), layers, null, components).stages();
        }
    }
}
