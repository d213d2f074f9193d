/**
 * The stage SPI and the registries. A stage type is a {@code StageProvider} registered through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.nlpipe.core.stage.StageProvider}): it
 * declares its options, the layers it requires and provides, whether it takes a model directory
 * ({@code ModelUse}), and builds a {@code Processor} (or an {@code Annotator}, which only adds layers)
 * from a {@code StageContext}. Processors are shared by all runner threads. {@code Components} holds
 * every registered stage, reader, writer, trainer and model kind ({@code Registry} per kind); a
 * guide is in {@code docs/contributing/writing-a-stage.md}.
 */
package dev.nlpipe.core.stage;
