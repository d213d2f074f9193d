package dev.nlpipe.core.run;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.MissingLayerException;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.io.BadRecordSink;
import dev.nlpipe.core.io.DocumentWriter;
import dev.nlpipe.core.io.DocumentSink;
import dev.nlpipe.core.io.ErrorLog;
import dev.nlpipe.core.io.HeldRecords;
import dev.nlpipe.core.io.UnwritableDocumentException;
import dev.nlpipe.core.stage.ConfiguredStage;
import dev.nlpipe.core.stage.Processor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Streams documents through the stages in batches, on a pool of worker threads, and writes the
 * results in input order. A document that makes a stage throw is recorded as a bad record (or
 * stops the run, with {@code onError: fail}); the others go on. Output is published only when the
 * run completes.
 */
public final class PipelineRunner {
    private final String name;
    private final List<ConfiguredStage> stages;
    private final RunOptions options;
    private final PrintStream log;

    /**
     * @param name the pipeline's name, for the summary
     * @param stages the stages, in order
     * @param options threads, batch size, error handling, progress
     * @param log where progress goes (standard error), or {@code null} for none
     */
    public PipelineRunner(String name, List<ConfiguredStage> stages, RunOptions options, PrintStream log) {
        this.name = name;
        this.stages = stages;
        this.options = options;
        this.log = log;
    }

    /** The outcome of one batch: the surviving documents and, for stateless formats, their output. */
    private record BatchResult(List<Document> docs, byte[][] formatted) {
    }

    /**
     * A batch being processed on a worker, with the bad records met reading it and processing it,
     * held until it is written so that they reach the log in input order, as on one thread.
     */
    private record Pending(HeldRecords read, HeldRecords processed, Future<BatchResult> result) {
    }

