package dev.nlpipe.spark;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.ConfigException;
import dev.nlpipe.core.config.InputConfig;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Node;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.OutputConfig;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.config.Overrides;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.config.YamlLoader;
import dev.nlpipe.core.run.RecordFailedException;
import dev.nlpipe.embed.word2vec.Word2VecModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * {@code spark-submit --class dev.nlpipe.spark.NlpipeSparkJob nlpipe-spark.jar run PIPELINE.yaml
 * [--input URI] [--output URI] [--set KEY=VALUE]...}: {@code nlpipe run} on a Spark cluster.
 *
 * <p>The pipeline file, {@code --set} and the checks are {@code nlpipe run}'s: everything is
 * checked on the driver before any record is read. Input files are read by nlpipe's own readers
 * (every format of {@code nlpipe list formats}), one Spark partition per file or per range of
 * {@code spark.sql.files.maxPartitionBytes} of a larger file of a line format ({@link FileSplits}), so documents get
 * the same ids and {@code meta} as locally; {@code format: parquet} is read by Spark instead,
 * with {@code textColumn}, {@code idColumn}, {@code labelColumn} and {@code langColumn}, or, when
 * its columns are the typed documents of {@link DocumentRows#SCHEMA} (this job's Parquet output),
 * as those documents, every layer included, so one job can continue from another's output. The output is a directory of JSONL part files whose
 * lines, taken in part order, are the lines {@code nlpipe run} writes, or with {@code output: {format: parquet}} a
 * directory of Parquet files holding the same documents in typed columns ({@link DocumentRows}); bad records go to the
 * directory {@code <output>.errors.jsonl}. Both are written through Spark's output commit
 * protocol, so a retried or speculative task neither duplicates nor loses lines, and a failed job
 * publishes nothing.
 *
 * <p>{@code fit TRAINING.yaml --output DIR [--set KEY=VALUE]...} fits a {@code vectorize.tfidf}
 * or {@code vectorize.count} training file on the cluster ({@link SparkVectorizerFit}), or counts the
 * vocabulary of an {@code embed.word2vec} training file ({@link SparkWord2VecCount}) for {@code nlpipe train}'s
 * {@code model.vocabulary}.
 *
 * <p>Exit codes are {@code nlpipe run}'s: 0 done, 1 some records failed (or {@code onError: fail}
 * stopped the job), 2 a configuration or usage error, 3 a runtime failure.
 */
public final class NlpipeSparkJob {
    static final String USAGE = "usage: spark-submit --class " + NlpipeSparkJob.class.getName()
            + " nlpipe-spark.jar (run PIPELINE.yaml [--input URI] [--output URI] | fit TRAINING.yaml --output DIR) [--set KEY=VALUE]...";

    private NlpipeSparkJob() {
    }

