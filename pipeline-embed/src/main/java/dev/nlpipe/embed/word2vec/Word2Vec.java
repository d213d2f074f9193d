package dev.nlpipe.embed.word2vec;

import dev.nlpipe.core.run.Progress;
import dev.nlpipe.embed.vectorize.PyText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Trains word2vec (skip-gram or CBOW, negative sampling and/or hierarchical softmax) the way the
 * original C tool does: one pass to count the vocabulary while the corpus is written to a
 * tokenized cache on disk, optional phrase passes, then epochs over the cache on several threads
 * with lock-free updates and a linearly decaying learning rate. Memory holds the vocabulary and
 * the weights, never the corpus.
 *
 * <pre>{@code
 * Word2Vec.Result r = Word2Vec.train(sentences.iterator(), Word2VecParams.defaults().withDim(50), null, null, System.err);
 * r.model().wordVectors().neighbors("king", 10);
 * }</pre>
 */
public final class Word2Vec {
    private Word2Vec() {
    }

    /** A trained model and what the run measured. */
    public record Result(Word2VecModel model, TrainingStats stats) {
    }

    /** Trains a new model on tokenized sentences, quietly. */
    public static Result train(Iterator<? extends List<String>> sentences, Word2VecParams params) throws IOException {
        return train(sentences, params, null, null, null);
    }

    /**
     * Trains on tokenized sentences (one list per line, sentence or paragraph).
     *
     * @param previous a model to continue: its words keep their vectors, new frequent words are
     *                 added with fresh ones, and training runs over the new sentences; or {@code null}
     * @param cacheDir where the tokenized corpus cache goes (the system temporary directory when {@code null})
     * @param log progress and summary lines, or {@code null} for none
     * @throws Word2VecParams.InvalidParameterException when the corpus or the previous model does not fit the parameters
     */
    public static Result train(Iterator<? extends List<String>> sentences, Word2VecParams params, Word2VecModel previous, Path cacheDir,
                               PrintStream log) throws IOException {
        if (previous != null && previous.dim() != params.dim()) {
            throw new Word2VecParams.InvalidParameterException("dim", "is " + params.dim() + " but the model being continued has "
                    + previous.dim() + " dimensions");
        }
        return train(sentences, params, previous, null, cacheDir, log);
    }

    /**
     * Trains a new model on tokenized sentences with a vocabulary counted beforehand (on Spark, by
     * {@link WordCounter}) from the same sentences, so the corpus is read once without counting
     * every distinct token: the vectors are those
     * {@link #train(Iterator, Word2VecParams, Word2VecModel, Path, PrintStream)} gives.
     *
     * @param vocabulary the counted vocabulary; its options are checked against {@code params}
     *     ({@link CountedVocabulary#checkChosenAs}) and its counts against the sentences
     * @throws Word2VecParams.InvalidParameterException when it was chosen with other options, or its
     *     counts or its corpus' token total do not match the sentences ({@code vocabulary})
     */
    public static Result trainWithVocabulary(Iterator<? extends List<String>> sentences, Word2VecParams params, CountedVocabulary vocabulary,
                                             Path cacheDir, PrintStream log) throws IOException {
        vocabulary.checkChosenAs(params);
        return train(sentences, params, null, vocabulary, cacheDir, log);
    }

