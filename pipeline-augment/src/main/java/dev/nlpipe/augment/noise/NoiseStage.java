package dev.nlpipe.augment.noise;

import dev.nlpipe.core.io.IoErrors;
import dev.nlpipe.augment.AugmentSettings;
import dev.nlpipe.augment.Augmenter;
import dev.nlpipe.augment.TokenAugmentStage;
import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.stage.StageContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code augment.noise}: realistic character noise — QWERTY keyboard-neighbour typos, swapped
 * neighbouring characters, spaces inside words, and for Chinese pinyin homophones (HanLP's pinyin
 * data) and shape neighbours (形近字: a built-in list plus user files). Entities are never touched.
 */
public final class NoiseStage extends TokenAugmentStage {
    static final String SHAPES = "shape-neighbours.txt";

    @Override
    public String name() {
        return "augment.noise";
    }

    @Override
    public String description() {
        return "character noise: keyboard typos, character swaps, inserted spaces, Chinese homophones (pinyin) and shape neighbours";
    }

    @Override
    protected int defaultNumAug() {
        return 1;
    }

    @Override
    protected List<OptionSpec> stageOptions() {
        return List.of(
                OptionSpec.number("typo", 0.1, "chance that a word gets a typo from a neighbouring QWERTY key (Latin letters)"),
                OptionSpec.number("swap", 0.05, "chance that a word gets two neighbouring characters swapped"),
                OptionSpec.number("space", 0.02, "chance that a space is inserted inside a word"),
                OptionSpec.number("homophone", 0.1, "chance that a Chinese character becomes a homophone (same pinyin)"),
                OptionSpec.number("shape", 0.0, "chance that a Chinese character becomes a look-alike (shape neighbour)"),
                OptionSpec.bool("ignoreTone", false, "homophones may differ in tone"),
                OptionSpec.integer("minLength", 3, "typos and swaps only in words of at least this many characters"),
                OptionSpec.pathList("confusionFiles", "more shape-neighbour groups: UTF-8, one group of look-alike characters per line"));
    }

    @Override
    protected Augmenter augmenter(StageContext ctx) {
        Options o = ctx.options();
        double homophone = AugmentSettings.probability(o, "homophone");
        double shape = AugmentSettings.probability(o, "shape");
        double typo = AugmentSettings.probability(o, "typo");
        double swap = AugmentSettings.probability(o, "swap");
        double space = AugmentSettings.probability(o, "space");
        if (shape == 0 && o.isSet("confusionFiles")) {
            // the groups would be read for nothing, and a user who gave them expects them used
            throw ctx.error("confusionFiles are shape-neighbour groups, used only with shape above 0; set shape (e.g. 0.05) or drop"
                    + " confusionFiles");
        }
        if (typo + swap + space + homophone + shape == 0) {
            throw ctx.error("every noise is off (typo, swap, space, homophone and shape are 0); turn at least one on");
        }
        int minLength = o.getInt("minLength");
        if (minLength < 2) {
            throw o.error("minLength", "must be at least 2 (a swap needs two characters)");
        }
        return Augmenter.repeating(new Noise(typo, swap, space, homophone, shape, o.getBoolean("ignoreTone"), minLength,
                homophone > 0 ? Homophones.get() : null, shape > 0 ? shapes(o) : null));
    }

    private static CharGroups shapes(Options o) {
        List<InputStream> sources = new ArrayList<>();
        try {
            sources.add(NoiseStage.class.getResourceAsStream(SHAPES));
            for (Path p : o.getPathList("confusionFiles")) {
                if (!Files.isRegularFile(p)) {
                    throw o.error("confusionFiles", "not found: " + p);
                }
                sources.add(Files.newInputStream(p));
            }
            return CharGroups.read(sources);
        } catch (IOException e) {
            throw o.error("confusionFiles", "cannot read: " + IoErrors.describe(e));
        } finally {
            for (InputStream in : sources) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // read-only streams: nothing to lose
                }
            }
        }
    }
}
