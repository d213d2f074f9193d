package dev.nlpipe.ner.lexicon;

import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.ner.data.UnitSequence;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lexicon a lexicon-enhanced tagger trains with, built and checked the same way for every such task. */
public final class TrainingLexicon {
    private TrainingLexicon() {
    }

    /**
     * The configured lexicon as a model trained on the sentences {@code train} uses it ({@link Lexicon#forTraining}):
     * the words that occur in the training sentences or have a vector get their own rows, the others
     * share the unknown-word row or are dropped ({@code model.lexiconUnknown}); dev sentences do not
     * count, so dev scores what a model does with words its training never showed, as test text will.
     *
     * @param wordDim the model's word embedding size, which lexicon vectors must match
     * @throws dev.nlpipe.core.config.ConfigException naming {@code model.wordDim} or {@code model.lexicon}
     *         when the vectors' size differs or no word occurs in the training sentences
     */
    public static Lexicon of(TrainingJob job, LexiconSpec spec, int wordDim, List<UnitSequence> train, PrintStream log)
            throws IOException {
        Lexicon all;
        try {
            all = Lexicon.build(spec, log);
        } catch (IllegalArgumentException e) {
            // what is left unlocated is the vectors file's: its size against the word lists', or no word of the lexicon in it
            throw job.model().error("lexiconVectors", e.getMessage());
        }
        if (all.dim() > 0 && all.dim() != wordDim) {
            throw job.model().error("wordDim", "is " + wordDim + " but the lexicon's vectors (word lists of 'lexicon' and"
                    + " lexiconVectors) have " + all.dim() + " dimensions; set model.wordDim: " + all.dim());
        }
        List<String[]> sentences = new ArrayList<>(train.size());
        for (UnitSequence s : train) {
            sentences.add(s.texts());
        }
        Lexicon kept = all.forTraining(sentences);
        log.printf(Locale.ROOT, "lexicon: %,d of %,d words match the training data or have a vector%s%n", kept.trained(), all.size(),
                kept.size() > kept.trained() ? String.format(Locale.ROOT, "; the other %,d share the unknown-word vector",
                        kept.size() - kept.trained()) : "");
        // matches() keeps words of lexiconMinLength to lexiconMaxLength characters: the others are never matched
        int outside = 0;
        int unmatchable = 0;
        for (int id = 1; id <= all.size(); id++) {
            int n = all.word(id).codePointCount(0, all.word(id).length());
            outside += n < spec.minLength() || n > spec.maxLength() ? 1 : 0;
            // single characters are the lattice's own characters, not lost words (HanLP's dictionary holds thousands)
            unmatchable += n > 1 && n < spec.minLength() || n > spec.maxLength() ? 1 : 0;
        }
        if (unmatchable > 0 && kept.trained() > 0) {
            // a list of full company names loses its long ones without a word otherwise
            log.printf(Locale.ROOT, "lexicon: %,d words longer than lexiconMaxLength (%d) characters%s are never matched%n", unmatchable,
                    spec.maxLength(), spec.minLength() > 2 ? " or shorter than lexiconMinLength (" + spec.minLength() + ")" : "");
        }
        if (!kept.matchedInTraining()) {
            if (outside * 2 > all.size()) {
                throw job.model().error("lexiconMinLength", String.format(Locale.ROOT, "%,d of the lexicon's %,d words are shorter"
                        + " than lexiconMinLength (%d) or longer than lexiconMaxLength (%d) characters, so they are never matched, and"
                        + " no other occurs in data.train %s; set the lengths to those of your words", outside, all.size(),
                        spec.minLength(), spec.maxLength(), job.splitPath("train")));
            }
            // words with vectors alone would reach the model only at test time, through cells training never read
            throw job.model().error("lexicon", "no word of the lexicon occurs in data.train " + job.splitPath("train")
                    + (kept.trained() > 0 ? String.format(Locale.ROOT, " (its %,d words with vectors would reach the model only after"
                    + " training, through word cells it never learned to read)", kept.trained()) : " and none has a vector")
                    + "; give a lexicon of words of this language and domain (e.g. hanlp for Chinese)");
        }
        return kept;
    }
}
