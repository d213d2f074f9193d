/**
 * Running a pipeline over a corpus: {@code PipelineRunner} streams documents through the stages in
 * batches on worker threads and writes them in input order, with progress ({@code Progress}), a
 * per-stage summary ({@code RunSummary}, {@code StageStats}) and a policy for bad records
 * ({@code OnError}); {@code DocumentStream} and the sinks ({@code MemorySink}, {@code QueueSink}) let
 * trainers and evaluators consume a run's documents.
 */
package dev.nlpipe.core.run;
