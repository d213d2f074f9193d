package dev.nlpipe.augment.backtranslate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A round trip through one or more pivot languages: {@code de} is source → de → source,
 * {@code de>fr} is source → de → fr → source.
 *
 * @param pivots the pivot languages, in order
 */
record Route(List<String> pivots) {
    private static final Pattern CODE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*");

    /** Parses {@code de} or {@code de>fr}; {@code null} when malformed. */
    static Route parse(String spec) {
        List<String> pivots = new ArrayList<>();
        for (String p : spec.split(">", -1)) {
            String code = p.strip();
            if (!CODE.matcher(code).matches()) {
                return null;
            }
            pivots.add(code);
        }
        return new Route(List.copyOf(pivots));
    }

    /** The languages visited from {@code source} back to it: {@code [en, de, fr, en]}. */
    List<String> path(String source) {
        List<String> out = new ArrayList<>(pivots.size() + 2);
        out.add(source);
        out.addAll(pivots);
        out.add(source);
        return out;
    }

    /** The operation name recorded on variants: {@code bt:en>de>en}. */
    String op(String source) {
        return "bt:" + String.join(">", path(source));
    }
}
