package dev.nlpipe.embed.word2vec;

import dev.nlpipe.core.config.OptionSpec;
import dev.nlpipe.core.config.Options;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Token;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelMeta;
import dev.nlpipe.core.model.TrainerProvider;
import dev.nlpipe.core.model.TrainingJob;
import dev.nlpipe.core.run.DocumentStream;
import dev.nlpipe.core.run.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code task: embed.word2vec}: trains word vectors on {@code data.train} (a file or directory of
 * text, one sentence or paragraph per line) after the preprocessing stages. Documents with a
 * {@code tokens} layer train on the token texts; without one, the text is split on whitespace, as
 * the C tool does.
 */
public final class Word2VecTask implements TrainerProvider {

    @Override
    public String name() {
        return "embed.word2vec";
    }

    @Override
    public String description() {
        return "word2vec word vectors: skip-gram or CBOW, negative sampling or hierarchical softmax, multi-threaded";
    }

    @Override
    public List<OptionSpec> modelOptions() {
        Word2VecParams d = Word2VecParams.defaults();
        return List.of(
                OptionSpec.choice("arch", "skipgram", "skipgram (predict context from word) or cbow (word from context mean)", "skipgram", "cbow"),
                OptionSpec.integer("dim", d.dim(), "vector size"),
                OptionSpec.integer("window", d.window(), "maximum context distance; each word draws its window from 1 to this"),
                OptionSpec.integer("negative", d.negative(), "negative samples per prediction (0 = off)"),
                OptionSpec.bool("hs", d.hs(), "hierarchical softmax over a Huffman tree"),
                OptionSpec.number("sample", d.sample(), "down-sampling threshold for frequent words (0 = off)"),
                OptionSpec.integer("minCount", d.minCount(), "drop words seen fewer times"),
                OptionSpec.integer("maxVocab", d.maxVocab(), "keep at most this many most frequent words (0 = no limit)"),
                OptionSpec.integer("phrases", 0, "word2phrase passes joining frequent bigrams into one token a_b (0 = off)"),
                OptionSpec.number("phraseThreshold", 100, "score a bigram must exceed to become a phrase"),
                OptionSpec.integer("phraseMinCount", 5, "words and bigrams rarer than this never join"),
                OptionSpec.string("phraseDelimiter", "_", "joins the words of a phrase"),
                OptionSpec.path("vocabulary", "a vocabulary directory counted beforehand from this training file (the Spark job's `fit`, docs/spark.md):"
                        + " training reads the corpus once and does not count it"));
    }

    @Override
    public List<OptionSpec> trainOptions() {
        return List.of(
                OptionSpec.integer("epochs", 5, "passes over the corpus"),
                OptionSpec.number("alpha", null, "starting learning rate (default 0.025 for skipgram, 0.05 for cbow)"),
                OptionSpec.number("minAlpha", 1e-4, "learning rate at the end (linear decay)"),
                OptionSpec.integer("threads", null, "training threads (default: all cores; use 1 with a seed for reproducible vectors)"),
                OptionSpec.integer("seed", 1, "random seed"),
                OptionSpec.path("continueFrom", "an embed.word2vec model directory to continue: its words keep their vectors, new words are added"),
                OptionSpec.path("cacheDir", "directory for the tokenized corpus cache (default: the system temporary directory)"));
    }

    /** The training text only: there are no scores to compute on dev or test data. */
    @Override
    public List<String> readSplits() {
        return List.of("train");
    }

