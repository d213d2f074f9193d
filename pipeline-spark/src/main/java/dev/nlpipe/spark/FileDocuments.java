package dev.nlpipe.spark;

import dev.nlpipe.core.config.InputConfig;
import dev.nlpipe.core.config.Location;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.io.FileSequence;
import dev.nlpipe.core.io.ReadSettings;
import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.stage.Components;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Reads the files of one partition with nlpipe's own reader (so documents get the ids, metadata
 * and bad records {@code nlpipe run} gives them) and runs them through a pipeline: the job's
 * stages, or a training file's preprocessing.
 *
 * @param spec the stages
 * @param format the input format's registered name
 * @param formatOptions the format's options, as plain values
 * @param language the language for documents without one, or {@code null}
 * @param maxLineLength the longest accepted line, in bytes
 * @param hadoopConf Hadoop's configuration entries, to open URIs on the executors
 * @param read counts documents read
 * @param warnings counts records read as they are that look wrong
 */
record FileDocuments(PipelineSpec spec, String format, Map<String, Object> formatOptions, String language, int maxLineLength,
                     Map<String, String> hadoopConf, LongAccumulator read, LongAccumulator warnings) implements Serializable {

    /** The reading settings of an {@code input:} (or training {@code data:}) section. */
    static FileDocuments of(PipelineSpec spec, InputConfig in, Map<String, String> hadoopConf, LongAccumulator read,
                            LongAccumulator warnings) {
        return new FileDocuments(spec, in.format(), plain(in), in.language(), in.maxLineLength(), hadoopConf, read, warnings);
    }

    @SuppressWarnings("unchecked") // a MapNode's plain form is a map with string keys by construction
    private static Map<String, Object> plain(InputConfig in) {
        return in.formatOptions() == null ? Map.of() : (Map<String, Object>) in.formatOptions().toPlain();
    }

    /**
     * The partitions of {@code files}: whole, or large ones split at lines ({@link FileSplits#plan})
     * when the format, with these options, allows it ({@link ReaderProvider#lineSplitting}).
     */
    List<FileSplits.Split> plan(SparkSession spark, List<SourceFiles.Ref> files, long maxBytes) throws IOException {
        ReaderProvider reader = reader();
        return FileSplits.plan(spark, files, reader.lineSplitting(options(reader)), maxLineLength, maxBytes, hadoopConf);
    }

    private ReaderProvider reader() {
        return Components.get().readers().get(format, Location.NONE);
    }

    private Options options(ReaderProvider reader) {
        return Options.of(format, formatOptions, reader.options()).writtenAs("input.", ": ");
    }

    /** The documents and bad records of the partition's files or parts of files, streamed. */
    Iterator<PartitionRunner.Outcome<Document>> process(Iterator<FileSplits.Split> splits) {
        ReaderProvider reader = reader();
        Options options = options(reader);
        RecordCollector errors = new RecordCollector(spec.onError(), warnings);
        ReadSettings settings = new ReadSettings(language, maxLineLength, errors, new AtomicLong());
        // a file that fails part-way (a .gz cut short) is one bad record, as nlpipe run makes it, not the job's end; a read that
        // failed (a timeout of a distributed file system) rather than a damaged file fails the task, which is retried
        FileSequence<FileSplits.Split> files = new FileSequence<>(splits, split -> split.ref().name(),
                split -> reader.open(split.open(hadoopConf), options, settings), errors,
                e -> e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException);
        // a file is otherwise closed only when read to its end: without this, every killed or failed task leaks its stream
        // (a file descriptor, an HDFS socket, an S3A connection from a bounded pool)
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> {
                try {
                    files.close();
                } catch (RuntimeException ignored) {
                    // the task is over; a stream that cannot be closed cleanly is released with its connection
                }
            });
        }
        Iterator<Document> docs = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return files.hasNext();
            }

            @Override
            public Document next() {
                Document d = files.next();
                read.add(1);
                return d;
            }
        };
        return new PartitionRunner<>(spec, docs, d -> d, errors);
    }
}
