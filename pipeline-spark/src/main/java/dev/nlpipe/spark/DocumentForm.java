package dev.nlpipe.spark;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * How the Dataset API and the job put an output document into a column: as the JSONL line
 * {@code nlpipe run} writes, or as typed Spark columns for Parquet and Spark SQL.
 */
public enum DocumentForm {
    /** A string column holding the document's JSON line, exactly as {@code nlpipe run} writes it. */
    JSON {
        @Override
        public DataType type() {
            return DataTypes.StringType;
        }

        @Override
        Object value(Document d) {
            return DocumentJson.toJson(d);
        }
    },
    /** A struct column of {@link DocumentRows#SCHEMA}: tokens, entities, labels and vectors as Spark types. */
    TYPED {
        @Override
        public DataType type() {
            return DocumentRows.SCHEMA;
        }

        @Override
        Object value(Document d) {
            return DocumentRows.toRow(d);
        }
    };

    /** The Spark type of the document column. */
    public abstract DataType type();

    /** The column value of a document. */
    abstract Object value(Document d);
}
