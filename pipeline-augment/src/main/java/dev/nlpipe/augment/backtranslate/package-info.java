/**
 * The {@code augment.backtranslate} stage: paraphrases by translating to pivot languages and back
 * ({@code Route}) with a translator the user provides — a TorchScript model in a DJL model directory
 * ({@code TorchScriptTranslator}) or an external program reading lines on standard input
 * ({@code CommandTranslator}), both behind the {@code Translator} interface.
 */
package dev.nlpipe.augment.backtranslate;