    /**
     * Runs the input through the stages into the sink.
     *
     * @param input documents to process (a reader reports its bad records to {@code errors})
     * @param sink where results go
     * @param errors the run's bad-record log (shared with the input's reader); with {@code onError: fail} it throws
     * @param totalBytes input size for progress, 0 when unknown
     * @param bytesRead input bytes read so far
     * @return the summary; {@link RunSummary#exitCode()} tells whether records failed
     * @throws RecordFailedException with {@code onError: fail}, at the first bad record (nothing published)
     */
    public RunSummary run(Iterator<Document> input, DocumentSink sink, ErrorLog errors, long totalBytes, LongSupplier bytesRead)
            throws IOException {
        long start = System.nanoTime();
        List<StageStats> stats = new ArrayList<>();
        for (ConfiguredStage s : stages) {
            stats.add(new StageStats(s.id(), s.type()));
        }
        DocumentWriter formatter = sink.formatter();
        Progress progress = options.progress() && log != null ? new Progress(log, "docs", totalBytes, bytesRead) : null;
        long read = 0;
        long written = 0;
        ExecutorService pool = options.threads() > 1 ? Executors.newFixedThreadPool(options.threads(), workerThreads()) : null;
        ArrayDeque<Pending> inflight = new ArrayDeque<>();
        try {
            HeldRecords trailing;
            while (true) {
                HeldRecords readErrors = pool == null ? null : new HeldRecords();
                List<Document> batch = readBatch(input, errors, readErrors);
                if (batch.isEmpty()) {
                    trailing = readErrors;
                    break;
                }
                read += batch.size();
                if (pool == null) {
                    written += write(process(batch, stats, errors, formatter), sink, errors);
                } else {
                    HeldRecords processErrors = new HeldRecords();
                    inflight.add(new Pending(readErrors, processErrors, pool.submit(() -> process(batch, stats, processErrors, formatter))));
                    while (inflight.size() >= options.threads() * 2) {
                        written += write(inflight.poll(), sink, errors);
                    }
                }
                if (progress != null) {
                    progress.update(read, problems(errors));
                }
            }
            while (!inflight.isEmpty()) {
                written += write(inflight.poll(), sink, errors);
            }
            if (trailing != null) {
                // records met after the last document (bad trailing lines) come after every batch's
                trailing.passTo(errors);
            }
            sink.commit();
        } catch (IOException | RuntimeException | Error e) {
            inflight.forEach(p -> p.result().cancel(true));
            sink.abort();
            throw e;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            if (progress != null) {
                progress.finish();
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new RunSummary(name, read, written, errors.count(), wall, bytesRead.getAsLong(), options.threads(), stats,
                errors.firstRecords(), errors.file() == null ? null : errors.file().toString(), sink.written().stream().map(Object::toString).toList(),
                errors.warnings(), errors.firstWarnings());
    }

    private BatchResult process(List<Document> batch, List<StageStats> stats, BadRecordSink errors, DocumentWriter formatter) {
        List<Document> docs = processBatch(stages, batch, errors, stats);
        if (formatter == null) {
            return new BatchResult(docs, null);
        }
        List<Document> kept = new ArrayList<>(docs.size());
        List<byte[]> formatted = new ArrayList<>(docs.size());
        StringBuilder sb = new StringBuilder(256);
        for (Document d : docs) {
            sb.setLength(0);
            try {
                formatter.write(d, sb);
            } catch (RuntimeException e) {
                errors.accept(unwritable(new UnwritableDocumentException(d, e)));
                continue;
            }
            kept.add(d);
            formatted.add(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new BatchResult(kept, formatted.toArray(byte[][]::new));
    }

    /** A document the output format rejected, as a bad record of the pseudo-stage {@code output}. */
    private static BadRecord unwritable(UnwritableDocumentException e) {
        return badRecord(e.document(), "output", e.getMessage());
    }

    /** A bad record located where this run read the document, else at its {@code meta.source} and {@code meta.line}. */
    private static BadRecord badRecord(Document d, String stage, String reason) {
        if (d.readSource() != null) {
            return new BadRecord(d.readSource(), d.readLine(), d.id(), stage, reason);
        }
        Object source = d.meta().get("source");
        Object line = d.meta().get("line");
        return new BadRecord(source == null ? "-" : source.toString(), line instanceof Number n ? n.longValue() : 0,
                d.id(), stage, reason);
    }

    /**
     * Runs a batch through the stages the way every runner does (this one, and distributed ones
     * such as Spark's), so a document fails the same way everywhere: a stage sees the whole batch,
     * and when its batch call throws it is retried document by document so that only the
     * documents that still throw are set aside, each as a {@link BadRecord} naming the stage.
     *
     * @param stages the stages, in order
     * @param batch the documents
     * @param errors receives the documents that failed; throws {@link RecordFailedException} under {@code onError: fail}
     * @param stats per-stage statistics parallel to {@code stages}, or {@code null}
     * @return the documents that come out of the last stage
     */
    public static List<Document> processBatch(List<ConfiguredStage> stages, List<Document> batch, BadRecordSink errors,
                                              List<StageStats> stats) {
        List<Document> docs = batch;
        for (int i = 0; i < stages.size() && !docs.isEmpty(); i++) {
            long t0 = System.nanoTime();
            int in = docs.size();
            StageStats stat = stats == null ? null : stats.get(i);
            docs = apply(stages.get(i), stat, docs, errors);
            if (stat != null) {
                stat.record(System.nanoTime() - t0, in, docs.size());
            }
        }
        return docs;
    }

    /** Whether a processor's class overrides {@link Processor#processBatch} (else it handles one document at a time). */
    private static final ClassValue<Boolean> BATCHES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("processBatch", List.class).getDeclaringClass() != Processor.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    /**
     * Runs one stage on a batch; when the batch call throws, retries document by document to isolate the culprit.
     * A stage without a batch form runs document by document from the start: retrying its batch would run the
     * documents before the failing one twice (an annotator appending entities would append them twice).
     */
    private static List<Document> apply(ConfiguredStage stage, StageStats stat, List<Document> docs, BadRecordSink errors) {
        if (!BATCHES.get(stage.processor().getClass())) {
            return oneByOne(stage, stat, docs, errors);
        }
        try {
            return stage.processor().processBatch(docs);
        } catch (RecordFailedException e) {
            throw e;
        } catch (RuntimeException batchFailure) {
            return oneByOne(stage, stat, docs, errors);
        }
    }

    private static List<Document> oneByOne(ConfiguredStage stage, StageStats stat, List<Document> docs, BadRecordSink errors) {
        List<Document> out = new ArrayList<>(docs.size());
        for (Document d : docs) {
            try {
                out.addAll(stage.processor().process(d));
            } catch (RecordFailedException e) {
                throw e;
            } catch (RuntimeException e) {
                if (stat != null) {
                    stat.failure();
                }
                errors.failed(d, failure(d, stage, e));
            }
        }
        return out;
    }

    /** Failures and warnings so far, for the progress line ("" when none). */
    private static String problems(ErrorLog errors) {
        long failed = errors.count();
        long warned = errors.warnings();
        String f = failed > 0 ? failed + " failed" : "";
        String w = warned > 0 ? warned + (warned == 1 ? " warning" : " warnings") : "";
        return f.isEmpty() || w.isEmpty() ? f + w : f + ", " + w;
    }

    static BadRecord failure(Document d, ConfiguredStage stage, RuntimeException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!(e instanceof MissingLayerException) && !(e instanceof IllegalArgumentException)) {
            reason = e.getClass().getSimpleName() + ": " + reason;
        }
        return badRecord(d, stage.id(), reason);
    }

    private static long write(BatchResult r, DocumentSink sink, BadRecordSink errors) throws IOException {
        long written = 0;
        for (int i = 0; i < r.docs().size(); i++) {
            try {
                sink.accept(r.docs().get(i), r.formatted() == null ? null : r.formatted()[i]);
                written++;
            } catch (UnwritableDocumentException e) {
                errors.accept(unwritable(e));
            }
        }
        return written;
    }

    /**
     * The next batch of the input; with {@code held}, the records the reader reports meanwhile are
     * held there (a parallel run passes them on when the batch is written).
     */
    private List<Document> readBatch(Iterator<Document> input, ErrorLog errors, HeldRecords held) {
        List<Document> batch = new ArrayList<>(options.batchSize());
        if (held != null) {
            errors.holdOnThisThread(held);
        }
        try {
            while (batch.size() < options.batchSize() && input.hasNext()) {
                batch.add(input.next());
            }
        } finally {
            if (held != null) {
                errors.stopHolding();
            }
        }
        return batch;
    }

    /** Writes a batch done on a worker, its held records first, in the order a run on one thread meets them. */
    private static long write(Pending p, DocumentSink sink, ErrorLog errors) throws IOException {
        p.read().passTo(errors);
        BatchResult r = await(p.result());
        p.processed().passTo(errors);
        return write(r, sink, errors);
    }

    private static BatchResult await(Future<BatchResult> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            if (c instanceof IOException io) {
                throw io;
            }
            throw new UncheckedIOException(new IOException(c));
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "nlpipe-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
