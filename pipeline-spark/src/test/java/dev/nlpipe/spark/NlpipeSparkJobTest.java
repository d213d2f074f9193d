package dev.nlpipe.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.config.PipelineConfig;
import dev.nlpipe.core.config.YamlLoader;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.run.OnError;
import dev.nlpipe.core.run.RunOptions;
import dev.nlpipe.core.run.RunSummary;
import dev.nlpipe.core.testing.TrainingRuns;
import dev.nlpipe.ner.bilstm.SyntheticCorpus;
import dev.nlpipe.ner.bilstm.Training;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job against {@code nlpipe run} (the same {@link Pipeline#run} the command calls) on the same input. */
class NlpipeSparkJobTest {
    @TempDir
    static Path dir;
    static Path corpus;
    static Path tfidf;

    @BeforeAll
    static void trainTfidf() throws IOException {
        corpus = TestCorpus.copy(dir);
        tfidf = TestCorpus.tfidf(dir, corpus);
    }

    private static Path pipeline(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), yaml, StandardCharsets.UTF_8);
    }

    /** Tokens and sentences in batches of two, so a split file's documents cross batches as well as tasks. */
    private static Path splitPipeline(String name, String format) throws IOException {
        return pipeline(name, """
                pipeline: %s
                input: { format: %s }
                stages: [ { type: tokenize.regex }, { type: sentence.split } ]
                onError: skip
                batchSize: 2
                """.formatted(name, format));
    }

    private static String segmentTfidf(String onError) {
        return """
                pipeline: seg-tfidf
                input: { format: text }
                stages:
                  - type: segment
                  - type: sentence.split
                  - type: vectorize.tfidf
                    model: %s
                onError: %s
                batchSize: 4
                """.formatted(tfidf, onError);
    }

    /** What {@code nlpipe run PIPELINE --input IN --output OUT} writes, and its exit code. */
    private static int runLocally(Path yaml, Path in, Path out) throws IOException {
        return runLocallySummary(yaml, in, out).exitCode();
    }

    /** {@link #runLocally}, returning {@code nlpipe run}'s summary. */
    private static RunSummary runLocallySummary(Path yaml, Path in, Path out) throws IOException {
        PipelineConfig cfg = PipelineConfig.load(yaml, List.of("input.path=" + in, "output.path=" + out, "output.format=jsonl"));
        try (Pipeline p = Pipeline.fromConfig(cfg)) {
            RunOptions o = p.defaultRunOptions(false);
            return p.run(new RunOptions(2, o.batchSize(), o.onError(), false), null);
        }
    }

    private static int runOnSpark(Path yaml, Path in, Path out, StringBuilder log) {
        return runOnSpark(yaml, in.toString(), out, log);
    }

    /** The job on an input named as on its command line: a path or a Hadoop URI. */
    private static int runOnSpark(Path yaml, String in, Path out, StringBuilder log) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = NlpipeSparkJob.run(LocalSpark.get(), new String[] {"run", yaml.toString(), "--input", in,
                "--output", out.toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        log.append(bytes.toString(StandardCharsets.UTF_8));
        return code;
    }

    /**
     * Runs {@code yaml} over {@code in} with {@code nlpipe run} into {@code NAME-local.jsonl} and
     * on Spark into {@code NAME-spark}, checks that both succeed and returns the local lines.
     */
    private static List<String> runBoth(Path yaml, Path in, String name) throws IOException {
        Path local = dir.resolve(name + "-local.jsonl");
        assertEquals(0, runLocally(yaml, in, local));
        StringBuilder log = new StringBuilder();
        assertEquals(0, runOnSpark(yaml, in, dir.resolve(name + "-spark"), log), log::toString);
        return Files.readAllLines(local, StandardCharsets.UTF_8);
    }

    /** The lines of a Spark output directory's part files, in part order. */
    private static List<String> partLines(Path outDir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(outDir)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static List<String> sortedById(List<String> lines) {
        return lines.stream().sorted(Comparator.comparing((String l) -> id(l)).thenComparing(l -> l)).toList();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof String t ? t.getBytes(StandardCharsets.UTF_8) : (byte[]) p);
        }
        return out.toByteArray();
    }

    private static String id(String json) {
        try {
            var node = DocumentJson.mapper().readTree(json);
            return node.has("id") ? node.get("id").asText() : node.path("source").asText() + ":" + node.path("line").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void segmentationAndTfidfEqualNlpipeRun() throws IOException {
        Path yaml = pipeline("seg-tfidf", segmentTfidf("skip"));
        Path local = dir.resolve("local.jsonl");
        assertEquals(0, runLocally(yaml, corpus, local));
        StringBuilder log = new StringBuilder();
        Path spark = dir.resolve("spark-out");
        assertEquals(0, runOnSpark(yaml, corpus, spark, log), log::toString);

        List<String> expected = Files.readAllLines(local, StandardCharsets.UTF_8);
        List<String> actual = partLines(spark);
        assertEquals(24, expected.size());
        assertTrue(expected.get(0).contains("\"tfidf\""), "documents carry TF-IDF vectors");
        assertEquals(sortedById(expected), sortedById(actual));
        assertTrue(Files.exists(spark.resolve("_SUCCESS")), "published through the commit protocol");
    }

    @Test
    void parquetOutputHoldsTheDocumentsOfNlpipeRunAsTypedColumns() throws IOException {
        Path yaml = pipeline("seg-tfidf-parquet", segmentTfidf("skip") + "output: { format: parquet }\n");
        List<String> expected = runBoth(yaml, corpus, "parquet");

        Dataset<Row> read = LocalSpark.get().read().parquet(dir.resolve("parquet-spark").toString());
        assertEquals(DocumentRows.SCHEMA.catalogString(), read.schema().catalogString());
        List<String> actual = read.collectAsList().stream().map(r -> DocumentJson.toJson(DocumentRows.toDocument(r))).toList();
        assertEquals(sortedById(expected), sortedById(actual));
        assertTrue(read.where("size(vectors['tfidf'].indices) > 0 AND size(sentences) > 0").count() > 0, "typed layers are queryable");
    }

    @Test
    void anUnknownOutputFormatIsAConfigurationError() throws IOException {
        Path yaml = pipeline("orc", segmentTfidf("skip") + "output: { format: orc }\n");
        StringBuilder log = new StringBuilder();
        assertEquals(2, runOnSpark(yaml, corpus, dir.resolve("orc-out"), log), log::toString);
        assertTrue(log.toString().contains("'jsonl' or 'parquet'"), log::toString);
        // a key jsonl does not take is refused, as nlpipe run refuses it
        Path typo = pipeline("jsonl-typo", segmentTfidf("skip") + "output: { format: jsonl, prety: true }\n");
        StringBuilder typoLog = new StringBuilder();
        assertEquals(2, runOnSpark(typo, corpus, dir.resolve("typo-out"), typoLog), typoLog::toString);
        assertTrue(typoLog.toString().contains("prety"), typoLog::toString);
    }

    @Test
    void anOutputOverTheInputOrAnEmptyInputIsRefusedAndTheCorpusKept() throws IOException {
        Path yaml = pipeline("apart", "pipeline: apart\ninput: { format: text }\nstages: [ { type: tokenize.regex } ]\n");
        Path corpusDir = Files.createDirectories(dir.resolve("apart-corpus"));
        Path a = Files.writeString(corpusDir.resolve("a.txt"), "one line\n");
        StringBuilder log = new StringBuilder();
        // publishing moves the output aside and deletes it: the input with it
        assertEquals(2, runOnSpark(yaml, corpusDir, corpusDir, log), log::toString);
        assertTrue(log.toString().contains("lies in the output"), log::toString);
        assertTrue(Files.exists(a), "the corpus is kept");
        Path empty = Files.createDirectories(dir.resolve("apart-empty"));
        StringBuilder emptyLog = new StringBuilder();
        assertEquals(2, runOnSpark(yaml, empty, dir.resolve("apart-out"), emptyLog), emptyLog::toString);
        assertTrue(emptyLog.toString().contains("holds no file"), emptyLog::toString);
        StringBuilder gzLog = new StringBuilder();
        assertEquals(2, runOnSpark(yaml, corpusDir, dir.resolve("apart-out.jsonl.gz"), gzLog), gzLog::toString);
        assertTrue(gzLog.toString().contains("leave .gz out"), gzLog::toString);
        // output.errors is taken as nlpipe run takes it
        Path withErrors = pipeline("apart-errors", "pipeline: apart\ninput: { format: jsonl }\nstages: [ { type: tokenize.regex } ]\n"
                + "output: { format: jsonl, errors: " + dir.resolve("apart-bad") + " }\n");
        Path jsonl = Files.createDirectories(dir.resolve("apart-jsonl"));
        Files.writeString(jsonl.resolve("a.jsonl"), "{\"text\": \"fine\"}\n{\"text\": 3}\n");
        StringBuilder errorsLog = new StringBuilder();
        assertEquals(1, runOnSpark(withErrors, jsonl, dir.resolve("apart-errors-out"), errorsLog), errorsLog::toString);
        assertEquals(1, partLines(dir.resolve("apart-bad")).size());
        assertFalse(Files.exists(dir.resolve("apart-errors-out.errors.jsonl")));
        // output.errors over the output, or inside it: publishing one deleted the other
        for (String errors : List.of("apart-same", "apart-same/errors")) {
            Path clash = pipeline("apart-clash", "pipeline: apart\ninput: { format: jsonl }\nstages: [ { type: tokenize.regex } ]\n"
                    + "output: { format: jsonl, errors: " + dir.resolve(errors) + " }\n");
            StringBuilder clashLog = new StringBuilder();
            assertEquals(2, runOnSpark(clash, jsonl, dir.resolve("apart-same"), clashLog), clashLog::toString);
            assertTrue(clashLog.toString().contains("overlap"), clashLog::toString);
        }
    }

    @Test
    void standardInputAndOutputAreRefusedAsSettings() throws IOException {
        Path yaml = pipeline("dash", "pipeline: dash\ninput: { format: text }\nstages: [ { type: tokenize.regex } ]\n");
        Path corpusDir = Files.createDirectories(dir.resolve("dash-corpus"));
        Files.writeString(corpusDir.resolve("a.txt"), "one line\n");
        StringBuilder in = new StringBuilder();
        assertEquals(2, runOnSpark(yaml, "-", dir.resolve("dash-out"), in), in::toString);
        assertTrue(in.toString().contains("cannot read standard input"), in::toString);
        StringBuilder out = new StringBuilder();
        assertEquals(2, runOnSpark(yaml, corpusDir, Path.of("-"), out), out::toString);
        assertTrue(out.toString().contains("cannot write standard output"), out::toString);
        assertFalse(Files.exists(Path.of("-")), "no directory named -");
    }

    @Test
    void aGlobSelectsTheSameFilesThroughAHadoopUriAsLocally() throws IOException {
        Path in = Files.createDirectories(dir.resolve("glob-uri/2024/may"));
        Files.writeString(dir.resolve("glob-uri/top.jsonl"), "{\"text\": \"top\"}\n");
        Files.writeString(dir.resolve("glob-uri/2024/a.jsonl"), "{\"text\": \"a\"}\n");
        Files.writeString(in.resolve("b.jsonl"), "{\"text\": \"b\"}\n");
        Files.writeString(in.resolve("c.txt"), "not json\n");
        for (String glob : List.of("**/*.jsonl", "2024/**/*.jsonl", "*.jsonl")) {
            Path yaml = pipeline("glob-uri", "pipeline: g\ninput: { format: jsonl, recursive: true, glob: '" + glob + "' }\n"
                    + "stages: [ { type: tokenize.regex } ]\n");
            Path local = dir.resolve("glob-local.jsonl");
            assertEquals(0, runLocally(yaml, dir.resolve("glob-uri"), local), glob);
            Path out = dir.resolve("glob-spark");
            StringBuilder log = new StringBuilder();
            assertEquals(0, runOnSpark(yaml, dir.resolve("glob-uri").toUri().toString(), out, log), log::toString);
            List<String> texts = partLines(out).stream().map(l -> l.replaceAll(".*\"text\":\"([^\"]*)\".*", "$1")).sorted().toList();
            assertEquals(Files.readAllLines(local).stream().map(l -> l.replaceAll(".*\"text\":\"([^\"]*)\".*", "$1")).sorted().toList(),
                    texts, glob);
            // **/ matches no directory too; a glob without / matches names at any depth
            assertEquals(glob.startsWith("2024") ? List.of("a", "b") : List.of("a", "b", "top"), texts, glob);
        }
    }

    @Test
    void aGzipFileCutShortIsOneBadRecordAsLocallyNotTheJobsEnd() throws IOException {
        Path in = Files.createDirectories(dir.resolve("gz-in"));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append("line ").append(i).append(" of a long file\n");
        }
        for (String name : List.of("a.txt.gz", "b.txt.gz")) {
            java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream o = new java.util.zip.GZIPOutputStream(gz)) {
                o.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            byte[] bytes = gz.toByteArray();
            Files.write(in.resolve(name), name.startsWith("b") ? java.util.Arrays.copyOf(bytes, bytes.length / 2) : bytes);
        }
        Path yaml = pipeline("gz", "pipeline: gz\ninput: { format: text }\nstages: [ { type: tokenize.regex } ]\n");
        Path local = dir.resolve("gz-local.jsonl");
        RunSummary localRun = runLocallySummary(yaml, in, local);
        assertEquals(1, localRun.exitCode());
        StringBuilder log = new StringBuilder();
        Path spark = dir.resolve("gz-spark");
        assertEquals(1, runOnSpark(yaml, in, spark, log), log::toString);
        assertEquals(sortedById(Files.readAllLines(local)), sortedById(partLines(spark)));
        List<String> errors = partLines(dir.resolve("gz-spark.errors.jsonl"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("b.txt.gz") && errors.get(0).contains("cannot read the file"), errors.toString());
    }

    @Test
    void aBiLstmCrfTaggerEqualsNlpipeRun() throws IOException {
        Path train = SyntheticCorpus.chinese(dir.resolve("ner-train.bmes"), 80, 1);
        Path dev = SyntheticCorpus.chinese(dir.resolve("ner-dev.bmes"), 20, 2);
        Path model = dir.resolve("ner-zh");
        Training.run(dir, Training.chineseYaml(train, dev, dev), model);
        Path in = Files.createDirectories(dir.resolve("ner-in"));
        Files.writeString(in.resolve("one.txt"), "张伟在北京的华为公司工作。\n王芳毕业于清华大学。\n今天上海下雨了。\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("two.txt"), "腾讯集团位于深圳。\n我和李强去了杭州。\n", StandardCharsets.UTF_8);
        Path yaml = pipeline("ner", """
                pipeline: ner
                input: { format: text }
                stages:
                  - type: ner
                    model: %s
                batchSize: 2
                """.formatted(model));

        List<String> expected = runBoth(yaml, in, "ner");
        assertEquals(5, expected.size());
        assertTrue(expected.stream().anyMatch(l -> l.contains("\"type\":\"LOC\"")), "the tagger finds entities: " + expected);
        assertEquals(sortedById(expected), sortedById(partLines(dir.resolve("ner-spark"))));
    }

    @Test
    void augmentationAddsTheVariantsNlpipeRunMakes() throws IOException {
        Path in = Files.writeString(dir.resolve("augment-in.jsonl"), """
                {"id": "a", "text": "the hotel room was clean and quiet at night", "label": "pos"}
                {"id": "b", "text": "the staff at the desk were rude and slow", "label": "neg"}
                {"id": "c", "text": "breakfast was cold but the view was lovely", "label": "pos"}
                """, StandardCharsets.UTF_8);
        // swaps and deletions only: variants seeded by the document ids, with no synonym data to load
        Path yaml = pipeline("augment", """
                pipeline: augment
                input: { format: jsonl }
                stages:
                  - type: tokenize.regex
                  - type: augment.eda
                    with: { alphaSr: 0, alphaRi: 0, alphaRs: 0.2, pRd: 0.2, numAug: 2, seed: 7 }
                """);
        List<String> expected = runBoth(yaml, in, "augment");
        assertEquals(9, expected.size(), expected::toString);
        assertEquals(sortedById(expected), sortedById(partLines(dir.resolve("augment-spark"))));
    }

    @Test
    void aLinearClassifierEqualsNlpipeRun() throws IOException {
        StringBuilder train = new StringBuilder();
        String[][] words = {{"goal", "match", "team", "league"}, {"vote", "party", "election", "minister"}};
        for (int i = 0; i < 60; i++) {
            int c = i % 2;
            train.append("{\"id\": \"t%d\", \"text\": \"the %s and the %s today\", \"label\": \"%s\"}\n".formatted(i,
                    words[c][i % 4], words[c][(i / 4) % 4], c == 0 ? "sport" : "politics"));
        }
        Path data = Files.writeString(dir.resolve("classify-train.jsonl"), train, StandardCharsets.UTF_8);
        Path model = TrainingRuns.train(dir, """
                task: classify.linear
                data: { train: %s, format: jsonl }
                stages: [ { type: tokenize.regex } ]
                model: { C: 1 }
                """.formatted(data), "classify");
        Path in = Files.writeString(dir.resolve("classify-in.jsonl"), """
                {"id": "c1", "text": "the team won the match"}
                {"id": "c2", "text": "the party lost the election"}
                {"id": "c3", "text": "a minister at the league"}
                """, StandardCharsets.UTF_8);
        Path yaml = pipeline("classify", """
                pipeline: classify
                input: { format: jsonl }
                stages:
                  - type: tokenize.regex
                  - type: classify
                    model: %s
                """.formatted(model));

        List<String> expected = runBoth(yaml, in, "classify");
        assertTrue(expected.get(0).contains("\"labels\":{\"") && expected.get(1).contains("\"politics\""), expected::toString);
        assertEquals(sortedById(expected), sortedById(partLines(dir.resolve("classify-spark"))));
    }

    @Test
    void badRecordsGoToTheErrorsOutputAsLocally() throws IOException {
        Path in = dir.resolve("bad-in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("one.jsonl"), """
                {"id": "j1", "text": "Cats and dogs."}
                {"id": "j2", "text": "broken
                {"id": "j3", "text": "The cat sat on the mat."}
                """, StandardCharsets.UTF_8);
        byte[] invalidUtf8 = {'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, '\n', 'f', 'i', 'n', 'e', '\n'};
        Files.write(in.resolve("two.jsonl"), ("{\"id\": \"k1\", \"text\": \"北京天安门\"}\n{\"id\": \"k2\", \"text\": \"")
                .getBytes(StandardCharsets.UTF_8));
        Files.write(in.resolve("two.jsonl"), invalidUtf8, java.nio.file.StandardOpenOption.APPEND);
        // A file without bad records: the errors pass reads only the other two, and the counts must still be the first pass's.
        Files.writeString(in.resolve("zero.jsonl"), "{\"id\": \"z1\", \"text\": \"All good here.\"}\n", StandardCharsets.UTF_8);
        Path yaml = pipeline("bad", segmentTfidf("skip").replace("format: text", "format: jsonl"));

        Path local = dir.resolve("bad-local.jsonl");
        RunSummary localRun = runLocallySummary(yaml, in, local);
        assertEquals(1, localRun.exitCode());
        StringBuilder log = new StringBuilder();
        Path spark = dir.resolve("bad-spark");
        assertEquals(1, runOnSpark(yaml, in, spark, log), log::toString);
        assertTrue(log.toString().contains(String.format(java.util.Locale.ROOT, "read %,d, wrote %,d, failed %,d documents",
                localRun.read(), localRun.written(), localRun.failed())), () -> localRun + "\n" + log);

        assertEquals(sortedById(Files.readAllLines(local)), sortedById(partLines(spark)));
        List<String> localErrors = Files.readAllLines(dir.resolve("bad-local.jsonl.errors.jsonl"));
        assertFalse(localErrors.isEmpty());
        assertEquals(sortedById(localErrors), sortedById(partLines(dir.resolve("bad-spark.errors.jsonl"))));
    }

    /**
     * Runs {@code yaml} over {@code in} locally and on Spark with files split every {@code splitBytes}
     * bytes; checks that both find bad records and that the documents and bad records are
     * {@code nlpipe run}'s, in its order; returns the Spark job's log.
     */
    private static String runSplit(Path yaml, Path in, String name, int splitBytes) throws IOException {
        Path local = dir.resolve(name + "-local.jsonl");
        assertEquals(1, runLocally(yaml, in, local));
        StringBuilder log = new StringBuilder();
        LocalSpark.get().conf().set(FileSplits.MAX_PARTITION_BYTES, Integer.toString(splitBytes));
        try {
            assertEquals(1, runOnSpark(yaml, in, dir.resolve(name + "-spark"), log), log::toString);
        } finally {
            LocalSpark.get().conf().unset(FileSplits.MAX_PARTITION_BYTES);
        }
        assertEquals(Files.readAllLines(local), partLines(dir.resolve(name + "-spark")));
        assertEquals(Files.readAllLines(dir.resolve(name + "-local.jsonl.errors.jsonl")),
                partLines(dir.resolve(name + "-spark.errors.jsonl")));
        return log.toString();
    }

    /** The byte offsets, multiples of {@code step}, at which a line starts, and those a line crosses. */
    private static List<List<Integer>> boundaries(byte[] file, int step) {
        List<Integer> atLineStart = new ArrayList<>();
        List<Integer> inALine = new ArrayList<>();
        for (int at = step; at < file.length; at += step) {
            (file[at - 1] == '\n' ? atLineStart : inALine).add(at);
        }
        return List.of(atLineStart, inALine);
    }

    @Test
    void aLargeTextFileSplitAcrossTasksReadsAsNlpipeRunReadsIt() throws IOException {
        Path in = Files.createDirectories(dir.resolve("split-text-in"));
        byte[] text = bytes("The cat sat.\n", "\n", "Dogs bark at night.\r\n", "   \n",
                "A line much longer than any split, crossing several of them whole.\n",
                "ok\n", "bad ", new byte[] {(byte) 0xC3, (byte) 0x28}, "\n", "Fish swim.\r\n", "\n", "Birds fly south.\n",
                "北京天安门\n", "last line without an end");
        Files.write(in.resolve("big.txt"), text);
        List<List<Integer>> cuts = boundaries(text, 16);
        assertFalse(cuts.get(0).isEmpty(), "a split starts exactly at a line start");
        assertFalse(cuts.get(1).isEmpty(), "a line crosses a split boundary");
        // A compressed file cannot be split: it is read whole, however large.
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write(bytes("gzip one\n", "gzip two\n"));
        }
        Files.write(in.resolve("small.txt.gz"), gz.toByteArray());
        assertTrue(gz.size() > 16);
        Path yaml = splitPipeline("split-text", "text");

        String log = runSplit(yaml, in, "split-text", 16);
        int parts = (text.length + 15) / 16;
        assertTrue(log.contains("(spark, " + (parts + 1) + " partitions)"), log);
        List<String> local = Files.readAllLines(dir.resolve("split-text-local.jsonl"));
        assertTrue(local.stream().anyMatch(l -> l.contains("\"id\":\"big.txt:3\"") && l.contains("\"line\":3")), local::toString);
        assertTrue(Files.readString(dir.resolve("split-text-local.jsonl.errors.jsonl")).contains("\"line\":7"));
    }

    @Test
    void aLargeJsonlFileSplitAcrossTasksReadsAsNlpipeRunReadsIt() throws IOException {
        byte[] jsonl = bytes("{\"text\": \"The cat sat.\"}\n", "\n", "{\"id\": \"d\", \"text\": \"Dogs bark.\"}\r\n",
                "{\"text\": \"broken\n", "{\"text\": \"Fish swim.\", \"label\": \"sea\"}\n", "\n", "\n",
                "{\"text\": \"北京天安门\"}\n");
        Path in = Files.write(dir.resolve("split.jsonl"), jsonl);
        List<List<Integer>> cuts = boundaries(jsonl, 9);
        assertFalse(cuts.get(0).isEmpty(), "a split starts exactly at a line start");
        assertFalse(cuts.get(1).isEmpty(), "a line crosses a split boundary");
        Path yaml = pipeline("split-jsonl", segmentTfidf("skip").replace("format: text", "format: jsonl"));

        String log = runSplit(yaml, in, "split-jsonl", 9);
        assertTrue(log.contains("(spark, " + (jsonl.length + 8) / 9 + " partitions)"), log);
        assertTrue(Files.readString(dir.resolve("split-jsonl-local.jsonl.errors.jsonl")).contains("\"line\":4"));
        assertTrue(Files.readString(dir.resolve("split-jsonl-local.jsonl")).contains("\"id\":\"split.jsonl:8\""));
    }

    @Test
    void aLargeCsvFileSplitAcrossTasksReadsAsNlpipeRunReadsIt() throws IOException {
        Path in = Files.createDirectories(dir.resolve("split-csv-in"));
        byte[] csv = bytes("text,label\n", "The cat sat.,pets\n", "\n", "\n", "\n", "Dogs bark at night.,pets\r\n", "   ,blank\n",
                "A line much longer than any split; it crosses several of them whole.,long\n", "only one field\n",
                "bad ", new byte[] {(byte) 0xC3, (byte) 0x28}, ",x\n", "Fish swim.,sea\r\n", "\n", "Birds fly south.,\n",
                "北京天安门,places\n", "last line without an end,end");
        Files.write(in.resolve("big.csv"), csv);
        List<List<Integer>> cuts = boundaries(csv, 16);
        assertFalse(cuts.get(0).isEmpty(), "a split starts exactly at a line start");
        assertFalse(cuts.get(1).isEmpty(), "a line crosses a split boundary");
        // A quoted field may hold a line end: a file with a quote is read whole, however large.
        Files.writeString(in.resolve("quoted.csv"), "text,label\n\"two\nlines\",a\nplain text here,b\n", StandardCharsets.UTF_8);
        Path yaml = splitPipeline("split-csv", "csv");

        String log = runSplit(yaml, in, "split-csv", 16);
        assertTrue(log.contains("(spark, " + ((csv.length + 15) / 16 + 1) + " partitions)"), log);
        List<String> local = Files.readAllLines(dir.resolve("split-csv-local.jsonl"));
        assertTrue(local.stream().anyMatch(l -> l.contains("\"id\":\"big.csv:6\"") && l.contains("\"pets\"")), local::toString);
        assertTrue(local.stream().anyMatch(l -> l.contains("\"text\":\"two\\nlines\"")), local::toString);
        String errors = Files.readString(dir.resolve("split-csv-local.jsonl.errors.jsonl"));
        assertTrue(errors.contains("\"line\":9") && errors.contains("\"line\":10"), errors);
    }

    @Test
    void aHeaderlessTsvFileSplitAcrossTasksHoldsEveryRowToItsFirstRowsFields() throws IOException {
        Path in = Files.createDirectories(dir.resolve("split-tsv-in"));
        // 16 bytes a line, so every line starts a part: a part's own first row must not set its number of fields
        byte[] tsv = bytes("The cat sat..\tA\n", "Dogs bark....\tA\n", "three\tfields\txy\n", "Fish swim....\tB\n",
                "one field only.\n", "Birds fly....\tB\n");
        assertTrue(tsv.length == 6 * 16, "lines of 16 bytes");
        Files.write(in.resolve("big.tsv"), tsv);
        String log = runSplit(splitPipeline("split-tsv", "tsv, header: false"), in, "split-tsv", 16);
        assertTrue(log.contains("(spark, 6 partitions)"), log);
        String errors = Files.readString(dir.resolve("split-tsv-local.jsonl.errors.jsonl"));
        assertTrue(errors.contains("\"line\":3") && errors.contains("\"line\":5") && errors.contains("expected 2 fields"), errors);
        assertEquals(4, Files.readAllLines(dir.resolve("split-tsv-local.jsonl")).size());
    }

    @Test
    void aFileNamedByAHadoopUriSplitsAsTheLocalPath() throws IOException {
        Path in = Files.write(dir.resolve("split-uri.jsonl"), bytes("{\"text\": \"The cat sat.\"}\n", "\n",
                "{\"text\": \"A line longer than a split, crossing two of them.\"}\r\n", "{\"text\": \"broken\n",
                "{\"text\": \"北京天安门\"}\n"));
        String uri = in.toUri().toString();
        assertTrue(uri.startsWith("file:/"), uri);
        Path yaml = pipeline("split-uri", segmentTfidf("skip").replace("format: text", "format: jsonl"));
        Path local = dir.resolve("split-uri-local.jsonl");
        assertEquals(1, runLocally(yaml, in, local));
        StringBuilder log = new StringBuilder();
        Path out = dir.resolve("split-uri-spark");
        LocalSpark.get().conf().set(FileSplits.MAX_PARTITION_BYTES, "12");
        try {
            assertEquals(1, runOnSpark(yaml, uri, out, log), log::toString);
        } finally {
            LocalSpark.get().conf().unset(FileSplits.MAX_PARTITION_BYTES);
        }
        assertTrue(log.toString().contains("(spark, " + (Files.size(in) + 11) / 12 + " partitions)"), log::toString);
        // Through Hadoop the file is named by its URI; ids (file:line), lines and everything else are the local path's.
        List<String> spark = partLines(out);
        String uriSource = DocumentJson.mapper().readTree(spark.get(0)).path("meta").path("source").asText();
        assertTrue(uriSource.startsWith("file:") && uriSource.endsWith(in.toUri().getPath()), uriSource);
        String quoted = "\"" + in + "\"";
        assertEquals(Files.readAllLines(local).stream().map(l -> l.replace(quoted, "\"" + uriSource + "\"")).toList(), spark);
        assertEquals(Files.readAllLines(dir.resolve("split-uri-local.jsonl.errors.jsonl")).stream()
                .map(l -> l.replace(quoted, "\"" + uriSource + "\"")).toList(), partLines(dir.resolve("split-uri-spark.errors.jsonl")));
    }

    @Test
    void aRetriedTaskNeitherDuplicatesNorLosesDocuments() throws IOException {
        String yaml = segmentTfidf("skip").replace("  - type: sentence.split\n", "  - type: test.crash-once\n");
        Path pipeline = pipeline("crash", yaml);
        Path local = dir.resolve("crash-local.jsonl");
        assertEquals(0, runLocally(pipeline("crash-local", yaml.replace("test.crash-once", "util.noop")), corpus, local));
        StringBuilder log = new StringBuilder();
        Path spark = dir.resolve("crash-spark");
        assertEquals(0, runOnSpark(pipeline, corpus, spark, log), log::toString);
        assertEquals(sortedById(Files.readAllLines(local)), sortedById(partLines(spark)));
    }

    @Test
    void onErrorFailPublishesNothing() throws IOException {
        Path in = Files.writeString(dir.resolve("fail.jsonl"), "{\"id\": \"a\", \"text\": \"fine\"}\nnot json\n", StandardCharsets.UTF_8);
        Path yaml = pipeline("fail", segmentTfidf("fail").replace("format: text", "format: jsonl"));
        StringBuilder log = new StringBuilder();
        Path spark = dir.resolve("fail-spark");
        assertEquals(1, runOnSpark(yaml, in, spark, log), log::toString);
        assertFalse(Files.exists(spark.resolve("_SUCCESS")), log::toString);
        assertTrue(log.toString().contains("onError: fail"), log::toString);
    }

    @Test
    void aFailedRunKeepsTheEarlierOutputAndItsErrors() throws IOException {
        Path in = Files.writeString(dir.resolve("mixed.jsonl"), "{\"id\": \"a\", \"text\": \"fine\"}\nnot json\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("kept");
        StringBuilder log = new StringBuilder();
        assertEquals(1, runOnSpark(pipeline("skip", segmentTfidf("skip").replace("format: text", "format: jsonl")), in, out, log),
                log::toString);
        List<String> documents = partLines(out);
        List<String> errors = partLines(dir.resolve("kept.errors.jsonl"));
        assertEquals(1, documents.size());
        assertEquals(1, errors.size());
        log.setLength(0);
        assertEquals(1, runOnSpark(pipeline("fail", segmentTfidf("fail").replace("format: text", "format: jsonl")), in, out, log),
                log::toString);
        assertTrue(log.toString().contains("onError: fail"), log::toString);
        assertTrue(Files.exists(out.resolve("_SUCCESS")), "the earlier output is still there");
        assertEquals(documents, partLines(out));
        assertEquals(errors, partLines(dir.resolve("kept.errors.jsonl")), "and its errors");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.contains(".nlpipe-")).toList(),
                    "no staging directories left");
        }

        // a driver killed inside publish, after moving the earlier output aside: the next run moves it back
        Files.move(out, dir.resolve(".kept.nlpipe-old-dead"));
        Files.move(dir.resolve("kept.errors.jsonl"), dir.resolve(".kept.errors.jsonl.nlpipe-old-dead"));
        assertEquals(1, runOnSpark(pipeline("fail", segmentTfidf("fail").replace("format: text", "format: jsonl")), in, out, log),
                log::toString);
        assertEquals(documents, partLines(out), "the earlier output is back");
        assertFalse(Files.exists(dir.resolve("kept.errors.jsonl")), "an errors output moved aside is not put back beside any output");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.contains(".nlpipe-")).toList());
        }
        Files.move(out, dir.resolve(".kept.nlpipe-old-dead"));
        log.setLength(0);
        assertEquals(1, runOnSpark(pipeline("skip", segmentTfidf("skip").replace("format: text", "format: jsonl")), in, out, log),
                log::toString);
        assertTrue(log.toString().contains("moved the earlier output back from .kept.nlpipe-old-dead"), log::toString);
        assertEquals(documents, partLines(out));

        // staging directories of drivers killed before publishing: an old one is removed, a recent one (a run still going) kept
        Path abandoned = Files.createDirectories(dir.resolve(".kept.nlpipe-tmp-app-dead-1"));
        Files.writeString(abandoned.resolve("part-00000"), "half\n");
        long threeDaysAgo = System.currentTimeMillis() - java.time.Duration.ofDays(3).toMillis();
        Files.setLastModifiedTime(abandoned.resolve("part-00000"), java.nio.file.attribute.FileTime.fromMillis(threeDaysAgo));
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.fromMillis(threeDaysAgo));
        // a running job: its upper directories untouched for days, a task's file under _temporary written just now
        Path running = Files.createDirectories(dir.resolve(".kept.nlpipe-tmp-app-running-2"));
        Path attempt = Files.createDirectories(running.resolve("_temporary/0/_temporary/attempt_1"));
        Files.writeString(attempt.resolve("part-00000"), "being written\n");
        for (Path p : List.of(attempt, attempt.getParent(), running.resolve("_temporary/0"), running.resolve("_temporary"), running)) {
            Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(threeDaysAgo));
        }
        log.setLength(0);
        assertEquals(1, runOnSpark(pipeline("skip", segmentTfidf("skip").replace("format: text", "format: jsonl")), in, out, log),
                log::toString);
        assertFalse(Files.exists(abandoned), log::toString);
        assertTrue(Files.exists(running), "a staging directory touched lately may be a running job's");
        assertTrue(log.toString().contains("deleted 1 staging directory of kept left by runs that ended before publishing"), log::toString);
        dev.nlpipe.core.model.ModelDirWriter.deleteTree(running);
    }

    @Test
    void parquetInputIsReadByColumnName() throws IOException {
        Path in = dir.resolve("rows.parquet");
        StructType schema = new StructType().add("key", DataTypes.StringType).add("body", DataTypes.StringType)
                .add("topic", DataTypes.StringType);
        LocalSpark.get().createDataFrame(List.of(RowFactory.create("p1", "The cat sat. It slept.", "pets"),
                RowFactory.create("p2", "北京天安门", "places")), schema).write().parquet(in.toString());
        String yaml = """
                input: { format: parquet, textColumn: body, idColumn: key, labelColumn: topic }
                stages: [ { type: tokenize.regex }, { type: sentence.split } ]
                """;
        StringBuilder log = new StringBuilder();
        Path out = dir.resolve("parquet-out");
        assertEquals(0, runOnSpark(pipeline("parquet", yaml), in, out, log), log::toString);
        List<String> expected = new ArrayList<>();
        try (Pipeline local = Pipeline.fromConfig(PipelineConfig.parse(YamlLoader.parse(yaml.replace("format: parquet", "format: jsonl")
                .replaceAll(", textColumn.*topic", ""), "p.yaml"), null))) {
            expected.add(DocumentJson.toJson(local.process(new Document("p1", "The cat sat. It slept.").addLabel("pets")).get(0)));
            expected.add(DocumentJson.toJson(local.process(new Document("p2", "北京天安门").addLabel("places")).get(0)));
        }
        assertEquals(expected, sortedById(partLines(out)));
        // input.language is given to rows without one, as nlpipe run gives it
        StringBuilder langLog = new StringBuilder();
        Path langOut = dir.resolve("parquet-lang-out");
        assertEquals(0, runOnSpark(pipeline("parquet-lang", yaml.replace("labelColumn: topic", "labelColumn: topic, language: en")), in,
                langOut, langLog), langLog::toString);
        assertTrue(partLines(langOut).stream().allMatch(l -> l.contains("\"lang\":\"en\"")), partLines(langOut).toString());
        // a boolean label column (is_spam, toxic) gives the labels true and false, as the jsonl reader does
        Path flags = dir.resolve("flags.parquet");
        LocalSpark.get().createDataFrame(List.of(RowFactory.create("f1", "spam spam", true), RowFactory.create("f2", "hello", false)),
                new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType).add("label", DataTypes.BooleanType))
                .write().parquet(flags.toString());
        StringBuilder flagLog = new StringBuilder();
        Path flagOut = dir.resolve("parquet-flags-out");
        assertEquals(0, runOnSpark(pipeline("parquet-flags", "input: { format: parquet }\nstages: [ { type: tokenize.regex } ]\n"), flags,
                flagOut, flagLog), flagLog::toString);
        assertTrue(String.join("\n", partLines(flagOut)).contains("\"labels\":{\"true\":1.0}"), partLines(flagOut).toString());
        // Parquet input and output overlapping: the corpus would be replaced
        StringBuilder overLog = new StringBuilder();
        assertEquals(2, runOnSpark(pipeline("parquet-over", yaml), in, in, overLog), overLog::toString);
        assertTrue(Files.exists(in) && overLog.toString().contains("overlap"), overLog::toString);
        // a mistyped column option, and a glob Spark would not apply, are refused
        for (String[] c : new String[][] {{"idColumn: key", "idColumn: kye"}, {"labelColumn: topic", "labelColumn: topci"},
                {"format: parquet", "format: parquet, glob: 'nomatch*'"}}) {
            StringBuilder wrong = new StringBuilder();
            assertEquals(2, runOnSpark(pipeline("parquet-wrong", yaml.replace(c[0], c[1])), in, dir.resolve("parquet-wrong-out"), wrong),
                    wrong::toString);
        }
    }

    @Test
    void aParquetRowsBadRecordNamesItsFileAndOnlyThatFileIsRunAgainForTheErrors() throws IOException {
        Path in = dir.resolve("two-files.parquet");
        StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
        LocalSpark.get().createDataFrame(List.of(RowFactory.create("a1", "fine"), RowFactory.create("a2", "this will FAIL"),
                RowFactory.create("b1", "fine too"), RowFactory.create("b2", null)), schema).repartition(1).write().parquet(in.toString());
        // a second file in the same directory, whose rows are all fine: the errors pass has no need of it
        Path second = dir.resolve("two-files-b.parquet");
        LocalSpark.get().createDataFrame(List.of(RowFactory.create("c1", "also fine")), schema).repartition(1).write()
                .parquet(second.toString());
        try (java.util.stream.Stream<Path> parts = Files.list(second)) {
            for (Path part : parts.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
                Files.move(part, in.resolve("other-" + part.getFileName()));
            }
        }
        StringBuilder log = new StringBuilder();
        Path out = dir.resolve("two-files-out");
        assertEquals(1, runOnSpark(pipeline("two-files", "input: { format: parquet }\nstages: [ { type: tokenize.regex },"
                + " { type: test.fail } ]\n"), in, out, log), log::toString);
        List<String> errors = partLines(dir.resolve("two-files-out.errors.jsonl"));
        assertEquals(2, errors.size(), errors::toString);
        String file;
        try (java.util.stream.Stream<Path> parts = Files.list(in)) {
            file = parts.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("part-") && f.endsWith(".parquet")).findFirst()
                    .orElseThrow();
        }
        for (String e : errors) {
            assertTrue(e.contains(file) && !e.contains("other-"), "names the file of its row: " + e);
        }
        assertTrue(errors.stream().anyMatch(e -> e.contains("\"id\":\"a2\"") && e.contains("\"stage\":\"test.fail\"")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("\"id\":\"b2\"") && e.contains("column 'text' is null")), errors::toString);
        assertEquals(3, partLines(out).size());
    }

    @Test
    void parquetInputReadsOnlyTheColumnsItNamesAndRefusesATextColumnThatIsNoString() throws IOException {
        // the output of NlpipeSpark.apply written as Parquet: its document and error columns are not in the way of a second run
        Path in = dir.resolve("applied.parquet");
        StructType schema = new StructType().add("text", DataTypes.StringType).add("document", DataTypes.StringType)
                .add("error", DataTypes.StringType).add("raw", DataTypes.BinaryType);
        LocalSpark.get().createDataFrame(List.of(RowFactory.create("The cat sat.", "{}", null, new byte[] {1})), schema)
                .write().parquet(in.toString());
        StringBuilder log = new StringBuilder();
        Path out = dir.resolve("applied-out");
        assertEquals(0, runOnSpark(pipeline("applied", "input: { format: parquet }\nstages: [ { type: tokenize.regex } ]\n"), in, out, log),
                log::toString);
        List<String> lines = partLines(out);
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).contains("\"The cat sat.\"") && lines.get(0).contains("\"tokens\""), lines.get(0));

        log.setLength(0);
        Path binary = pipeline("binary", "input: { format: parquet, textColumn: raw }\nstages: [ { type: tokenize.regex } ]\n");
        assertEquals(2, runOnSpark(binary, in, dir.resolve("binary-out"), log), log::toString);
        assertTrue(log.toString().contains("binary.yaml:1:") && log.toString().contains("the text column 'raw' holds binary")
                && log.toString().contains("spark.sql.parquet.binaryAsString=true"), log::toString);

        log.setLength(0);
        Path missing = pipeline("missing", "input: { format: parquet, textColumn: body }\nstages: [ { type: tokenize.regex } ]\n");
        assertEquals(2, runOnSpark(missing, in, dir.resolve("missing-out"), log), log::toString);
        assertTrue(log.toString().contains("no text column 'body'") && log.toString().contains("--set input.textColumn=COLUMN"),
                log::toString);
    }

    @Test
    void aSecondJobContinuesFromTheTypedParquetOfTheFirst() throws IOException {
        Path segment = pipeline("stage-segment", """
                pipeline: stage-segment
                input: { format: text }
                stages: [ { type: segment }, { type: sentence.split } ]
                output: { format: parquet }
                """);
        Path vectorize = pipeline("stage-vectorize", """
                pipeline: stage-vectorize
                input: { format: parquet }
                stages:
                  - type: vectorize.tfidf
                    model: %s
                batchSize: 4
                """.formatted(tfidf));
        Path local = dir.resolve("stages-local.jsonl");
        assertEquals(0, runLocally(pipeline("stages-whole", segmentTfidf("skip")), corpus, local));
        StringBuilder log = new StringBuilder();
        Path typed = dir.resolve("stage-segment.parquet");
        assertEquals(0, runOnSpark(segment, corpus, typed, log), log::toString);
        Path out = dir.resolve("stage-vectorize-out");
        assertEquals(0, runOnSpark(vectorize, typed, out, log), log::toString);

        List<String> expected = Files.readAllLines(local, StandardCharsets.UTF_8);
        assertTrue(expected.get(0).contains("\"tfidf\"") && expected.get(0).contains("\"sentences\""), expected.get(0));
        assertEquals(sortedById(expected), sortedById(partLines(out)));
    }

    @Test
    void typedParquetInputHasNoColumnOptions() throws IOException {
        Path typed = dir.resolve("typed-columns.parquet");
        LocalSpark.get().createDataFrame(List.of(DocumentRows.toRow(new Document("t1", "The cat sat."))), DocumentRows.SCHEMA)
                .write().parquet(typed.toString());
        Path yaml = pipeline("typed-columns", "input: { format: parquet, textColumn: body }\nstages: [ { type: tokenize.regex } ]\n");
        StringBuilder log = new StringBuilder();
        assertEquals(2, runOnSpark(yaml, typed, dir.resolve("typed-columns-out"), log), log::toString);
        assertFalse(Files.exists(dir.resolve("typed-columns-out")), log::toString);
    }

    @Test
    void anUnknownParquetOptionIsAConfigurationError() throws IOException {
        Path yaml = pipeline("parquet-typo", "input: { format: parquet, textColumm: body }\nstages: [ { type: tokenize.regex } ]\n");
        StringBuilder log = new StringBuilder();
        assertEquals(2, runOnSpark(yaml, dir.resolve("nowhere"), dir.resolve("parquet-typo-out"), log), log::toString);
    }

    @Test
    void aConfigurationErrorIsReportedBeforeReading() throws IOException {
        Path yaml = pipeline("typo", "stages: [ { type: segmnt } ]\n");
        StringBuilder log = new StringBuilder();
        assertEquals(2, runOnSpark(yaml, corpus, dir.resolve("typo-out"), log), log::toString);
        assertFalse(Files.exists(dir.resolve("typo-out")));
    }

    @Test
    void onErrorFailIsTheLocalPolicy() {
        assertEquals(OnError.FAIL, PipelineSpec.of(PipelineConfig.parse(
                dev.nlpipe.core.config.YamlLoader.parse("stages: [ { type: segment } ]\nonError: fail\n", "t.yaml"), null)).onError());
    }
}
