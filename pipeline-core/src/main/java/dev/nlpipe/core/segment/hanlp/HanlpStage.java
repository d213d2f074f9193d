package dev.nlpipe.core.segment.hanlp;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Layer;
import dev.nlpipe.core.stage.Processor;
import dev.nlpipe.core.stage.StageContext;
import dev.nlpipe.core.stage.StageProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code segment.hanlp}: Chinese word segmentation with HanLP portable (its dictionaries ship in
 * the jar): Viterbi, Dijkstra or N-shortest-paths; per-pipeline user dictionaries with optional
 * forcing; part-of-speech tags; PER/LOC/ORG entity spans; and the PKU standard's conventions.
 */
public final class HanlpStage implements StageProvider {

    /** The options, shared with the {@code segment} stage. */
    public static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.choice("algorithm", "viterbi", "HanLP segmentation algorithm: viterbi, dijkstra or nshort", "viterbi", "dijkstra", "nshort"),
            OptionSpec.pathList("userDictionaries", "user dictionary files, one entry per line: 'word [nature frequency]...' (HanLP) or 'word freq [nature]' (jieba); "
                    + "kept per pipeline"),
            OptionSpec.bool("builtinDictionary", true, "use HanLP's bundled custom dictionary besides its core dictionary"),
            OptionSpec.bool("forcing", false, "force user dictionary words into the word lattice (HanLP's custom-dictionary forcing)"),
            OptionSpec.bool("pos", false, "put HanLP's part-of-speech tag (nature) on each token, resolved by its HMM tagger"),
            OptionSpec.bool("entities", false, "recognize person, place and organization names and add PER/LOC/ORG entity spans"),
            OptionSpec.choice("conventions", "none", "rewrite words to a segmentation standard: none, or pku (person names split "
                    + "into family and given name, digits joined with date and magnitude units)", "none", "pku"));

    /** Reads nothing outside its options and model, so a model may record it as preprocessing. */
    @Override
    public boolean safeInsideModel() {
        return true;
    }

    @Override
    public String name() {
        return "segment.hanlp";
    }

    @Override
    public String description() {
        return "Chinese word segmentation with HanLP (viterbi/dijkstra/nshort), user dictionaries, POS tags, PER/LOC/ORG spans";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public Set<Layer> provides(Options o) {
        return layers(o);
    }

    /** The layers a HanLP-configured stage adds. */
    public static Set<Layer> layers(Options o) {
        Set<Layer> out = EnumSet.of(Layer.TOKENS);
        if (o.getBoolean("pos")) {
            out.add(Layer.POS);
        }
        if (o.getBoolean("entities")) {
            out.add(Layer.ENTITIES);
        }
        return out;
    }

    @Override
    public Processor create(StageContext ctx) {
        return annotator(ctx.options());
    }

    /** Builds the annotator from validated options, reading the user dictionaries. */
    public static HanlpAnnotator annotator(Options o) {
        UserDictionary words = new UserDictionary();
        for (Path p : o.getPathList("userDictionaries")) {
            if (Files.isDirectory(p)) {
                throw o.error("userDictionaries", p + " is a directory; a user dictionary is a file of one word per line (name each"
                        + " file of the directory)");
            }
            if (!Files.isRegularFile(p)) {
                throw o.error("userDictionaries", "user dictionary not found: " + p + " (relative paths are resolved against "
                        + Path.of("").toAbsolutePath() + ")");
            }
            if (!Files.isReadable(p)) {
                throw o.error("userDictionaries", "user dictionary not readable: " + p + " (check its permissions)");
            }
            words.read(p);
        }
        HanlpSegmenter.Algorithm algorithm = HanlpSegmenter.Algorithm.valueOf(o.getString("algorithm").toUpperCase(Locale.ROOT));
        boolean entities = o.getBoolean("entities");
        HanlpSegmenter segmenter = new HanlpSegmenter(new HanlpSegmenter.Settings(algorithm, words,
                o.getBoolean("builtinDictionary"), o.getBoolean("forcing"), o.getBoolean("pos"), entities));
        return new HanlpAnnotator(segmenter, o.getBoolean("pos"), entities, "pku".equals(o.getString("conventions")));
    }
}