    private static Result train(Iterator<? extends List<String>> sentences, Word2VecParams params, Word2VecModel previous,
                                CountedVocabulary counted, Path cacheDir, PrintStream log) throws IOException {
        TokenTable table = new TokenTable();
        CorpusCache[] cache = {CorpusCache.create(cacheDir)};
        try {
            long tokens = scan(sentences, counted == null ? table::add : knownWords(table, counted.vocabulary()), cache[0]);
            int phrases = params.phrases().passes() > 0 ? PhraseDetector.apply(cache[0], table, params.phrases(), cacheDir, cache) : 0;
            if (phrases > 0) {
                tokens = table.total();
            }
            Vocabulary vocab = counted != null ? checked(counted, table, tokens)
                    : Vocabulary.merge(previous == null ? null : previous.vocabulary(), table, params.minCount(), params.maxVocab());
            int[] tokenToWord = vocab.mapping(table);
            long[] corpusCounts = new long[vocab.size()];
            long trainWords = 0;
            for (int id = 0; id < tokenToWord.length; id++) {
                if (tokenToWord[id] >= 0) {
                    corpusCounts[tokenToWord[id]] += table.count(id);
                    trainWords += table.count(id);
                }
            }
            if (trainWords == 0) {
                throw new Word2VecParams.InvalidParameterException("minCount", "is " + params.minCount() + " but no word of the "
                        + tokens + "-token corpus occurs that often" + (tokens == 0 ? " (the corpus is empty)" : ""));
            }
            int newWords = vocab.size() - (previous == null ? 0 : previous.vocabulary().size());
            if (log != null) {
                log.printf(Locale.ROOT, "word2vec: %,d tokens, %s%s; vocabulary %,d words (%,d new), %,d training words per epoch%n",
                        tokens, counted == null ? String.format(Locale.ROOT, "%,d distinct", table.size()) : "vocabulary counted beforehand",
                        phrases > 0 ? ", " + phrases + " phrases" : "", vocab.size(), newWords, trainWords);
            }
            Word2VecModel model = Word2VecModel.initialize(vocab, params, previous);
            TrainingWorker.LearningRate rate = new TrainingWorker.LearningRate(params.alpha(), params.minAlpha(),
                    trainWords * params.epochs());
            TrainingSetup setup = new TrainingSetup(model, params, cache[0], tokenToWord,
                    TrainingSetup.keepProbabilities(corpusCounts, trainWords, params.sample()),
                    params.hs() ? HuffmanTree.build(vocab.counts()) : null,
                    params.negative() > 0 ? UnigramSampler.of(vocab.counts()) : null, rate);
            long start = System.nanoTime();
            List<Double> losses = runEpochs(setup, log);
            double seconds = (System.nanoTime() - start) / 1e9;
            TrainingStats stats = new TrainingStats(tokens, trainWords, vocab.size(), newWords, phrases, seconds, losses);
            if (log != null) {
                log.printf(Locale.ROOT, "word2vec: %d epochs in %.1f s, %,.0f words/s, loss %.4f -> %.4f%n", params.epochs(), seconds,
                        stats.wordsPerSecond(), losses.get(0), losses.get(losses.size() - 1));
            }
            return new Result(model, stats);
        } finally {
            cache[0].close();
        }
    }

    private static long scan(Iterator<? extends List<String>> sentences, ToIntFunction<String> ids, CorpusCache cache) throws IOException {
        long tokens = 0;
        try (CorpusCache.Writer w = cache.writer()) {
            while (sentences.hasNext()) {
                boolean empty = true;
                for (String t : sentences.next()) {
                    String word = word(t);
                    if (word != null) {
                        w.add(ids.applyAsInt(word));
                        empty = false;
                        tokens++;
                    }
                }
                w.endSentence(empty);
            }
        }
        return tokens;
    }

    /**
     * Token ids for a corpus whose vocabulary is known: its words take the ids of their rows and
     * every other token one shared id, which maps to no row. The cache then has the length and
     * the training words of a fully counted corpus, so every thread's slice and every update is the same.
     */
    private static ToIntFunction<String> knownWords(TokenTable table, Vocabulary vocabulary) {
        for (int i = 0; i < vocabulary.size(); i++) {
            table.intern(vocabulary.word(i));
        }
        // No word holds whitespace (wordForm), so this cannot be one.
        int other = table.intern(" ");
        return word -> {
            int id = table.id(word);
            id = id < 0 ? other : id;
            table.increment(id);
            return id;
        };
    }

    /**
     * The counted vocabulary, once its counts and its corpus' token total are found equal to those
     * of the corpus just read: the total catches words of other data that the vocabulary does not
     * hold (a word new in the data, seen often, would have been in it), which no count of its own words shows.
     */
    private static Vocabulary checked(CountedVocabulary counted, TokenTable table, long tokens) {
        Vocabulary v = counted.vocabulary();
        String recount = ": it was counted on other data or with other stages; count it again from this training file";
        for (int i = 0; i < v.size(); i++) {
            if (table.count(i) != v.count(i)) {
                throw new Word2VecParams.InvalidParameterException("vocabulary", "counts '" + v.word(i) + "' " + v.count(i)
                        + " times, but the training data holds it " + table.count(i) + " times" + recount);
            }
        }
        if (counted.corpusTokens() >= 0 && counted.corpusTokens() != tokens) {
            long more = tokens - counted.corpusTokens();
            throw new Word2VecParams.InvalidParameterException("vocabulary", "was counted on " + counted.corpusTokens() + " tokens, but"
                    + " the training data holds " + tokens + " (" + Math.abs(more) + (more > 0 ? " more" : " fewer") + ", of words it"
                    + " does not hold)" + recount);
        }
        return v;
    }

