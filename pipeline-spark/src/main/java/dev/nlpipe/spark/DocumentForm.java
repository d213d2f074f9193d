package dev.nlpipe.spark;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import java.util.function.Function;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * How the Dataset API and the job put an output document into a column: as the JSONL line
 * {@code nlpipe run} writes, or as typed Spark columns for Parquet and Spark SQL.
 */
public enum DocumentForm {
    /** A string column holding the document's JSON line, exactly as {@code nlpipe run} writes it. */
    JSON(DataTypes.StringType, DocumentJson::toJson),
    /** A struct column of {@link DocumentRows#SCHEMA}: tokens, entities, labels and vectors as Spark types. */
    TYPED(DocumentRows.SCHEMA, DocumentRows::toRow);

    private final DataType type;
    private final transient Function<Document, Object> value;

    DocumentForm(DataType type, Function<Document, Object> value) {
        this.type = type;
        this.value = value;
    }

    /** The Spark type of the document column. */
    public DataType type() {
        return type;
    }

    /** The column value of a document. */
    Object value(Document d) {
        return value.apply(d);
    }
}
