package dev.nlpipe.ner.bilstm;

import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.tag.TagScheme;
import dev.nlpipe.ner.data.TagSet;
import dev.nlpipe.ner.data.UnitKeys;
import dev.nlpipe.ner.data.UnitSequence;
import dev.nlpipe.ner.data.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns unit sequences into the id arrays a BiLSTM-CRF reads: the vocabularies (units, character
 * bigrams, characters of words) and the tag set of one model.
 */
public final class Featurizer {
    /** The longest word prefix the character CNN reads. */
    static final int MAX_WORD_CHARS = 20;
    private static final String END = "</s>";
    final BiLstmCrfSpec spec;
    /** The unit (character or token) vocabulary. */
    public final Vocabulary units;
    /** The character-bigram vocabulary. */
    public final Vocabulary bigrams;
    final Vocabulary chars;
    /** The tag set. */
    public final TagSet tags;
    /** Unit ids seen once in the training data ({@code null} for a loaded model). */
    public final boolean[] rareUnits;
    /** Bigram ids seen once in the training data ({@code null} for a loaded model). */
    public final boolean[] rareBigrams;
    /** Token mode: character ids seen once in the training words ({@code null} for a loaded model), for the char CNN's unknown row. */
    public final boolean[] rareChars;
    private final UnitKeys keys;

    Featurizer(BiLstmCrfSpec spec, Vocabulary units, Vocabulary bigrams, Vocabulary chars, TagSet tags, boolean[] rareUnits,
               boolean[] rareBigrams, boolean[] rareChars) {
        this.spec = spec;
        this.rareUnits = rareUnits;
        this.rareBigrams = rareBigrams;
        this.rareChars = rareChars;
        this.units = units;
        this.bigrams = bigrams;
        this.chars = chars;
        this.tags = tags;
        this.keys = spec.keys();
    }

    /** Builds the vocabularies from training sequences; {@code types} are the entity types seen. */
    public static Featurizer build(BiLstmCrfSpec spec, List<UnitSequence> train, Collection<String> types) {
        Map<String, Integer> unitCounts = new HashMap<>();
        Map<String, Integer> bigramCounts = new HashMap<>();
        Map<String, Integer> charCounts = new HashMap<>();
        UnitKeys unitKeys = spec.keys();
        for (UnitSequence s : train) {
            String[] keys = unitKeys.keys(s);
            for (int i = 0; i < keys.length; i++) {
                unitCounts.merge(keys[i], 1, Integer::sum);
                if (spec.bigramDim() > 0) {
                    bigramCounts.merge(bigram(keys, i), 1, Integer::sum);
                }
                if (spec.tokenUnits() && spec.charFilters() > 0) {
                    s.texts()[i].codePoints().limit(MAX_WORD_CHARS).forEach(cp -> charCounts.merge(Character.toString(cp), 1, Integer::sum));
                }
            }
        }
        Vocabulary units = Vocabulary.fromCounts(unitCounts, spec.minCount());
        Vocabulary bigrams = Vocabulary.fromCounts(bigramCounts, spec.minCount());
        Vocabulary chars = Vocabulary.fromCounts(charCounts, 1);
        return new Featurizer(spec, units, bigrams, chars, TagSet.of(spec.scheme(), types), units.rare(unitCounts),
                bigrams.rare(bigramCounts), chars.rare(charCounts));
    }

    /**
     * This featurizer with {@code u} and {@code b} in place of its unit and bigram vocabularies, which
     * they extend ({@link Vocabulary#withAppended}): the appended units and bigrams that training has
     * fewer than {@code minCount} times are rare, so the unknown vectors they used to train still
     * train; the others, which only the vectors files have, are not.
     */
    Featurizer withVocabularies(Vocabulary u, Vocabulary b) {
        return u == units && b == bigrams ? this : new Featurizer(spec, u, b, chars, tags, Vocabulary.rareAfterGrowing(units, u, rareUnits),
                Vocabulary.rareAfterGrowing(bigrams, b, rareBigrams), rareChars);
    }

    private static String bigram(String[] keys, int i) {
        return keys[i] + (i + 1 < keys.length ? keys[i + 1] : END);
    }

    /** Encodes a sequence; {@code gold} spans (or {@code null} at inference) become tag ids. */
    public Example encode(UnitSequence s, List<TagScheme.TokenSpan> gold) {
        String[] keys = this.keys.keys(s);
        int n = keys.length;
        int[] unitIds = new int[n];
        int[] bigramIds = spec.bigramDim() > 0 ? new int[n] : null;
        int[] shapes = spec.tokenUnits() && spec.caseDim() > 0 ? new int[n] : null;
        int[] words = spec.segDim() > 0 ? new int[n] : null;
        int[][] charIds = spec.tokenUnits() && spec.charFilters() > 0 ? new int[n][] : null;
        for (int i = 0; i < n; i++) {
            unitIds[i] = units.id(keys[i]);
            if (bigramIds != null) {
                bigramIds[i] = bigrams.id(bigram(keys, i));
            }
            if (shapes != null) {
                shapes[i] = WordShape.of(s.texts()[i]);
            }
            if (words != null) {
                words[i] = s.wordPositions() == null ? UnitSequence.NO_WORD : s.wordPositions()[i];
            }
            if (charIds != null) {
                charIds[i] = s.texts()[i].codePoints().limit(MAX_WORD_CHARS).map(cp -> chars.id(Character.toString(cp))).toArray();
            }
        }
        return new Example(unitIds, bigramIds, shapes, words, charIds, gold == null ? null : tags.encode(gold, n));
    }

    /** Writes the vocabularies and the tag set to {@code file} (a model directory's {@code vocab.json}). */
    public void save(Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("units", units.known());
        m.put("bigrams", bigrams.known());
        m.put("chars", chars.known());
        m.put("tags", tags.tags());
        ModelDir.writeJson(file, m);
    }

    /** Reads what {@link #save} wrote, for a model of architecture {@code spec}. */
    @SuppressWarnings("unchecked")
    public static Featurizer load(Path file, BiLstmCrfSpec spec) throws IOException {
        Map<String, Object> m = DocumentJson.mapper().readValue(file.toFile(), LinkedHashMap.class);
        return new Featurizer(spec, new Vocabulary((List<String>) m.get("units")), new Vocabulary((List<String>) m.get("bigrams")),
                new Vocabulary((List<String>) m.get("chars")), new TagSet(spec.scheme(), (List<String>) m.get("tags")), null, null, null);
    }
}