    @Override
    public void train(TrainingJob job) throws IOException {
        Word2VecParams params = params(job.model(), job.train());
        Path from = job.train().getPath("continueFrom");
        Path counted = job.model().getPath("vocabulary");
        if (counted != null && from != null) {
            throw job.train().error("continueFrom", "cannot be combined with model.vocabulary: continuing merges the old model's"
                    + " vocabulary with the new corpus' counts; remove one of the two");
        }
        Word2VecModel previous = from == null ? null : Word2VecModel.load(from);
        if (previous != null && previous.dim() != params.dim()) {
            throw job.model().error("dim", "is " + params.dim() + " but the model in " + from + " has " + previous.dim()
                    + " dimensions; set dim: " + previous.dim());
        }
        // trainWithVocabulary checks the counted vocabulary's options before it reads any sentence.
        CountedVocabulary vocabulary = counted == null ? null : CountedVocabulary.load(counted);
        Word2Vec.Result result;
        try (DocumentStream docs = job.documents("train", params.threads())) {
            Sentences sentences = new Sentences(docs, new Progress(job.log(), "docs", docs.totalBytes(), docs::bytesRead));
            if (vocabulary == null) {
                result = Word2Vec.train(sentences, params, previous, job.train().getPath("cacheDir"), job.log());
            } else {
                result = Word2Vec.trainWithVocabulary(sentences, params, vocabulary, job.train().getPath("cacheDir"), job.log());
            }
        } catch (Word2VecParams.InvalidParameterException e) {
            throw located(job.model(), job.train(), e);
        }
        result.model().saveFiles(job.dir());
        ModelMeta meta = job.newMeta(Word2VecModel.KIND, Word2VecModel.FORMAT_VERSION);
        result.model().describe(meta, params);
        if (from != null) {
            meta.put("continuedFrom", Map.of("path", from.toString(), "model", ModelDir.read(from, Word2VecModel.FORMAT_VERSION,
                    Word2VecModel.KIND).asMap().getOrDefault("createdAt", "")));
        }
        meta.put("seed", params.seed());
        meta.put("metrics", result.stats().asMap());
        ModelDir.writeMeta(job.dir(), meta);
        job.writeMetrics(result.stats().asMap());
    }

    /** The hyper-parameters from validated {@code model:} and {@code train:} sections, range-checked with located errors. */
    static Word2VecParams params(Options model, Options train) {
        try {
            Word2VecParams.Arch arch = Word2VecParams.Arch.of(model.getString("arch"));
            double alpha = train.has("alpha") ? train.getDouble("alpha") : Word2VecParams.defaultAlpha(arch);
            int threads = train.has("threads") ? train.getInt("threads") : Runtime.getRuntime().availableProcessors();
            return new Word2VecParams(arch, model.getInt("dim"), model.getInt("window"), model.getInt("negative"), model.getBoolean("hs"),
                    model.getDouble("sample"), model.getInt("minCount"), model.getInt("maxVocab"), train.getInt("epochs"), alpha,
                    train.getDouble("minAlpha"), threads, train.getInt("seed"),
                    new Word2VecParams.PhraseParams(model.getInt("phrases"), model.getDouble("phraseThreshold"), model.getInt("phraseMinCount"),
                            model.getString("phraseDelimiter")));
        } catch (Word2VecParams.InvalidParameterException e) {
            throw located(model, train, e);
        }
    }

    private static RuntimeException located(Options model, Options train, Word2VecParams.InvalidParameterException e) {
        Options owner = train.asMap().containsKey(e.option()) || List.of("alpha", "threads").contains(e.option()) ? train : model;
        return owner.error(e.option(), e.problem());
    }

    /** Documents as token lists, with progress while the corpus is read. */
    private static final class Sentences implements Iterator<List<String>> {
        private final DocumentStream docs;
        private final Progress progress;
        private long count;

        Sentences(DocumentStream docs, Progress progress) {
            this.docs = docs;
            this.progress = progress;
        }

        @Override
        public boolean hasNext() {
            boolean more = docs.hasNext();
            if (!more) {
                progress.finish();
            }
            return more;
        }

        @Override
        public List<String> next() {
            Document d = docs.next();
            progress.update(++count, "reading the corpus");
            return tokens(d);
        }
    }

    /**
     * The tokens word2vec trains on in a preprocessed document: its {@code tokens} layer's texts,
     * or without one its text split on whitespace.
     */
    public static List<String> tokens(Document d) {
        List<Token> tokens = d.tokens();
        if (tokens != null) {
            List<String> out = new ArrayList<>(tokens.size());
            for (Token t : tokens) {
                out.add(t.text());
            }
            return out;
        }
        return whitespaceSplit(d.text());
    }

    /** Splits on whitespace (the C tool's tokenization). */
    static List<String> whitespaceSplit(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, i));
            }
        }
        return out;
    }
}
