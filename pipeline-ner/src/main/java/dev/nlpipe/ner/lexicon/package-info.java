/**
 * Lexicons for lattice NER models: word lists (HanLP's core and custom dictionaries, user files),
 * their optional vectors, and matching every word of a sentence with an Aho-Corasick automaton.
 */
package dev.nlpipe.ner.lexicon;
