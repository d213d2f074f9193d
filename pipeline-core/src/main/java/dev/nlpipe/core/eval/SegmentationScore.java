package dev.nlpipe.core.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Word segmentation scores as the SIGHAN bakeoff's scoring script reports them. A predicted word
 * is correct when a gold word covers exactly the same characters. A gold word is out of
 * vocabulary (OOV) when the training word list does not contain it.
 *
 * @param sentences sentences (lines) scored
 * @param chars characters of the raw text (without the separating spaces)
 * @param goldWords words in the gold segmentation
 * @param predictedWords words in the predicted segmentation
 * @param correct predicted words that match a gold word
 * @param oovWords gold words not in the training word list, or -1 when no list was given
 * @param oovCorrect OOV gold words found, or -1
 * @param ivCorrect in-vocabulary gold words found, or -1
 */
public record SegmentationScore(long sentences, long chars, long goldWords, long predictedWords, long correct, long oovWords,
                                long oovCorrect, long ivCorrect) {

    /** Correct words over predicted words. */
    public double precision() {
        return ratio(correct, predictedWords);
    }

    /** Correct words over gold words. */
    public double recall() {
        return ratio(correct, goldWords);
    }

    /** The harmonic mean of precision and recall. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Whether OOV figures are known (a training word list was given). */
    public boolean hasOov() {
        return oovWords >= 0;
    }

    /** OOV gold words over gold words; NaN without a word list. */
    public double oovRate() {
        return hasOov() ? ratio(oovWords, goldWords) : Double.NaN;
    }

    /** OOV gold words found over OOV gold words; NaN without a word list. */
    public double oovRecall() {
        return hasOov() ? ratio(oovCorrect, oovWords) : Double.NaN;
    }

    /** In-vocabulary gold words found over in-vocabulary gold words; NaN without a word list. */
    public double ivRecall() {
        return hasOov() ? ratio(ivCorrect, goldWords - oovWords) : Double.NaN;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** The scores and counts by name, for JSON (OOV figures only when known). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", precision());
        m.put("recall", recall());
        m.put("f1", f1());
        if (hasOov()) {
            m.put("oov_rate", oovRate());
            m.put("oov_recall", oovRecall());
            m.put("iv_recall", ivRecall());
        }
        m.put("sentences", sentences);
        m.put("chars", chars);
        m.put("gold_words", goldWords);
        m.put("predicted_words", predictedWords);
        m.put("correct_words", correct);
        if (hasOov()) {
            m.put("oov_words", oovWords);
        }
        return m;
    }

    /** The report the bakeoff script ends with, one figure per line. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "sentences        %d%n", sentences));
        sb.append(String.format(Locale.ROOT, "gold words       %d%n", goldWords));
        sb.append(String.format(Locale.ROOT, "predicted words  %d%n", predictedWords));
        sb.append(String.format(Locale.ROOT, "correct words    %d%n", correct));
        sb.append(String.format(Locale.ROOT, "precision        %.4f%n", precision()));
        sb.append(String.format(Locale.ROOT, "recall           %.4f%n", recall()));
        sb.append(String.format(Locale.ROOT, "F1               %.4f%n", f1()));
        if (hasOov()) {
            sb.append(String.format(Locale.ROOT, "OOV rate         %.4f%n", oovRate()));
            sb.append(String.format(Locale.ROOT, "OOV recall       %.4f%n", oovRecall()));
            sb.append(String.format(Locale.ROOT, "IV recall        %.4f%n", ivRecall()));
        }
        return sb.toString();
    }
}
