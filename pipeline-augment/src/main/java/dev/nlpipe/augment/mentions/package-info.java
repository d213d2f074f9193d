/**
 * Mention replacement for NER corpora (Dai and Adel, 2020): the entity mentions of a corpus by type
 * ({@code MentionPool}), swapped into variants by {@code MentionReplacer}; the {@code augment.mentions}
 * stage and the {@code mentionReplacement} option of the other augmenters use it.
 */
package dev.nlpipe.augment.mentions;
