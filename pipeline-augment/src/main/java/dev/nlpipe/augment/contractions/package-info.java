/**
 * The {@code augment.contractions} stage (English): contractions expanded or made, with the ambiguous
 * ones ({@code 's}, {@code 'd}) resolved only where the following words decide them
 * ({@code ContractionRules}, {@code Contractions}).
 */
package dev.nlpipe.augment.contractions;
