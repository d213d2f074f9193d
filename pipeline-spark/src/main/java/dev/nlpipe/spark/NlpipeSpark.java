package dev.nlpipe.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.io.BadRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * nlpipe pipelines on Spark Datasets: each row's text becomes a document, runs through the same
 * stages as {@code nlpipe run}, and comes back as columns beside the row's own.
 *
 * <pre>{@code
 * PipelineConfig config = PipelineConfig.load(Path.of("news.yaml"), List.of());
 * Dataset<Row> out = NlpipeSpark.apply(spark.read().parquet("hdfs:///corpus"), config);
 * out.where("error IS NULL").select("id", "document");
 * }</pre>
 *
 * <p>The output has the input's columns plus {@value #DOCUMENT} (the document in the JSONL
 * contract, as {@code nlpipe run} writes it; parse it with {@code from_json}) and {@value #ERROR}
 * (a bad record as in {@code <output>.errors.jsonl}: {@code source, line, id, stage, reason}); with
 * {@link DocumentForm#TYPED} the document is a struct of typed columns ({@link DocumentRows#SCHEMA}).
 * A row whose document fails in a stage is kept with a {@code null} document and the error, never
 * dropped; under {@code onError: fail} it fails the job instead. A stage that filters documents
 * ({@code filter.length}) removes their rows; one that derives documents (augmentation) adds rows
 * that repeat the source row's columns.
 *
 * <p>Each executor JVM builds the pipeline once (models loaded once) and shares it between its
 * task slots; partitions are processed in batches of the pipeline's {@code batchSize}.
 */
public final class NlpipeSpark {
    /** The column holding each output document as JSON. */
    public static final String DOCUMENT = "document";
    /** The column holding a bad record as JSON, {@code null} for a document. */
    public static final String ERROR = "error";

    private NlpipeSpark() {
    }

    /**
     * Which input columns hold a document's parts. Only {@code text} must exist; the others are
     * used when the Dataset has them.
     *
     * @param text the text column
     * @param id the id column; without one, ids are {@code row-PARTITION-INDEX}
     * @param label a gold label (as the {@code label} of the csv and jsonl readers)
     * @param lang a language code
     * @param source the file each row was read from (as Spark's {@code input_file_name()} gives it),
     *     which its bad records then name; {@code null} for none ({@code source} is then {@code -})
     */
    public record Columns(String text, String id, String label, String lang, String source) implements Serializable {
        /** {@code text}, {@code id}, {@code label}, {@code lang}: the jsonl reader's field names. */
        public static final Columns DEFAULT = new Columns("text", "id", "label", "lang");

        /** Columns without a source column. */
        public Columns(String text, String id, String label, String lang) {
            this(text, id, label, lang, null);
        }
    }

    /** {@link #apply(Dataset, PipelineConfig, Columns)} with the {@link Columns#DEFAULT default columns}. */
    public static Dataset<Row> apply(Dataset<Row> input, PipelineConfig config) {
        return apply(input, config, Columns.DEFAULT);
    }

    /**
     * Runs the stages of {@code config} over every row (its input and output sections are not
     * used). The stages, options, models and wiring are checked here, on the driver, before any
     * row is read, with the same messages as {@code nlpipe run}.
     *
     * @param input the rows; {@code columns.text()} must be a string column
     * @param config a pipeline, e.g. from {@link PipelineConfig#load}
     * @param columns which columns hold text, id, label and language
     * @return the input columns plus {@value #DOCUMENT} and {@value #ERROR}
     * @throws dev.nlpipe.core.config.ConfigException for a bad pipeline
     * @throws IllegalArgumentException when the text column is missing or not a string, or an output column already exists
     */
    public static Dataset<Row> apply(Dataset<Row> input, PipelineConfig config, Columns columns) {
        return apply(input, config, columns, DocumentForm.JSON);
    }

    /**
     * {@link #apply(Dataset, PipelineConfig, Columns)} with the document column in the given form:
     * {@link DocumentForm#TYPED} makes it a struct of {@link DocumentRows#SCHEMA} (select
     * {@code document.*} for one column per field, or {@code document.entities} alone), ready for
     * Parquet; {@link DocumentForm#JSON} a JSON string.
     *
     * @param input the rows; {@code columns.text()} must be a string column
     * @param config a pipeline, e.g. from {@link PipelineConfig#load}
     * @param columns which columns hold text, id, label and language
     * @param form the type of the {@value #DOCUMENT} column
     * @return the input columns plus {@value #DOCUMENT} and {@value #ERROR}
     * @throws dev.nlpipe.core.config.ConfigException for a bad pipeline
     * @throws IllegalArgumentException when the text column is missing or an output column already exists
     */
    public static Dataset<Row> apply(Dataset<Row> input, PipelineConfig config, Columns columns, DocumentForm form) {
        StructType schema = input.schema();
        List<String> names = Arrays.asList(schema.fieldNames());
        String problem = textColumnProblem(schema, columns.text());
        if (problem != null) {
            throw new IllegalArgumentException(problem + (names.contains(columns.text()) ? "" : "; name it with NlpipeSpark.Columns"));
        }
        for (String out : List.of(DOCUMENT, ERROR)) {
            if (names.contains(out)) {
                throw new IllegalArgumentException("the input already has a column '" + out + "', which nlpipe adds; rename or drop it");
            }
        }
        check(config, Set.of());
        PipelineSpec spec = PipelineSpec.of(config);
        RowDocuments rows = new RowDocuments(columns, schema, form);
        StructType outSchema = schema.add(DOCUMENT, form.type(), true).add(ERROR, DataTypes.StringType, true);
        MapPartitionsFunction<Row, Row> f = it -> rows.process(spec, it);
        return input.mapPartitions(f, Encoders.row(outSchema));
    }

    /**
     * Why {@code column} cannot be read as the documents' text, or {@code null} when it can: it is
     * missing, or not a string (a binary column's text would otherwise read as {@code [B@5e9f23b4}).
     */
    static String textColumnProblem(StructType schema, String column) {
        List<String> names = Arrays.asList(schema.fieldNames());
        if (!names.contains(column)) {
            return "no text column '" + column + "' in " + names;
        }
        DataType type = schema.apply(column).dataType();
        if (type.equals(DataTypes.StringType)) {
            return null;
        }
        return "the text column '" + column + "' holds " + type.simpleString() + ", not strings; " + (type.equals(DataTypes.BinaryType)
                ? "Parquet written by Hive or Impala stores strings as binary: set spark.sql.parquet.binaryAsString=true"
                : "cast it to a string first");
    }

    /**
     * Checks stages, options, models and wiring for documents that carry {@code inputLayers}: none
     * for rows of text, {@code null} (unknown, trusted) for typed documents.
     */
    static void check(PipelineConfig config, Set<Layer> inputLayers) {
        PipelineConfig located = ShippedModels.located(config);
        try (Pipeline p = Pipeline.ofStages(located.name(), located.stages(), inputLayers)) {
            // Built only to be checked; executors build their own.
            p.name();
        }
    }

    /** JSON of a bad record, as the local writers produce it. */
    static String json(BadRecord r) {
        try {
            return DocumentJson.mapper().writeValueAsString(r.toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Turns rows into documents and outcomes back into rows; travels to the executors. */
    private record RowDocuments(Columns columns, StructType schema, DocumentForm form) implements Serializable {
        Iterator<Row> process(PipelineSpec spec, Iterator<Row> rows) {
            int text = schema.fieldIndex(columns.text());
            int id = index(columns.id());
            int label = index(columns.label());
            int lang = index(columns.lang());
            int source = index(columns.source());
            int partition = TaskContext.get() == null ? 0 : TaskContext.get().partitionId();
            RecordCollector errors = new RecordCollector(spec.onError(), null);
            long[] n = {0};
            PartitionRunner<Row> runner = new PartitionRunner<>(spec, rows, row -> {
                long index = n[0]++;
                String docId = id >= 0 && !row.isNullAt(id) ? String.valueOf(row.get(id)) : "row-" + partition + "-" + index;
                String file = source >= 0 && !row.isNullAt(source) ? row.get(source).toString() : "-";
                if (row.isNullAt(text)) {
                    errors.accept(new BadRecord(file, index + 1, docId, null, "no text: column '" + columns.text() + "' is null"));
                    return null;
                }
                Document d = new Document(docId, row.get(text).toString());
                if (source >= 0) {
                    // a stage's bad record names the file, as a reader's does, so a rerun for the errors reads that file alone
                    d.setReadAt(file, index + 1);
                }
                if (label >= 0 && !row.isNullAt(label) && !row.get(label).toString().isEmpty()) {
                    d.addLabel(row.get(label).toString());
                }
                if (lang >= 0 && !row.isNullAt(lang)) {
                    d.setLang(row.get(lang).toString());
                }
                return d;
            }, errors);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return runner.hasNext();
                }

                @Override
                public Row next() {
                    PartitionRunner.Outcome<Row> o = runner.next();
                    List<Object> values = new ArrayList<>(schema.size() + 2);
                    for (int i = 0; i < schema.size(); i++) {
                        values.add(o.item() == null ? null : o.item().get(i));
                    }
                    values.add(o.document() == null ? null : form.value(o.document()));
                    values.add(o.error() == null ? null : json(o.error()));
                    return RowFactory.create(values.toArray());
                }
            };
        }

        private int index(String column) {
            return column != null && Arrays.asList(schema.fieldNames()).contains(column) ? schema.fieldIndex(column) : -1;
        }
    }
}
