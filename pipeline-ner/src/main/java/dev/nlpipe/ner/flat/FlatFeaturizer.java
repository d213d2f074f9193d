package dev.nlpipe.ner.flat;

import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.data.TagSet;
import dev.nlpipe.ner.data.UnitKeys;
import dev.nlpipe.ner.data.UnitSequence;
import dev.nlpipe.ner.data.Vocabulary;
import dev.nlpipe.ner.lexicon.Lexicon;
import dev.nlpipe.ner.lexicon.LexiconMatch;
import dev.nlpipe.nn.bert.PieceWindows;
import dev.nlpipe.nn.bert.UnitLayout;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns sentences into FLAT lattices: the character and bigram vocabularies, the lexicon whose
 * matches become the lattice's words, the tag set and, for FLAT + BERT, the encoder's word-piece
 * layout.
 */
final class FlatFeaturizer {
    private static final String END = "</s>";
    final FlatSpec spec;
    final Vocabulary chars;
    final Vocabulary bigrams;
    final Lexicon lexicon;
    final TagSet tags;
    /** Character ids seen once in the training data ({@code null} for a loaded model). */
    final boolean[] rareChars;
    /** Bigram ids seen once in the training data ({@code null} for a loaded model). */
    final boolean[] rareBigrams;
    private final PieceWindows pieces;
    private final UnitKeys keys;

    FlatFeaturizer(FlatSpec spec, Vocabulary chars, Vocabulary bigrams, Lexicon lexicon, TagSet tags, PieceWindows pieces,
                   boolean[] rareChars, boolean[] rareBigrams) {
        this.spec = spec;
        this.rareChars = rareChars;
        this.rareBigrams = rareBigrams;
        this.chars = chars;
        this.bigrams = bigrams;
        this.lexicon = lexicon;
        this.tags = tags;
        this.pieces = pieces;
        this.keys = spec.keys();
    }

    /** Builds the vocabularies from the training sentences; {@code types} are the entity types seen. */
    static FlatFeaturizer build(FlatSpec spec, List<UnitSequence> train, Collection<String> types, Lexicon lexicon, PieceWindows pieces) {
        Map<String, Integer> charCounts = new HashMap<>();
        Map<String, Integer> bigramCounts = new HashMap<>();
        UnitKeys unitKeys = spec.keys();
        for (UnitSequence s : train) {
            String[] k = unitKeys.keys(s);
            for (int i = 0; i < k.length; i++) {
                charCounts.merge(k[i], 1, Integer::sum);
                if (spec.bigramDim() > 0) {
                    bigramCounts.merge(bigram(k, i), 1, Integer::sum);
                }
            }
        }
        Vocabulary chars = Vocabulary.fromCounts(charCounts, spec.minCount());
        Vocabulary bigrams = Vocabulary.fromCounts(bigramCounts, spec.minCount());
        return new FlatFeaturizer(spec, chars, bigrams, lexicon, TagSet.of(spec.scheme(), types), pieces, chars.rare(charCounts),
                bigrams.rare(bigramCounts));
    }

    /**
     * This featurizer with {@code chars} and {@code bigrams} in place of its vocabularies, which they
     * extend: the appended entries training has fewer than {@code minCount} times are rare (they
     * trained the unknown vectors before), those only the vectors files have are not.
     */
    FlatFeaturizer withVocabularies(Vocabulary chars, Vocabulary bigrams) {
        if (chars == this.chars && bigrams == this.bigrams) {
            return this;
        }
        return new FlatFeaturizer(spec, chars, bigrams, lexicon, tags, pieces, Vocabulary.rareAfterGrowing(this.chars, chars, rareChars),
                Vocabulary.rareAfterGrowing(this.bigrams, bigrams, rareBigrams));
    }

    private static String bigram(String[] keys, int i) {
        return keys[i] + (i + 1 < keys.length ? keys[i + 1] : END);
    }

    /** Encodes a sentence; {@code gold} spans (or {@code null} at inference) become tag ids. */
    Lattice encode(UnitSequence s, List<TagScheme.TokenSpan> gold) {
        String[] k = keys.keys(s);
        int n = k.length;
        int[] charIds = new int[n];
        int[] bigramIds = spec.bigramDim() > 0 ? new int[n] : null;
        for (int i = 0; i < n; i++) {
            charIds[i] = chars.id(k[i]);
            if (bigramIds != null) {
                bigramIds[i] = bigrams.id(bigram(k, i));
            }
        }
        List<LexiconMatch> matches = lexicon.matches(s.texts());
        int[] starts = new int[matches.size()];
        int[] ends = new int[matches.size()];
        int[] words = new int[matches.size()];
        for (int w = 0; w < words.length; w++) {
            starts[w] = matches.get(w).start();
            ends[w] = matches.get(w).end();
            words[w] = lexicon.row(matches.get(w).word());
        }
        return Lattice.of(charIds, bigramIds, starts, ends, words, gold == null ? null : tags.encode(gold, n),
                pieces == null ? null : pieces(pieces.layout(s.texts()), n));
    }

    /** Each character's window and column of its first piece, -1 for a character without a piece. */
    private static CharPieces pieces(UnitLayout layout, int n) {
        int[] rows = new int[n];
        int[] columns = new int[n];
        Arrays.fill(rows, -1);
        for (int p = 0; p < layout.length(); p++) {
            rows[layout.units()[p]] = layout.rows()[p];
            columns[layout.units()[p]] = layout.columns()[p];
        }
        return new CharPieces(layout.windows(), rows, columns);
    }

    /** The vocabularies as stored in {@code vocab.json}. */
    Map<String, Object> vocabularies() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chars", chars.known());
        m.put("bigrams", bigrams.known());
        m.put("tags", tags.tags());
        return m;
    }

    /** Reads the vocabularies stored by {@link #vocabularies}. */
    @SuppressWarnings("unchecked")
    static FlatFeaturizer fromVocabularies(FlatSpec spec, Map<String, Object> m, Lexicon lexicon, PieceWindows pieces) {
        return new FlatFeaturizer(spec, new Vocabulary((List<String>) m.get("chars")), new Vocabulary((List<String>) m.get("bigrams")),
                lexicon, new TagSet(spec.scheme(), (List<String>) m.get("tags")), pieces, null, null);
    }
}
