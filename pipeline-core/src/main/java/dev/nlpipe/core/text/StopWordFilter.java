package dev.nlpipe.core.text;

import dev.nlpipe.core.io.InputFormatException;
import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.doc.NormalizedText;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.stage.Annotator;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code stopwords.remove}: removes stop-word tokens, or marks them ({@code "stop": true} in
 * JSON) and keeps them. Lists: HanLP's Chinese list, Lucene's English list, and user files (one
 * word per line, {@code #} comments). Matching is on the token text (its normalized form, when a
 * normalizer ran), ignoring case unless told otherwise; HanLP's list, whose English words are
 * lowercase and which HanLP matches as written, is not matched by a token in capitals (WHO, IT,
 * US are acronyms, not who, it, us).
 */
public final class StopWordFilter implements StageProvider {

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public String name() {
        return "stopwords.remove";
    }

    @Override
    public String description() {
        return "remove or mark stop-word tokens: HanLP's Chinese list, Lucene's English list, user files";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.stringList("languages", List.of("zh", "en"), "built-in lists to use: zh (HanLP), en (Lucene); [] for none"),
                OptionSpec.pathList("files", "more stop-word files, UTF-8, one word per line, # starts a comment line"),
                OptionSpec.choice("mode", "remove", "remove the tokens, or mark them (stop: true) and keep them", "remove", "mark"),
                OptionSpec.bool("ignoreCase", true, "match regardless of case (HanLP's zh list: not a token in capitals, WHO, IT)"));
    }

    @Override
    public Set<Layer> requires(Options options) {
        return Set.of(Layer.TOKENS);
    }

    @Override
    public Set<Layer> provides(Options options) {
        return Set.of(Layer.TOKENS);
    }

    @Override
    public Processor create(StageContext ctx) {
        Options o = ctx.options();
        boolean ignoreCase = o.getBoolean("ignoreCase");
        Set<String> words = new HashSet<>();
        Set<String> hanlp = new HashSet<>();
        for (String lang : o.getStringList("languages")) {
            try {
                addAll(lang.equals("zh") ? hanlp : words, withNormalizedForms(StopWords.builtin(lang)), ignoreCase);
            } catch (IllegalArgumentException e) {
                throw o.error("languages", e.getMessage());
            }
        }
        for (Path p : o.getPathList("files")) {
            if (!Files.isRegularFile(p)) {
                throw o.error("files", "stop-word file not found: " + p + " (relative paths are resolved against "
                        + Path.of("").toAbsolutePath() + ")");
            }
            try {
                addAll(words, withNormalizedForms(StopWords.read(p)), ignoreCase);
            } catch (InputFormatException e) {
                // at the option, with the file's own line
                throw o.error("files", e.getMessage());
            } catch (IOException e) {
                throw o.error("files", "cannot read stop-word file " + p + ": " + IoErrors.describe(e));
            }
        }
        boolean mark = o.getString("mode").equals("mark");
        String id = ctx.id();
        StopLists lists = new StopLists(words, hanlp, ignoreCase);
        return (Annotator) doc -> doc.setTokens(filter(doc, lists, mark, id));
    }

    /**
     * The stop words, matched as {@code ignoreCase} says (then held lowercase); HanLP's list matches a
     * token in capitals only as written, as HanLP does: WHO is no "who".
     */
    private record StopLists(Set<String> words, Set<String> hanlp, boolean ignoreCase) {
        boolean holds(String token) {
            String key = ignoreCase ? token.toLowerCase(Locale.ROOT) : token;
            return words.contains(key) || !hanlp.isEmpty() && hanlp.contains(ignoreCase && inCapitals(token) ? token : key);
        }

        /** Two or more capital letters and no small one: WHO, IT, U.S. */
        private static boolean inCapitals(String token) {
            return token.codePoints().filter(Character::isUpperCase).limit(2).count() == 2
                    && token.codePoints().noneMatch(Character::isLowerCase);
        }
    }

    /**
     * A built-in list with each word's form after {@code normalize.chinese} beside it: HanLP's list holds
     * the full-width {@code ，（）！}, which that stage (the guide's Chinese pipeline) turns into {@code , ( ) !}.
     */
    private static Set<String> withNormalizedForms(Set<String> words) {
        Set<String> out = new HashSet<>(words);
        for (String w : words) {
            NormalizedText n = ChineseNormalizer.normalize(w, true, true);
            if (n != null) {
                out.add(n.text());
            }
        }
        return out;
    }

    private static void addAll(Set<String> into, Set<String> words, boolean ignoreCase) {
        for (String w : words) {
            into.add(ignoreCase ? w.toLowerCase(Locale.ROOT) : w);
        }
    }

    private static List<Token> filter(Document doc, StopLists lists, boolean mark, String id) {
        List<Token> in = doc.requireTokens(id);
        List<Token> out = new ArrayList<>(in.size());
        for (Token t : in) {
            boolean stop = lists.holds(t.text());
            if (mark) {
                out.add(stop && !t.stop() ? t.withStop(true) : t);
            } else if (!stop) {
                out.add(t);
            }
        }
        return out;
    }
}
