package dev.nlpipe.spark;

import dev.nlpipe.core.io.BadRecord;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Typed documents ({@link DocumentRows#SCHEMA}, the job's Parquet output) read back as job input
 * and run through further stages, so a second job continues from the first's output with every
 * layer, id and {@code meta} as the first left them (one job segments, the next classifies).
 *
 * @param spec the stages
 * @param form the type of the output's document column
 */
record TypedDocuments(PipelineSpec spec, DocumentForm form) implements Serializable {

    /**
     * Whether {@code schema} holds typed documents: every column of {@link DocumentRows#SCHEMA},
     * of its type (nullability aside, which Parquet relaxes); other columns are not read.
     */
    static boolean matches(StructType schema) {
        List<String> names = Arrays.asList(schema.fieldNames());
        for (StructField f : DocumentRows.SCHEMA.fields()) {
            if (!names.contains(f.name()) || !schema.apply(f.name()).dataType().catalogString().equals(f.dataType().catalogString())) {
                return false;
            }
        }
        return true;
    }

    /** The outcomes (document and error columns, as {@link NlpipeSparkJob} writes them) of running the stages over the rows' documents. */
    Dataset<Row> apply(Dataset<Row> rows) {
        Column[] columns = Arrays.stream(DocumentRows.SCHEMA.fieldNames()).map(functions::col).toArray(Column[]::new);
        MapPartitionsFunction<Row, Row> f = this::process;
        return rows.select(columns).mapPartitions(f, Encoders.row(NlpipeSparkJob.outcomeSchema(form)));
    }

    private Iterator<Row> process(Iterator<Row> rows) {
        RecordCollector errors = new RecordCollector(spec.onError(), null);
        long[] n = {0};
        PartitionRunner<Row> runner = new PartitionRunner<>(spec, rows, row -> {
            n[0]++;
            try {
                return DocumentRows.toDocument(row);
            } catch (IllegalArgumentException e) {
                errors.accept(new BadRecord("-", n[0], row.isNullAt(0) ? null : row.getString(0), null, e.getMessage()));
                return null;
            }
        }, errors);
        return NlpipeSparkJob.toRows(runner, form);
    }
}
