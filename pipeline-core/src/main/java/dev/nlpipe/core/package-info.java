/**
 * nlpipe's entry point for programs: {@code Pipeline} builds a pipeline from a YAML file
 * ({@code Pipeline.fromYaml}) or in code ({@code Pipeline.builder()}), checks every stage, option and model
 * directory before any document is read (and the layers each stage needs, where the input's layers are
 * known: a file's {@code input:} section, or {@code Builder.inputLayers}), and then processes documents one at a time, in
 * lists or as a stream; a built pipeline is thread-safe and should be closed when done.
 * {@code Version} is the version recorded in model directories. The document model is in
 * {@code dev.nlpipe.core.doc}, the stage SPI in {@code dev.nlpipe.core.stage}.
 */
package dev.nlpipe.core;
