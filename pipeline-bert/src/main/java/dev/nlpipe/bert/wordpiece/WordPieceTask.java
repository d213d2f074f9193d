package dev.nlpipe.bert.wordpiece;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TrainerProvider;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.core.run.DocumentStream;
import dev.nlpipe.core.run.Progress;
import dev.nlpipe.nn.bert.BertNormalization;
import dev.nlpipe.nn.bert.BertTokenizer;
import dev.nlpipe.nn.bert.Truncation;
import dev.nlpipe.nn.bert.WordPieceTrainer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code task: tokenize.wordpiece}: learns a BERT WordPiece vocabulary from raw text ({@code data.train}, after the
 * preprocessing stages) with {@link WordPieceTrainer}, and writes a model directory with {@code vocab.txt},
 * {@code tokenizer.json} (loadable by {@link BertTokenizer} and by Hugging Face's tokenizers) and {@code model.json}.
 * With {@code data.dev} or {@code data.test}, the share of unknown tokens on them goes into the metrics.
 */
public final class WordPieceTask implements TrainerProvider {

    @Override
    public String name() {
        return WordPieceModelKind.KIND;
    }

    @Override
    public String description() {
        return "learn a BERT WordPiece vocabulary (vocab.txt + tokenizer.json) from raw text: Hugging Face's WordPiece trainer, "
                + "every CJK character a piece";
    }

    @Override
    public List<OptionSpec> modelOptions() {
        return List.of(
                OptionSpec.integer("vocabSize", 30_000, "pieces to reach (special tokens and the alphabet always count in, even past it)"),
                OptionSpec.integer("minFrequency", 2, "a pair of pieces seen fewer times is not merged"),
                OptionSpec.integer("limitAlphabet", 0, "keep only the N most frequent characters (0: every character)"),
                OptionSpec.bool("lowercase", false, "lowercase the text (an uncased model)"),
                OptionSpec.choice("stripAccents", "auto", "drop accents after NFD; auto: when lowercase", "auto", "true", "false"),
                OptionSpec.bool("cleanText", true, "drop control characters (vertical tab and form feed among them: the words beside them join) and turn other whitespace into spaces"),
                OptionSpec.bool("handleChineseChars", true, "make every CJK ideograph a word of its own"),
                OptionSpec.bool("chineseContinuations", true, "add ##c for every CJK ideograph, as Chinese BERT has"),
                OptionSpec.stringList("specialTokens", WordPieceTrainer.Settings.BERT_SPECIAL_TOKENS,
                        "tokens given the first ids, in order; must hold [UNK] (and [CLS], [SEP] for BERT's template)"),
                OptionSpec.integer("maxLength", 512, "truncation written into tokenizer.json, special tokens included (0: none)"));
    }

    @Override
    public List<OptionSpec> trainOptions() {
        return List.of(OptionSpec.integer("threads", 1, "threads for reading and preprocessing the corpus"));
    }

    /** The trainer settings of validated {@code model:} options, with located errors. */
    static WordPieceTrainer.Settings settings(Options m) {
        String strip = m.getString("stripAccents");
        BertNormalization normalization = new BertNormalization(m.getBoolean("cleanText"), m.getBoolean("handleChineseChars"),
                strip.equals("auto") ? null : Boolean.valueOf(strip), m.getBoolean("lowercase"));
        for (String option : List.of("vocabSize", "minFrequency", "limitAlphabet", "maxLength")) {
            if (m.getInt(option) < (option.equals("vocabSize") ? 1 : 0)) {
                throw m.error(option, "must be " + (option.equals("vocabSize") ? "at least 1" : "0 or more"));
            }
        }
        int maxLength = m.getInt("maxLength");
        if (maxLength > 0 && maxLength < 3) {
            // [CLS] and [SEP] alone: every text would be cut to nothing
            throw m.error("maxLength", "must be 0 (no limit) or at least 3 ([CLS], one piece, [SEP]), not " + maxLength);
        }
        try {
            return new WordPieceTrainer.Settings(m.getInt("vocabSize"), m.getInt("minFrequency"), m.getInt("limitAlphabet"),
                    m.getStringList("specialTokens"), normalization, m.getBoolean("chineseContinuations"));
        } catch (IllegalArgumentException e) {
            throw m.error("specialTokens", e.getMessage());
        }
    }

    @Override
    public void train(TrainingJob job) throws IOException {
        WordPieceTrainer.Settings settings = settings(job.model());
        int threads = Math.max(1, job.train().getInt("threads"));
        WordPieceTrainer trainer = new WordPieceTrainer(settings);
        long start = System.nanoTime();
        long documents = 0;
        try (DocumentStream docs = job.documents("train", threads)) {
            Progress progress = new Progress(job.log(), "docs", docs.totalBytes(), docs::bytesRead);
            while (docs.hasNext()) {
                // the text the stages leave (normalize.* views), which the models trained with this vocabulary read
                trainer.add(docs.next().analysisText());
                progress.update(++documents, null);
            }
            progress.finish();
        }
        if (documents == 0) {
            // a glob matching nothing wrote a vocabulary of the special tokens alone, and said it trained
            throw job.noDocuments("train");
        }
        WordPieceTrainer.Result result = trainer.train();
        double seconds = (System.nanoTime() - start) / 1e9;
        int maxLength = job.model().getInt("maxLength");
        BertTokenizer tokenizer = BertTokenizer.of(result.vocabulary(), settings.normalization(), settings.specialTokens())
                .withTruncation(maxLength > 0 ? Truncation.longestFirst(maxLength) : null);
        tokenizer.save(job.dir());

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("documents", documents);
        metrics.put("words", result.words());
        metrics.put("distinctWords", result.distinctWords());
        metrics.put("alphabet", result.alphabet());
        metrics.put("merges", result.merges());
        metrics.put("skippedWords", result.skippedWords());
        metrics.put("vocabSize", result.vocabulary().size());
        metrics.put("trainSeconds", seconds);
        for (String split : List.of("dev", "test")) {
            if (job.hasSplit(split)) {
                metrics.put(split, coverage(job, split, tokenizer.withSpecialTokens(false).withTruncation(null), threads));
            }
        }
        ModelMeta meta = job.newMeta(WordPieceModelKind.KIND, WordPieceModelKind.FORMAT_VERSION);
        meta.put("vocabSize", result.vocabulary().size());
        meta.put("normalization", Map.of("cleanText", settings.normalization().cleanText(), "handleChineseChars",
                settings.normalization().handleChineseChars(), "stripAccents", settings.normalization().stripsAccents(), "lowercase",
                settings.normalization().lowercase()));
        meta.put("specialTokens", settings.specialTokens());
        meta.put("files", Map.of("vocabulary", "vocab.txt", "tokenizer", "tokenizer.json"));
        meta.put("metrics", metrics);
        ModelDir.writeMeta(job.dir(), meta);
        job.writeMetrics(metrics);
        job.log().printf(Locale.ROOT, "%s: %,d documents, %,d words (%,d distinct), alphabet %,d, %,d merges, %,d pieces in %.1f s%n",
                name(), documents, result.words(), result.distinctWords(), result.alphabet(), result.merges(),
                result.vocabulary().size(), seconds);
    }

    /** Tokens and the share of unknown ones on a split. */
    private static Map<String, Object> coverage(TrainingJob job, String split, BertTokenizer tokenizer, int threads) throws IOException {
        long tokens = 0;
        long unknown = 0;
        long chars = 0;
        int unk = tokenizer.vocabulary().unknownId();
        try (DocumentStream docs = job.documents(split, threads)) {
            while (docs.hasNext()) {
                Document d = docs.next();
                chars += d.analysisText().length();
                for (int id : tokenizer.encode(d.analysisText()).ids()) {
                    tokens++;
                    if (id == unk) {
                        unknown++;
                    }
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tokens", tokens);
        out.put("unknownTokens", unknown);
        out.put("unknownRate", tokens == 0 ? 0.0 : (double) unknown / tokens);
        out.put("charsPerToken", tokens == 0 ? 0.0 : (double) chars / tokens);
        return out;
    }
}