    /** The {@code spark-submit} entry point; exits with the job's exit code. */
    public static void main(String[] args) {
        int code;
        SparkSession spark = SparkSession.builder().appName("nlpipe").getOrCreate();
        try {
            code = run(spark, args, System.err);
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /**
     * Runs the job on an existing session (tests, or a driver program of your own).
     *
     * @param spark the session
     * @param args {@code run PIPELINE.yaml [--input URI] [--output URI] [--set KEY=VALUE]...}
     * @param log where the summary and errors go
     * @return the exit code
     */
    public static int run(SparkSession spark, String[] args, PrintStream log) {
        try {
            Arguments a = Arguments.parse(args);
            if (a.command().equals("fit")) {
                if (a.output() == null || a.input() != null) {
                    throw new IllegalArgumentException("fit takes TRAINING.yaml --output DIR [--set KEY=VALUE]...");
                }
                if (SourceFiles.isUri(a.output())) {
                    // the model directory is built on the driver's local disk; hdfs:///m would become a directory named "hdfs:"
                    throw new IllegalArgumentException("fit --output " + a.output() + ": the model directory is written on the driver's"
                            + " file system; give a local path (copy it to " + a.output() + " afterwards, e.g. hdfs dfs -put)");
                }
                if (Word2VecModel.KIND.equals(TrainConfig.load(a.pipeline(), a.sets()).task())) {
                    SparkWord2VecCount.count(spark, a.pipeline(), a.sets(), Path.of(a.output()), log);
                } else {
                    SparkVectorizerFit.fit(spark, a.pipeline(), a.sets(), Path.of(a.output()), log);
                }
                return 0;
            }
            Summary s = execute(spark, a);
            log.print(s.format());
            return s.failed() > 0 ? 1 : 0;
        } catch (ConfigException e) {
            log.println("nlpipe-spark: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            log.println("nlpipe-spark: " + e.getMessage());
            log.println(USAGE);
            return 2;
        } catch (Exception e) {
            // Spark rethrows a task's failure wrapped (SparkException, undeclared); the cause tells what happened.
            String stopped = recordFailure(e);
            if (stopped != null) {
                log.println("nlpipe-spark: " + stopped);
                log.println("nothing was published; fix the record or set onError: skip to write bad records to the errors output");
                return 1;
            }
            log.println("nlpipe-spark: " + e);
            return 3;
        }
    }

    /** The job's counts, printed as {@code nlpipe run} prints its summary line. */
    record Summary(String pipeline, long read, long written, long failed, long warnings, double seconds, int partitions,
                   String output, String errors, List<String> notes) {
        String format() {
            return notes.stream().map(n -> "nlpipe-spark: " + n + "\n").collect(Collectors.joining())
                    + String.format(Locale.ROOT, "%s: read %,d, wrote %,d, failed %,d documents in %.2f s (spark, %d partitions)%n",
                    pipeline, read, written, failed, seconds, partitions)
                    + (warnings > 0 ? String.format(Locale.ROOT, "  %,d warnings (records read as they are)%n", warnings) : "")
                    + "  output: " + output + "\n"
                    + (failed > 0 ? "  errors: " + errors + "\n" : "");
        }
    }

    static Summary execute(SparkSession spark, Arguments a) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Node root = YamlLoader.load(a.pipeline());
        Overrides.apply(root, a.sets());
        PipelineConfig config = PipelineConfig.parse(root, a.pipeline());
        Location at = new Location(a.pipeline().toString(), 1, 1);
        String inPath = a.input() != null ? a.input() : rawPath(root, "input");
        String outPath = a.output() != null ? a.output() : rawPath(root, "output");
        if (inPath == null) {
            throw new ConfigException(at, "no input: add 'input: {path: ..., format: ...}' or pass --input URI");
        }
        if (outPath == null) {
            throw new ConfigException(at, "no output: add 'output: {path: ..., format: jsonl}' or pass --output URI");
        }
        // nlpipe run's "-" for standard input or output: a job's executors have neither, and "-" would become a directory named -
        if (inPath.equals("-")) {
            throw new ConfigException(a.input() == null ? config.input().location() : at, "the Spark job cannot read standard input"
                    + " (path -): give input.path, or --input, a file, a directory or a URI");
        }
        if (outPath.equals("-")) {
            throw new ConfigException(a.output() == null ? config.output().location() : at, "the Spark job cannot write standard output"
                    + " (path -): give output.path, or --output, a directory or a URI for its part files");
        }
        DocumentForm form = outputForm(config.output());
        InputConfig in = config.input() != null ? config.input() : InputConfig.of(Path.of("-"));
        if (outPath.replaceFirst("/+$", "").endsWith(".gz")) {
            // nlpipe run compresses such an output; the job writes a directory of uncompressed part files
            throw new ConfigException(config.output() != null ? config.output().location() : at, "the Spark job writes a directory of"
                    + " part files, uncompressed: leave .gz out of the output name " + outPath);
        }
        // the pipeline file's output.errors as nlpipe run takes it, else OUTPUT.errors.jsonl beside the output
        String givenErrors = rawPath(root, "output", "errors");
        String errorsPath = givenErrors != null ? givenErrors : outPath.replaceFirst("/+$", "") + ".errors.jsonl";
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        SourceFiles.checkErrorsApart(errorsPath, outPath, config.output() != null ? config.output().location() : at, conf);
        Inputs inputs = PARQUET.equals(in.format()) ? parquet(spark, config, in, inPath, form, List.of(outPath, errorsPath))
                : files(spark, config, in, inPath, form, List.of(outPath, errorsPath));
        // The counts and the sources of bad records are gathered while the documents are written, so the
        // stages run once per document: caching the outcomes for a second pass cost more than the JSON encoding.
        Observation seen = new Observation("nlpipe-outcomes");
        Dataset<Row> documents = inputs.outcomes().observe(seen, functions.count(functions.col(NlpipeSpark.DOCUMENT)).as(WRITTEN),
                        functions.count(functions.col(NlpipeSpark.ERROR)).as(FAILED),
                        functions.collect_set(functions.get_json_object(functions.col(NlpipeSpark.ERROR), "$.source")).as(SOURCES))
                .where(NlpipeSpark.DOCUMENT + " IS NOT NULL");
        org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        String run = spark.sparkContext().applicationId() + "-" + System.nanoTime();
        StagedOutput out = StagedOutput.of(outPath, run, hadoop);
        StagedOutput errors = StagedOutput.of(errorsPath, run, hadoop);
        List<String> notes = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (String note : new String[] {out.recoverInterruptedPublish(true), errors.recoverInterruptedPublish(false),
                out.removeAbandonedStaging(now), errors.removeAbandonedStaging(now)}) {
            if (note != null) {
                notes.add(note);
            }
        }
        long written;
        long failed;
        long read;
        long warnings;
        try {
            if (form == DocumentForm.TYPED) {
                documents.select(NlpipeSpark.DOCUMENT + ".*").write().mode(SaveMode.Overwrite).parquet(out.staging());
            } else {
                documents.select(NlpipeSpark.DOCUMENT).write().mode(SaveMode.Overwrite).text(out.staging());
            }
            java.util.Map<String, Object> counts = seen.getAsJava();
            written = ((Number) counts.get(WRITTEN)).longValue();
            failed = ((Number) counts.get(FAILED)).longValue();
            // Read before a second pass adds to them.
            read = inputs.read().getAsLong();
            warnings = inputs.warnings().getAsLong();
            if (failed > 0) {
                // Bad records are rare: rerunning only the sources that had them is cheaper than keeping every document.
                inputs.rerun().apply(sources(counts.get(SOURCES)))
                        // no coalesce(1): it would pull the rerun of every file with a bad record, stages and models included,
                        // into one task; the part files keep the input's order
                        .where(NlpipeSpark.ERROR + " IS NOT NULL").select(NlpipeSpark.ERROR)
                        .write().mode(SaveMode.Overwrite).text(errors.staging());
            }
        } catch (Exception e) {
            // Spark's own exceptions are checked ones Java does not see declared; the earlier output and its errors stay
            // as they were, and the job's failure is what is reported
            StagedOutput.discardAll(e, out, errors);
            throw e;
        }
        try {
            out.publish();
        } catch (IOException e) {
            StagedOutput.discardAll(e, errors);
            throw e;
        }
        if (failed > 0) {
            errors.publish();
        } else {
            // A stale errors output from an earlier run would claim failures this run did not have.
            errors.removeTarget();
        }
        return new Summary(config.name(), read, written, failed, warnings, (System.nanoTime() - start) / 1e9, inputs.partitions(),
                outPath, errorsPath, notes);
    }

    /** The file names of an observed {@code collect_set}, which Spark hands over as a Scala sequence. */
    @SuppressWarnings("unchecked")
    private static Set<String> sources(Object set) {
        return Set.copyOf(scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<String>) set));
    }

