/**
 * Chinese word segmentation shared by the segmenters: the {@code segment} stage
 * ({@code AutoSegmenterStage}), which picks HanLP for Chinese documents and Lucene's standard tokenizer
 * for the others; the PKU (SIGHAN bakeoff) segmentation conventions ({@code PkuConventions},
 * {@code Surnames}); and the helpers that cut long texts at natural boundaries ({@code TextChunker}) and
 * count writing systems ({@code Scripts}). The HanLP backend is in
 * {@code dev.nlpipe.core.segment.hanlp}.
 */
package dev.nlpipe.core.segment;
