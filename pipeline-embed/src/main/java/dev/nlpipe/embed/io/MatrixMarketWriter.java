package dev.nlpipe.embed.io;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.SparseVector;
import dev.nlpipe.core.io.DocumentWriter;
import dev.nlpipe.core.io.WriterProvider;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code mtx}: the documents' vectors as one Matrix Market coordinate matrix (scipy's
 * {@code mmread}), row i being the i-th document written and column j the vector index j - 1.
 * The size line precedes the entries but is known only at the end, so entries are kept in a
 * temporary file until the output is finished.
 */
public final class MatrixMarketWriter implements WriterProvider {

    @Override
    public String name() {
        return "mtx";
    }

    @Override
    public String description() {
        return "Matrix Market coordinate matrix of the documents' vectors (rows in output order)";
    }

    @Override
    public String extension() {
        return "mtx";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.string("vector", null, "name of the vector to write (default: the document's first vector)"),
                OptionSpec.integer("columns", null, "number of columns, e.g. the vocabulary size (default: the largest index + 1)"));
    }

    /** A row per document's vector: a pipeline without a vectorizer would write no document. */
    @Override
    public Set<Layer> requires(Options options) {
        return Set.of(Layer.VECTORS);
    }

    @Override
    public DocumentWriter create(Options options) {
        Integer columns = options.get("columns") == null ? null : options.getInt("columns");
        return new Matrix(options.getString("vector"), columns);
    }

    /** One output file's matrix. */
    private static final class Matrix implements DocumentWriter {
        private final String vector;
        private final Integer columns;
        private Path entries;
        private BufferedWriter spill;
        private long rows;
        private long nnz;
        private int maxColumn = -1;

        Matrix(String vector, Integer columns) {
            this.vector = vector;
            this.columns = columns;
        }

        @Override
        public boolean stateless() {
            return false;
        }

        @Override
        public void start(Writer out) throws IOException {
            entries = Files.createTempFile("nlpipe-mtx-", ".tmp");
            entries.toFile().deleteOnExit();
            spill = Files.newBufferedWriter(entries, StandardCharsets.UTF_8);
        }

        @Override
        public void write(Document doc, StringBuilder out) {
            SparseVector v = VectorColumns.of(doc, vector, "mtx");
            // checked before anything is counted: a refused document is skipped under onError: skip, and must leave
            // neither a row nor entries in the size line
            for (int i = 0; columns != null && i < v.size(); i++) {
                if (v.indices()[i] >= columns) {
                    throw new IllegalArgumentException("output mtx: document " + doc.id() + " has column " + v.indices()[i]
                            + ", beyond output.columns " + columns + "; set output.columns to at least the vectorizer's vocabulary"
                            + " size (vocabularySize in its model.json), or leave it out to count the columns seen");
                }
            }
            rows++;
            StringBuilder sb = new StringBuilder(v.size() * 24);
            for (int i = 0; i < v.size(); i++) {
                int c = v.indices()[i];
                maxColumn = Math.max(maxColumn, c);
                sb.append(rows).append(' ').append(c + 1).append(' ').append(v.values()[i]).append('\n');
            }
            try {
                spill.append(sb);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            nnz += v.size();
        }

        /** Best effort, as the run is failing already (a full disk, say, which the close's flush meets again). */
        @Override
        public void abort() {
            try {
                if (spill != null) {
                    spill.close();
                }
            } catch (IOException | UncheckedIOException ignored) {
                // the file is deleted below all the same
            }
            try {
                if (entries != null) {
                    Files.deleteIfExists(entries);
                }
            } catch (IOException ignored) {
                // deleteOnExit removes it when the process ends
            }
        }

        @Override
        public void finish(Writer out) throws IOException {
            spill.close();
            try {
                out.write("%%MatrixMarket matrix coordinate real general\n");
                out.write("% written by nlpipe: row i is the i-th document written, column j is vector index j-1\n");
                out.write(rows + " " + (columns != null ? columns : maxColumn + 1) + " " + nnz + "\n");
                try (Reader in = Files.newBufferedReader(entries, StandardCharsets.UTF_8)) {
                    in.transferTo(out);
                }
            } finally {
                Files.deleteIfExists(entries);
            }
        }
    }
}
