/**
 * Keyword extraction stages: {@code keywords.tfidf} (a document's top terms under a fitted TF-IDF model)
 * and {@code keywords.textrank} (TextRank over a co-occurrence graph), both writing
 * {@code [{"term", "score"}]} lists, best first, into the document's metadata ({@code Keyword}).
 */
package dev.nlpipe.embed.keywords;