    private static final String WRITTEN = "written";
    private static final String FAILED = "failed";
    private static final String SOURCES = "sources";
    /** The column that carries each Parquet row's file through the stages; no input column is named so. */
    private static final String SOURCE_COLUMN = "__nlpipe_source_file";

    /** The format name of Parquet input and output, read and written by Spark rather than by nlpipe. */
    static final String PARQUET = "parquet";

    /** JSONL lines for {@code format: jsonl} (the default), typed columns for {@code format: parquet}. */
    private static DocumentForm outputForm(OutputConfig out) {
        if (out == null) {
            return DocumentForm.JSON;
        }
        if (!"jsonl".equals(out.format()) && !PARQUET.equals(out.format())) {
            throw new ConfigException(out.location(), "the Spark job writes format 'jsonl' or 'parquet', not '" + out.format() + "'");
        }
        // neither takes options, as nlpipe run's jsonl writer takes none: a mistyped key is refused, not ignored
        Options.validate("output format '" + out.format() + "'", out.formatOptions(), out.location(), List.of());
        return PARQUET.equals(out.format()) ? DocumentForm.TYPED : DocumentForm.JSON;
    }

    /**
     * The outcomes of an input (document and error columns) and its counts, read once the outcomes are computed.
     *
     * @param rerun the outcomes again, of at least the inputs whose bad records name one of the given sources
     */
    private record Inputs(Dataset<Row> outcomes, LongSupplier read, LongSupplier warnings, int partitions,
                          Function<Set<String>, Dataset<Row>> rerun) {
    }

