package dev.nlpipe.ner.data;

/**
 * How a unit's text becomes the key its embedding is looked up by: digits to {@code 0}, and
 * optionally lowercased, so "2019" and "1987" share a vector and "Paris" finds "paris".
 *
 * @param digitsToZero map every digit to {@code 0}
 * @param lowercase lowercase the text
 */
public record UnitKeys(boolean digitsToZero, boolean lowercase) {

    /** The lookup key of one unit's text. */
    public String key(String unit) {
        String k = unit;
        if (digitsToZero) {
            StringBuilder sb = null;
            for (int i = 0; i < k.length(); i++) {
                if (Character.isDigit(k.charAt(i))) {
                    if (sb == null) {
                        sb = new StringBuilder(k);
                    }
                    sb.setCharAt(i, '0');
                }
            }
            if (sb != null) {
                k = sb.toString();
            }
        }
        if (lowercase) {
            k = k.toLowerCase(java.util.Locale.ROOT);
        }
        return k;
    }

    /** The keys of every unit of a sequence. */
    public String[] keys(UnitSequence s) {
        String[] out = new String[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = key(s.texts()[i]);
        }
        return out;
    }
}
