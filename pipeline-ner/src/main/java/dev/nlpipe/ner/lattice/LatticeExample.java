package dev.nlpipe.ner.lattice;

import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.bilstm.Example;
import dev.nlpipe.ner.bilstm.Featurizer;
import dev.nlpipe.ner.data.UnitSequence;
import dev.nlpipe.ner.lexicon.Lexicon;
import dev.nlpipe.ner.lexicon.LexiconMatch;
import java.util.List;

/**
 * One sentence as ids: its characters and bigrams (and gold tags when training), and the lexicon
 * words it contains.
 *
 * @param chars the character part, as a BiLSTM-CRF reads it
 * @param words each word as {@code {start, end (exclusive), word id}}, sorted by start then end
 */
record LatticeExample(Example chars, int[][] words) {
    /** Encodes a sentence: its characters by {@code f}, its words as {@code lexicon} matches them in the unit texts. */
    static LatticeExample of(Featurizer f, Lexicon lexicon, UnitSequence s, List<TagScheme.TokenSpan> gold) {
        List<LexiconMatch> matches = lexicon.matches(s.texts());
        int[][] words = new int[matches.size()][];
        for (int i = 0; i < words.length; i++) {
            LexiconMatch m = matches.get(i);
            words[i] = new int[] {m.start(), m.end(), lexicon.row(m.word())};
        }
        return new LatticeExample(f.encode(s, gold), words);
    }

    int length() {
        return chars.length();
    }
}
