package dev.nlpipe.embed.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A vocabulary counted in parts and merged, against the one training counts over the whole corpus. */
class WordCounterTest {

    private static List<List<String>> sentences() {
        List<List<String>> s = new ArrayList<>(Corpus.topics("abc", 7, 60, 6, 11));
        // A token holding whitespace is trained as new_york; an empty one is skipped.
        List<String> odd = new ArrayList<>(Collections.nCopies(20, "new york"));
        odd.addAll(List.of("", "a1"));
        s.add(20, odd);
        return s;
    }

    @Test
    void mergedPartsGiveTrainingsVocabularyWithItsOrderOfTies() throws IOException {
        List<List<String>> sentences = sentences();
        Word2VecParams params = Word2VecParams.defaults().withDim(4).withEpochs(1).withThreads(1).withMinCount(3).withMaxVocab(14);
        Vocabulary expected = Word2Vec.train(sentences.iterator(), params).model().vocabulary();
        List<Path> runs = new ArrayList<>();
        List<WordCounter> parts = new ArrayList<>();
        int[] bounds = {0, 7, 31, sentences.size()};
        try {
            for (int p = 0; p + 1 < bounds.length; p++) {
                // Two words in memory: every part spills several runs.
                WordCounter part = new WordCounter(p, 2);
                parts.add(part);
                sentences.subList(bounds[p], bounds[p + 1]).forEach(part::add);
                runs.add(part.finishRun().orElseThrow());
            }
            assertEquals(bounds.length - 1, runs.size(), "one merged run a part");
            Collections.reverse(runs);
            WordCounter.Counted merged = WordCounter.merge(runs, 3, 14);
            assertArrayEquals(expected.words(), merged.vocabulary().words());
            assertArrayEquals(expected.counts(), merged.vocabulary().counts());
            assertEquals(sentences.stream().mapToLong(l -> l.stream().filter(t -> !t.isEmpty()).count()).sum(), merged.tokens());
            assertEquals(22, merged.distinct(), "21 topic words and new_york");
        } finally {
            parts.forEach(WordCounter::close);
        }
        long[] c = expected.counts();
        assertTrue(java.util.stream.IntStream.range(1, c.length).anyMatch(i -> c[i] == c[i - 1]), "ties to order");
        assertTrue(List.of(expected.words()).contains("new_york"));
    }
}