    /** Files read by nlpipe's readers, one partition per file or, for large files of line formats, per range of lines. */
    private static Inputs files(SparkSession spark, PipelineConfig config, InputConfig in, String inPath, DocumentForm form,
                                List<String> outputs) throws IOException {
        // Same checks as nlpipe run, on the driver, before any record is read (the path itself is
        // checked by listing it, which works for URIs too). Parquet output is the job's, not a local writer's.
        PipelineConfig located = ShippedModels.located(config);
        Pipeline.fromConfig(form == DocumentForm.TYPED ? new PipelineConfig(located.name(), located.input(), located.stages(), null,
                located.onError(), located.threads(), located.batchSize(), located.source()) : located).close();
        PipelineSpec spec = PipelineSpec.of(config);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<SourceFiles.Ref> files;
        try {
            files = SourceFiles.list(inPath, in.glob(), in.recursive(), hadoop);
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw new ConfigException(in.pathLocation(), "input not found: " + inPath);
        }
        SourceFiles.checkApart(files, inPath, in, outputs, hadoop);
        LongAccumulator read = spark.sparkContext().longAccumulator("nlpipe documents read");
        LongAccumulator warnings = spark.sparkContext().longAccumulator("nlpipe warnings");
        Map<String, String> hadoopConf = SourceFiles.entries(hadoop);
        FileDocuments reading = FileDocuments.of(spec, in, hadoopConf, read, warnings);
        long maxBytes = FileSplits.maxBytes(spark);
        StructType schema = outcomeSchema(form);
        Function<List<FileSplits.Split>, Dataset<Row>> outcomes = splits -> {
            JavaRDD<FileSplits.Split> sources = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(splits, Math.max(1, splits.size()));
            return spark.createDataFrame(sources.mapPartitions(part -> toRows(reading.process(part), form)), schema);
        };
        List<FileSplits.Split> all = reading.plan(spark, files, maxBytes);
        // A bad record names its file as meta.source does; one that names none (a stage's record of a
        // document without meta) cannot be traced to a file, so every file is read again.
        Function<Set<String>, Dataset<Row>> rerun = failing -> {
            List<SourceFiles.Ref> some = files.stream().filter(f -> failing.contains(f.name())).toList();
            if (some.size() != failing.size()) {
                return outcomes.apply(all);
            }
            try {
                return outcomes.apply(reading.plan(spark, some, maxBytes));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return new Inputs(outcomes.apply(all), read::value, warnings::value, Math.max(1, all.size()), rerun);
    }

    /**
     * A Parquet file or directory read by Spark, its rows run through {@link NlpipeSpark#apply}:
     * {@code textColumn}, {@code idColumn}, {@code labelColumn} and {@code langColumn} name the
     * columns (as for csv); documents have no {@code meta}, since a row has no file and line. Parquet
     * whose columns are {@link DocumentRows#SCHEMA}'s (the job's own Parquet output) is read back as
     * the documents it holds instead ({@link TypedDocuments}).
     */
    private static Inputs parquet(SparkSession spark, PipelineConfig config, InputConfig in, String inPath, DocumentForm form,
                                  List<String> outputs) throws IOException {
        SourceFiles.checkPathApart(inPath, in, outputs, spark.sparkContext().hadoopConfiguration());
        Options o = Options.validate("input format 'parquet'", in.formatOptions(), in.location(), List.of(
                OptionSpec.string("textColumn", "text", "column holding the text"),
                OptionSpec.string("idColumn", "id", "column holding the id (row-PARTITION-INDEX when absent)"),
                OptionSpec.string("labelColumn", "label", "column holding a gold label, when present"),
                OptionSpec.string("langColumn", "lang", "column holding a language code, when present")));
        if (in.glob() != null && !in.glob().isEmpty()) {
            // Spark reads every Parquet file under the path: a glob left unapplied would read files the user left out
            throw new ConfigException(in.location(), "input.glob does not apply to Parquet input, which Spark reads whole; name the"
                    + " files in the path itself (a Hadoop glob such as data/2024-*.parquet)");
        }
        PipelineConfig stagesOnly = new PipelineConfig(config.name(), null, config.stages(), null, config.onError(),
                config.threads(), config.batchSize(), config.source());
        Dataset<Row> rows;
        try {
            rows = spark.read().parquet(inPath);
        } catch (RuntimeException e) {
            throw new ConfigException(in.pathLocation(), "cannot read Parquet input " + inPath + ": " + e.getMessage());
        }
        if (TypedDocuments.matches(rows.schema())) {
            if (in.language() != null) {
                // the job's own typed output: each document carries its language, or deliberately none
                throw new ConfigException(in.location(), "input.language does not apply to " + inPath + ", the job's own typed Parquet"
                        + " output: its documents carry their languages; leave input.language out");
            }
            return typedDocuments(stagesOnly, in, o, inPath, rows, form);
        }
        NlpipeSpark.Columns columns = new NlpipeSpark.Columns(o.getString("textColumn"), o.getString("idColumn"),
                o.getString("labelColumn"), o.getString("langColumn"), SOURCE_COLUMN);
        List<String> present = Arrays.asList(rows.schema().fieldNames());
        String problem = NlpipeSpark.textColumnProblem(rows.schema(), columns.text());
        if (problem != null) {
            throw new ConfigException(in.location(), "Parquet input " + inPath + ": " + problem + (present.contains(columns.text()) ? ""
                    : "; name the text column with input.textColumn (--set input.textColumn=COLUMN)"));
        }
        for (String option : List.of("idColumn", "labelColumn", "langColumn")) {
            String column = o.getString(option);
            if (o.isSet(option) && !present.contains(column)) {
                // a typo would otherwise give every row a made-up id, or no label, silently
                throw o.error(option, "no column '" + column + "' in Parquet input " + inPath + " (columns: " + String.join(", ", present) + ")");
            }
            if (o.isSet(option) && present.contains(column)) {
                DataType type = rows.schema().apply(column).dataType();
                if (!(type instanceof StringType) && !(type instanceof NumericType) && !(type instanceof BooleanType)) {
                    throw o.error(option, "column '" + column + "' of Parquet input " + inPath + " is " + type.simpleString()
                            + ", not a string, number or boolean");
                }
            }
        }
        if (in.language() != null) {
            // input.language, as nlpipe run gives it: to rows without a language of their own
            rows = rows.withColumn(columns.lang(), present.contains(columns.lang())
                    ? functions.coalesce(functions.col(columns.lang()), functions.lit(in.language())) : functions.lit(in.language()));
            present = Arrays.asList(rows.schema().fieldNames());
        }
        // Only the columns a document is made of: a wide table is not read whole, and columns named like
        // the ones apply adds (the output of NlpipeSpark.apply read back) are not in the way.
        // The file of each row, for its bad records to name, so the pass that writes them runs the stages over those files alone.
        Dataset<Row> named = rows.select(Stream.concat(Stream.of(columns.text(), columns.id(), columns.label(), columns.lang())
                .filter(present::contains).distinct().map(functions::col), Stream.of(functions.input_file_name().as(SOURCE_COLUMN)))
                .toArray(Column[]::new));
        // apply checks the stages, on the driver, before any row is read (only the schema has been).
        Dataset<Row> outcomes = NlpipeSpark.apply(named, stagesOnly, columns, form).select(NlpipeSpark.DOCUMENT, NlpipeSpark.ERROR);
        Function<Set<String>, Dataset<Row>> rerun = failing -> failing.contains("-") || failing.contains("") ? outcomes
                : NlpipeSpark.apply(named.where(functions.col(SOURCE_COLUMN).isin(failing.toArray())), stagesOnly, columns, form)
                        .select(NlpipeSpark.DOCUMENT, NlpipeSpark.ERROR);
        return new Inputs(outcomes, named::count, () -> 0, named.rdd().getNumPartitions(), rerun);
    }

    /** The columns of an input's outcomes: the document in the output's form, and the bad record as JSON. */
    static StructType outcomeSchema(DocumentForm form) {
        return new StructType().add(NlpipeSpark.DOCUMENT, form.type(), true).add(NlpipeSpark.ERROR, DataTypes.StringType, true);
    }

    /**
     * Parquet of typed documents ({@link DocumentRows#SCHEMA}, an earlier job's output), read back
     * whole, layers included: their columns are fixed, so naming columns is an error.
     */
    private static Inputs typedDocuments(PipelineConfig stagesOnly, InputConfig in, Options o, String inPath, Dataset<Row> rows,
                                         DocumentForm form) {
        for (String option : List.of("textColumn", "idColumn", "labelColumn", "langColumn")) {
            if (o.isSet(option)) {
                throw new ConfigException(in.location(), "input " + inPath + " holds typed documents (an nlpipe job's Parquet output),"
                        + " whose columns are fixed: remove input." + option);
            }
        }
        // Like JSON lines, typed documents may carry any layer: the stages' wiring trusts them.
        NlpipeSpark.check(stagesOnly, null);
        Dataset<Row> outcomes = new TypedDocuments(PipelineSpec.of(stagesOnly), form).apply(rows);
        return new Inputs(outcomes, rows::count, () -> 0, rows.rdd().getNumPartitions(), failing -> outcomes);
    }

    /** Outcomes as rows of {@link #outcomeSchema}. */
    static <T> Iterator<Row> toRows(Iterator<PartitionRunner.Outcome<T>> outcomes, DocumentForm form) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return outcomes.hasNext();
            }

            @Override
            public Row next() {
                PartitionRunner.Outcome<T> o = outcomes.next();
                return RowFactory.create(o.document() == null ? null : form.value(o.document()),
                        o.error() == null ? null : NlpipeSpark.json(o.error()));
            }
        };
    }

    /** A path as written in the YAML (after --set), before {@link Path} would fold {@code hdfs://} into {@code hdfs:/}. */
    private static String rawPath(Node root, String section) {
        return rawPath(root, section, "path");
    }

    /** A section's path key as written: a {@code java.nio} path would turn {@code hdfs://host/x} into {@code hdfs:/host/x}. */
    private static String rawPath(Node root, String section, String key) {
        if (root instanceof Node.MapNode m && m.get(section) instanceof Node.MapNode s && s.get(key) instanceof Node.ScalarNode p
                && !p.isNull()) {
            return p.asText();
        }
        return null;
    }

    /**
     * The message of an {@code onError: fail} stop, or {@code null}. A task's exception reaches the
     * driver as a cause when it runs in the driver's JVM, and only as text in a job abort message
     * when it ran on an executor.
     */
    static String recordFailure(Throwable t) {
        String marker = RecordFailedException.class.getName() + ": ";
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RecordFailedException r) {
                return r.getMessage();
            }
            String m = c.getMessage();
            if (m != null && m.contains(marker)) {
                String rest = m.substring(m.indexOf(marker) + marker.length());
                int end = rest.indexOf('\n');
                return end < 0 ? rest : rest.substring(0, end);
            }
        }
        return null;
    }

    /** The job's command line. */
    record Arguments(String command, Path pipeline, String input, String output, List<String> sets) {
        static Arguments parse(String[] args) {
            if (args.length < 2 || !List.of("run", "fit").contains(args[0])) {
                throw new IllegalArgumentException(args.length == 0 ? "no command"
                        : "expected 'run PIPELINE.yaml' or 'fit TRAINING.yaml', got '" + String.join(" ", args) + "'");
            }
            String input = null;
            String output = null;
            List<String> sets = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                String opt = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + opt + " needs a value");
                }
                String value = args[++i];
                switch (opt) {
                    case "--input" -> input = value;
                    case "--output" -> output = value;
                    case "--set" -> sets.add(value);
                    default -> throw new IllegalArgumentException("unknown option " + opt + " (valid: --input, --output, --set)");
                }
            }
            return new Arguments(args[0], Path.of(args[1]), input, output, sets);
        }
    }
}
