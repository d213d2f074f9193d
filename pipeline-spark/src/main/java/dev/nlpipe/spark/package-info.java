/**
 * nlpipe on Apache Spark: the same pipeline files, stages, model directories and JSONL documents
 * as {@code nlpipe run}, over a cluster.
 *
 * <ul>
 *   <li>{@link dev.nlpipe.spark.NlpipeSpark#apply} runs a pipeline's stages over a
 *       {@code Dataset<Row>}, adding {@code document} and {@code error} columns.</li>
 *   <li>{@link dev.nlpipe.spark.NlpipeSparkJob} is the {@code spark-submit} entry point of the shaded
 *       {@code nlpipe-spark.jar}: {@code run PIPELINE.yaml} and {@code fit TRAINING.yaml}.</li>
 *   <li>{@link dev.nlpipe.spark.DocumentRows} is a document as typed Spark columns, for Parquet output
 *       and {@link dev.nlpipe.spark.DocumentForm#TYPED}.</li>
 *   <li>{@link dev.nlpipe.spark.SparkVectorizerFit} fits {@code vectorize.tfidf} and
 *       {@code vectorize.count} with the vocabulary and idf {@code nlpipe train} would fit.</li>
 *   <li>{@link dev.nlpipe.spark.SparkWord2VecCount} counts the vocabulary of {@code embed.word2vec}, which
 *       {@code nlpipe train} then trains from ({@code model.vocabulary}) with the vectors it would train
 *       after counting the corpus itself.</li>
 * </ul>
 *
 * <p>Spark is a {@code provided} dependency; a JVM that starts Spark in-process needs the
 * {@code --add-opens} options listed in {@code docs/spark.md}.
 */
package dev.nlpipe.spark;
