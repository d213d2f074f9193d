/**
 * Easy Data Augmentation (Wei and Zou, 2019), the {@code augment.eda} stage: synonym replacement,
 * random insertion, random swap and random deletion over a document's tokens ({@code Eda} and one
 * class per operation), never cutting through an entity.
 */
package dev.nlpipe.augment.eda;
