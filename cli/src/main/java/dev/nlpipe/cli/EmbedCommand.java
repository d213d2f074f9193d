package dev.nlpipe.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nlpipe.bert.Pooling;
import dev.nlpipe.bert.embed.BertEmbedStage;
import dev.nlpipe.bert.embed.SentenceEncoder;
import dev.nlpipe.core.config.Suggest;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.model.LoadOptions;
import dev.nlpipe.core.model.ModelDir;
import dev.nlpipe.core.model.ModelException;
import dev.nlpipe.embed.word2vec.VectorFormat;
import dev.nlpipe.embed.word2vec.WordVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nlpipe embed ...}: queries on word vectors (any word2vec text or binary file, or a word2vec model directory). */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Query word vectors: nearest neighbours, cosine similarity, analogies. VECTORS is a word2vec model directory "
                + "or a word2vec text (.txt, .vec) or binary (.bin) file, e.g. from gensim, fastText or the C tool; similarity also"
                + " takes a BERT encoder directory and two texts.",
        subcommands = {EmbedCommand.Neighbors.class, EmbedCommand.Similarity.class, EmbedCommand.Analogy.class,
                CommandLine.HelpCommand.class})
public final class EmbedCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // the command line it was parsed in, so the hint names it as typed: 'nlpipe embed --help'
        throw new CommandLine.ParameterException(spec.commandLine(), "name a query: neighbors, similarity or analogy");
    }

    /** Loads vectors, turning a missing or malformed file into a usage error (exit code 2). */
    static WordVectors load(CommandSpec spec, Path path) throws IOException {
        try {
            return WordVectors.load(path);
        } catch (VectorFormat.VectorFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static int row(CommandSpec spec, WordVectors v, String word) {
        int i = v.indexOf(word);
        if (i < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "'" + word + "' is not in the vocabulary of " + v.size() + " words"
                    + suggestion(v, word));
        }
        return i;
    }

    /**
     * "; did you mean 'king'?" for a word that is in the vocabulary in another case (corpora are
     * often lowercased before training), else for the closest spellings among the most frequent
     * words; the empty string when none is close.
     */
    static String suggestion(WordVectors v, String word) {
        List<String> cased = new ArrayList<>();
        for (String form : List.of(word.toLowerCase(Locale.ROOT), word.toUpperCase(Locale.ROOT),
                word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1).toLowerCase(Locale.ROOT))) {
            if (!form.equals(word) && v.contains(form) && !cased.contains(form)) {
                cased.add(form);
            }
        }
        // vocabularies are sorted by frequency and can hold millions of words: the frequent ones are the likely intent
        List<String> frequent = List.of(v.words()).subList(0, Math.min(v.size(), 50_000));
        return Suggest.didYouMeanWord(word, cased.isEmpty() ? frequent : cased);
    }

    /** How many words a query lists, among which, and how. */
    static final class ListOptions {
        @Option(names = {"-k", "--top"}, defaultValue = "10", description = "how many words (default: ${DEFAULT-VALUE})")
        int k;
        @Option(names = "--restrict-vocab", defaultValue = "0", paramLabel = "N", description = "consider only the N most frequent words (0 = all)")
        int restrict;
        @Option(names = "--json", description = "print a JSON array of {word, score}")
        boolean json;

        /** Refuses a {@code -k} or {@code --restrict-vocab} that lists nothing, before the vectors are loaded. */
        void check(CommandSpec spec) {
            if (k < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "-k must be at least 1, not " + k);
            }
            if (restrict < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--restrict-vocab must be 0 (all words) or more, not " + restrict);
            }
        }

        /** How many of the most frequent words are candidates. */
        int limit(WordVectors v) {
            return restrict > 0 ? restrict : v.size();
        }

        void print(CommandSpec spec, List<WordVectors.Neighbor> result) throws IOException {
            warnIfEmpty(spec, result);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(DocumentJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows(result)));
            } else {
                for (WordVectors.Neighbor n : result) {
                    out.printf(Locale.ROOT, "%s\t%.6f%n", n.word(), n.score());
                }
            }
            out.flush();
        }

        /** Several words' lists as one JSON object, word → its list (two arrays one after the other would be no JSON). */
        void printJson(CommandSpec spec, Map<String, List<WordVectors.Neighbor>> results) throws IOException {
            Map<String, Object> all = new LinkedHashMap<>();
            for (Map.Entry<String, List<WordVectors.Neighbor>> e : results.entrySet()) {
                warnIfEmpty(spec, e.getValue());
                all.put(e.getKey(), rows(e.getValue()));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(DocumentJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
            out.flush();
        }

        private static List<Map<String, Object>> rows(List<WordVectors.Neighbor> result) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (WordVectors.Neighbor n : result) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("word", n.word());
                row.put("score", n.score());
                rows.add(row);
            }
            return rows;
        }

        private void warnIfEmpty(CommandSpec spec, List<WordVectors.Neighbor> result) {
            if (result.isEmpty()) {
                spec.commandLine().getErr().println("nlpipe: no candidate word: " + (restrict > 0 ? "the " + restrict
                        + " most frequent words (--restrict-vocab) are all query words" : "the vectors hold only the query words"));
            }
        }
    }

    /** {@code nlpipe embed neighbors VECTORS WORD...}. */
    @Command(name = "neighbors", mixinStandardHelpOptions = true,
            description = "The words closest to each WORD by cosine similarity; with several words, one list each, under a 'WORD:' line"
                    + " (with --json, one object: WORD -> its list).")
    static final class Neighbors implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "VECTORS", description = "word2vec model directory or vectors file")
        Path vectors;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "WORD", description = "one or more words")
        List<String> words;
        @Mixin
        ListOptions list;

        @Override
        public Integer call() throws IOException {
            list.check(spec);
            WordVectors v = load(spec, vectors);
            List<Integer> rows = new ArrayList<>();
            for (String word : words) {
                rows.add(row(spec, v, word)); // every word checked before any output, so a typo costs no half-printed result
            }
            List<List<WordVectors.Neighbor>> results = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                results.add(v.nearest(v.vector(words.get(i)), list.k, list.limit(v), rows.get(i)));
            }
            if (words.size() > 1 && list.json) {
                Map<String, List<WordVectors.Neighbor>> byWord = new LinkedHashMap<>();
                for (int i = 0; i < words.size(); i++) {
                    byWord.put(words.get(i), results.get(i));
                }
                list.printJson(spec, byWord);
                return ExitCodes.OK;
            }
            PrintWriter out = spec.commandLine().getOut();
            for (int i = 0; i < words.size(); i++) {
                if (words.size() > 1) {
                    out.println((i > 0 ? "\n" : "") + words.get(i) + ":");
                }
                list.print(spec, results.get(i));
            }
            return ExitCodes.OK;
        }
    }

    /** {@code nlpipe embed similarity VECTORS W1 W2}, or {@code ENCODER TEXT1 TEXT2} for a BERT encoder directory. */
    @Command(name = "similarity", mixinStandardHelpOptions = true,
            description = "The cosine similarity of two words; or, when VECTORS is a BERT encoder directory (kind encoder.bert:"
                    + " `nlpipe model import`, task pretrain.mlm), of the sentence vectors of two texts, as stage embed.bert"
                    + " computes them.")
    static final class Similarity implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "VECTORS", description = "word2vec model directory or vectors file, or an encoder.bert directory")
        Path vectors;
        @Parameters(index = "1", paramLabel = "WORD1", description = "a word (a text for an encoder)")
        String a;
        @Parameters(index = "2", paramLabel = "WORD2", description = "a word (a text for an encoder)")
        String b;
        /** No default here: given for word vectors, which have no pooling, it is refused rather than ignored. */
        @Option(names = "--pooling", paramLabel = "POOLING", description = "for an encoder, as stage embed.bert takes it: cls, mean,"
                + " or pooler for an encoder that has one (default: cls); not for word vectors")
        String pooling;
        /** No default here either: word vectors have no length to cut at. */
        @Option(names = "--max-length", paramLabel = "N", description = "for an encoder, as stage embed.bert takes maxLength: the most"
                + " word pieces read per text, [CLS] and [SEP] included (default: the encoder's positions); not for word vectors")
        Integer maxLength;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (isEncoder(vectors)) {
                String how = pooling == null ? BertEmbedStage.POOLINGS.get(0) : pooling;
                if (!BertEmbedStage.POOLINGS.contains(how)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--pooling is " + String.join(", ", BertEmbedStage.POOLINGS)
                            + ", not '" + pooling + "'");
                }
                try (SentenceEncoder enc = SentenceEncoder.load(vectors, Pooling.parse(how, false), true, maxLength == null ? 0 : maxLength,
                        LoadOptions.DEFAULT)) {
                    float[][] v = enc.embed(List.of(a, b));
                    out.printf(Locale.ROOT, "%.6f%n", SentenceEncoder.dot(v[0], v[1]));
                } catch (ModelException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
                out.flush();
                return ExitCodes.OK;
            }
            if (pooling != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--pooling is for an encoder directory, and " + vectors
                        + " holds word vectors: the similarity of two words is the cosine of their vectors, with nothing to pool."
                        + " Leave --pooling out");
            }
            if (maxLength != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--max-length is for an encoder directory, and " + vectors
                        + " holds word vectors, which read no word pieces. Leave --max-length out");
            }
            WordVectors v = load(spec, vectors);
            out.printf(Locale.ROOT, "%.6f%n", v.similarity(row(spec, v, a), row(spec, v, b)));
            out.flush();
            return ExitCodes.OK;
        }

        /**
         * Whether {@code dir} is for the encoder to open (and, when it cannot, to say why): a model
         * directory of any kind but word vectors (a damaged encoder, a fine-tuned classifier), or a
         * Hugging Face directory not yet imported. Telling the word2vec reader's "no vectors.bin"
         * instead would hide what is wrong.
         */
        private static boolean isEncoder(Path dir) {
            if (!Files.isRegularFile(dir.resolve(ModelDir.MODEL_JSON))) {
                return Files.isRegularFile(dir.resolve("config.json"));
            }
            try {
                return !ModelDir.read(dir).kind().startsWith("embed.word2vec");
            } catch (ModelException e) {
                return true;
            }
        }
    }

    /** {@code nlpipe embed analogy VECTORS A B C}. */
    @Command(name = "analogy", mixinStandardHelpOptions = true,
            description = "Answers 'A is to B as C is to ?' (man king woman -> queen): the words closest to B - A + C.")
    static final class Analogy implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "VECTORS", description = "word2vec model directory or vectors file")
        Path vectors;
        @Parameters(index = "1", paramLabel = "A")
        String a;
        @Parameters(index = "2", paramLabel = "B")
        String b;
        @Parameters(index = "3", paramLabel = "C")
        String c;
        @Option(names = "--method", defaultValue = "add", description = "add (3CosAdd) or mul (3CosMul); default: ${DEFAULT-VALUE}")
        String method;
        @Mixin
        ListOptions list;

        @Override
        public Integer call() throws IOException {
            WordVectors.AnalogyMethod m = EvalEmbedCommand.method(spec, method);
            list.check(spec);
            WordVectors v = load(spec, vectors);
            list.print(spec, v.analogy(row(spec, v, a), row(spec, v, b), row(spec, v, c), m, list.k, list.limit(v)));
            return ExitCodes.OK;
        }
    }
}
