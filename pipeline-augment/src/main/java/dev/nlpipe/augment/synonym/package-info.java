/**
 * Synonym sources for the augmenters ({@code SynonymSource}): HanLP's CoreSynonym dictionary
 * (同义词词林 extended, {@code CilinSynonyms}) for Chinese, WordNet 3.1 through extJWNL
 * ({@code WordNetSynonyms}) for English, and user files of synonym groups ({@code SynonymGroups}),
 * combined by {@code Synonyms}.
 */
package dev.nlpipe.augment.synonym;
