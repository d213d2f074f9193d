package dev.nlpipe.augment.eda;

import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.augment.AugmentSettings;
import dev.nlpipe.augment.Augmenter;
import dev.nlpipe.augment.TokenAugmentStage;
import dev.nlpipe.augment.synonym.CilinSynonyms;
import dev.nlpipe.augment.synonym.SynonymGroups;
import dev.nlpipe.augment.synonym.SynonymSource;
import dev.nlpipe.augment.synonym.Synonyms;
import dev.nlpipe.augment.synonym.WordNetSynonyms;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.stage.StageContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code augment.eda}: synonym replacement, random insertion, random swap and random deletion over
 * the document's tokens (Wei and Zou, 2019). Synonyms: HanLP's CoreSynonym (Chinese), WordNet via
 * extJWNL (English) and user files; stop words are never replaced or used as insertion sources.
 */
public final class EdaStage extends TokenAugmentStage {

    @Override
    public String name() {
        return "augment.eda";
    }

    @Override
    public String description() {
        return "EDA: synonym replacement, random insertion, random swap, random deletion (Wei and Zou 2019), entity-safe";
    }

    @Override
    protected int defaultNumAug() {
        return 9;
    }

    @Override
    protected List<OptionSpec> stageOptions() {
        return List.of(
                OptionSpec.number("alphaSr", 0.1, "synonym replacement: share of words replaced (0 turns SR off)"),
                OptionSpec.number("alphaRi", 0.1, "random insertion: share of words inserted (0 turns RI off)"),
                OptionSpec.number("alphaRs", 0.1, "random swap: share of words swapped (0 turns RS off)"),
                OptionSpec.number("pRd", 0.1, "random deletion: probability each word is deleted (0 turns RD off)"),
                OptionSpec.stringList("synonyms", List.of("zh", "en"),
                        "built-in synonym dictionaries: zh (HanLP CoreSynonym, Cilin extended), en (WordNet 3.1); [] for none"),
                OptionSpec.pathList("synonymFiles", "user synonym files, UTF-8, one group of synonyms per line "
                        + "(separated by spaces, tabs or commas), # starts a comment line"));
    }

    @Override
    protected boolean avoidsStopWords() {
        return true;
    }

    @Override
    protected Augmenter augmenter(StageContext ctx) {
        Options o = ctx.options();
        double sr = AugmentSettings.probability(o, "alphaSr");
        double ri = AugmentSettings.probability(o, "alphaRi");
        double rs = AugmentSettings.probability(o, "alphaRs");
        double rd = AugmentSettings.probability(o, "pRd");
        if (sr == 0 && ri == 0 && rs == 0 && rd == 0) {
            throw ctx.error("every operation is off (alphaSr, alphaRi, alphaRs and pRd are 0); turn at least one on");
        }
        return new Eda(sr, ri, rs, rd, synonyms(o));
    }

    /** The synonym source the options describe, dictionaries loaded. */
    static SynonymSource synonyms(Options o) {
        List<SynonymSource> user = new ArrayList<>();
        for (Path p : o.getPathList("synonymFiles")) {
            if (!Files.isRegularFile(p)) {
                throw o.error("synonymFiles", "not found: " + p);
            }
            try {
                user.add(SynonymGroups.read(p));
            } catch (IOException e) {
                throw o.error("synonymFiles", "cannot read " + p + ": " + IoErrors.describe(e));
            }
        }
        SynonymSource zh = null;
        SynonymSource en = null;
        for (String lang : o.getStringList("synonyms")) {
            switch (lang) {
                case "zh" -> zh = CilinSynonyms.get();
                case "en" -> en = WordNetSynonyms.get();
                default -> throw o.error("synonyms", "no built-in synonyms for '" + lang + "' (there are: zh, en)");
            }
        }
        return new Synonyms(user, zh, en);
    }
}
