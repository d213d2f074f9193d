package dev.nlpipe.embed.vectorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reference's settings as scikit-learn records them: JSON null for norm=None, no idf without use_idf, lowercase off. */
class TfidfParityTest {
    @TempDir
    Path dir;

    @Test
    void rawCountsOfACaseKeepingReferenceWithoutIdfMatch() throws IOException {
        // TfidfVectorizer(lowercase=False, norm=None, use_idf=False) on two documents, by hand: sorted terms, raw counts
        Path ref = Files.writeString(dir.resolve("counts.json"), """
                {"settings": {"ngram_range": [1, 1], "min_df": 1, "lowercase": false, "norm": null, "use_idf": false},
                 "docs": ["The cat sat", "the dog the"],
                 "vocabulary": {"The": 0, "cat": 1, "dog": 2, "sat": 3, "the": 4},
                 "rows": [[[0, 1.0], [1, 1.0], [3, 1.0]], [[2, 1.0], [4, 2.0]]]}
                """);
        TfidfParity.Result r = TfidfParity.check(ref);
        assertTrue(r.matches(1e-12), r.toMap().toString());
        assertEquals(List.of(), r.missingTerms());
    }

    @Test
    void aReferenceWithIdfSettingsButAnIncompleteIdfIsRefusedNotMatched() throws IOException {
        String head = """
                {"settings": {"ngram_range": [1, 1], "min_df": 1, "norm": null, "use_idf": true, "smooth_idf": true},
                 "docs": ["a cat", "a dog"],
                 "vocabulary": {"cat": 0, "dog": 1},
                 "rows": [[[0, 1.4054651081081644]], [[1, 1.4054651081081644]]]""";
        Path whole = Files.writeString(dir.resolve("whole.json"), head + ", \"idf\": [1.4054651081081644, 1.4054651081081644]}");
        assertTrue(TfidfParity.check(whole).matches(1e-9), TfidfParity.check(whole).toMap().toString());
        Path wrong = Files.writeString(dir.resolve("wrong.json"), head + ", \"idf\": [2.4054651081081644, 1.4054651081081644]}");
        assertEquals(1.0, TfidfParity.check(wrong).maxIdfDiff(), 1e-9);
        for (String idf : List.of("", ", \"idf\": [1.4054651081081644]")) {
            Path cut = Files.writeString(dir.resolve("cut.json"), head + idf + "}");
            IOException e = assertThrows(IOException.class, () -> TfidfParity.check(cut));
            assertTrue(e.getMessage().contains("cut.json") && e.getMessage().contains("'idf' holds"), e.getMessage());
        }
    }
}
