package dev.nlpipe.augment;

import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.text.StopWords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The stop-word options of stages that never choose stop words for editing: the built-in lists of
 * {@link StopWords} (HanLP's Chinese list, Lucene's English list) and user files (one word per
 * line), matched in lower case.
 */
public final class StopWordOptions {
    private StopWordOptions() {
    }

    /** {@code stopWords} and {@code stopWordFiles}. */
    public static List<OptionSpec> options() {
        return List.of(
                OptionSpec.stringList("stopWords", List.of("zh", "en"),
                        "built-in stop-word lists never chosen for editing: zh (HanLP), en (Lucene); [] for none"),
                OptionSpec.pathList("stopWordFiles", "more stop-word files, UTF-8, one word per line, # starts a comment line"));
    }

    /** The union of the chosen lists, lower-cased. */
    public static Set<String> load(Options o) {
        Set<String> out = new HashSet<>();
        for (String lang : o.getStringList("stopWords")) {
            try {
                addLower(out, StopWords.builtin(lang));
            } catch (IllegalArgumentException e) {
                throw o.error("stopWords", e.getMessage());
            }
        }
        for (Path p : o.getPathList("stopWordFiles")) {
            try {
                addLower(out, StopWords.read(p));
            } catch (IOException e) {
                throw o.error("stopWordFiles", "cannot read " + p + ": " + IoErrors.describe(e));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static void addLower(Set<String> out, Set<String> words) {
        for (String w : words) {
            out.add(w.toLowerCase(Locale.ROOT));
        }
    }
}
