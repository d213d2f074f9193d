/**
 * The {@code segment.hanlp} stage: Chinese word segmentation with HanLP portable (Viterbi, Dijkstra or
 * N-shortest paths), optional part-of-speech tags and person, place and organization entities, and
 * per-pipeline user dictionaries ({@code UserDictionary}) that never touch HanLP's global custom
 * dictionary.
 */
package dev.nlpipe.core.segment.hanlp;