    /** A token as training counts it, or {@code null} for a token it skips (empty). */
    static String word(String token) {
        return token == null || token.isEmpty() ? null : wordForm(token);
    }

    /** The word2vec formats separate words by whitespace, so whitespace inside a token becomes '_'. */
    static String wordForm(String token) {
        char[] chars = null;
        for (int i = 0; i < token.length(); i++) {
            // every whitespace the formats' readers split on, not only ASCII's: U+3000, U+2028, U+2000-U+200A, and
            // the no-break spaces and U+0085 that Python's split() and splitlines() also split on
            if (PyText.isSpace(token.charAt(i))) {
                if (chars == null) {
                    chars = token.toCharArray();
                }
                chars[i] = '_';
            }
        }
        return chars == null ? token : new String(chars);
    }

    private static List<Double> runEpochs(TrainingSetup setup, PrintStream log) {
        Word2VecParams p = setup.params();
        long size = setup.cache().size();
        int threads = p.threads();
        TrainingWorker.LearningRate rate = setup.rate();
        Progress progress = log == null ? null : new Progress(log, "words", rate.totalWords(), rate::processed);
        List<Double> losses = new ArrayList<>();
        for (int epoch = 0; epoch < p.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            long wordsBefore = rate.processed();
            TrainingWorker[] workers = new TrainingWorker[threads];
            Thread[] running = new Thread[threads];
            Throwable[] failure = new Throwable[1];
            for (int t = 0; t < threads; t++) {
                int thread = t;
                long seed = seed(p.seed(), epoch, t);
                // The worker and its buffers are allocated by its own thread, in that thread's allocation
                // buffer, so no cache line that one thread writes per word is shared with another thread.
                running[t] = new Thread(() -> {
                    workers[thread] = new TrainingWorker(setup, size * thread / threads, size * (thread + 1) / threads, seed);
                    workers[thread].run();
                }, "word2vec-" + t);
                running[t].setUncaughtExceptionHandler((th, e) -> {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                });
                running[t].start();
            }
            for (Thread th : running) {
                while (th.isAlive()) {
                    try {
                        th.join(250);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("word2vec training was interrupted");
                    }
                    if (progress != null) {
                        progress.update(rate.processed(), String.format(Locale.ROOT, "epoch %d/%d  alpha %.5f", epoch + 1, p.epochs(),
                                rate.current()));
                    }
                }
            }
            if (failure[0] != null) {
                if (failure[0] instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("a word2vec training thread failed: " + failure[0], failure[0]);
            }
            double loss = 0;
            long terms = 0;
            for (TrainingWorker w : workers) {
                loss += w.loss();
                terms += w.lossTerms();
            }
            losses.add(terms > 0 ? loss / terms : 0);
            if (!setup.model().finite()) {
                // the loss alone does not tell: it is infinite at times while the weights are still finite
                throw new Word2VecParams.InvalidParameterException("alpha", "is " + p.alpha() + ", too high for this corpus: the"
                        + " training diverged in epoch " + (epoch + 1) + " of " + p.epochs() + " (its vectors hold NaN or infinite"
                        + " values) and no model is written; lower it (the default is " + Word2VecParams.defaultAlpha(p.arch())
                        + " for " + p.arch().key() + ")");
            }
            if (log != null) {
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                log.printf(Locale.ROOT, "word2vec: epoch %d/%d in %.1f s, %,.0f words/s, loss %.4f%n", epoch + 1, p.epochs(), seconds,
                        (rate.processed() - wordsBefore) / seconds, losses.get(epoch));
            }
        }
        if (progress != null) {
            progress.finish();
        }
        return losses;
    }

    /** Distinct, well-mixed seeds for each (epoch, thread) from the run's seed (SplitMix64 finalizer). */
    static long seed(long seed, int epoch, int thread) {
        long z = seed + 0x9E3779B97F4A7C15L * (1 + epoch * 1024L + thread);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
