/**
 * The {@code augment.noise} stage: realistic character noise — keyboard-neighbour typos
 * ({@code KeyboardLayout}), swapped characters, spaces inside words, and for Chinese homophones
 * ({@code Homophones}, from HanLP's pinyin data) and look-alike characters ({@code CharGroups}).
 */
package dev.nlpipe.augment.noise;
