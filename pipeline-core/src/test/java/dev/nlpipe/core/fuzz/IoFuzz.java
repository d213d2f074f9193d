package dev.nlpipe.core.fuzz;

import dev.nlpipe.core.Pipeline;
import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.LoneSurrogates;
import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.run.RunSummary;
import dev.nlpipe.core.testing.Corpora;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Random texts through the readers and writers: every input record must come out either written
 * or in the errors file, and the formats that can hold any text ({@code jsonl}, {@code csv}) must
 * give the texts back unchanged.
 */
public final class IoFuzz {

    /**
     * What one run did.
     *
     * @param what input and output formats
     * @param records input records
     * @param written documents written
     * @param failed bad records
     * @param expectedFailed records that had to fail (lone surrogates, invalid bytes)
     * @param roundTripMismatches texts read back different from the input, or -1 when not checked
     */
    public record Result(String what, long records, long written, long failed, long expectedFailed, long roundTripMismatches) {
        /** Whether every record is accounted for, the right ones failed and texts came back unchanged. */
        public boolean ok() {
            return written + failed == records && failed == expectedFailed && roundTripMismatches <= 0;
        }
    }

    private IoFuzz() {
    }

    /** Runs {@code documents} random records through every pairing under {@code dir}. */
    public static List<Result> run(Path dir, int documents, long seed) throws IOException {
        List<Result> out = new ArrayList<>();
        RandomText random = new RandomText(seed, true);
        List<String> texts = new ArrayList<>();
        StringBuilder jsonl = new StringBuilder();
        long lone = 0;
        for (int i = 0; i < documents; i++) {
            String t = random.next();
            texts.add(t);
            lone += LoneSurrogates.find(t) >= 0 ? 1 : 0;
            jsonl.append("{\"id\":\"d").append(i).append("\",\"text\":\"").append(escape(t)).append("\"}\n");
        }
        Path in = Files.writeString(dir.resolve("in.jsonl"), jsonl);
        List<String> good = texts.stream().filter(t -> LoneSurrogates.find(t) < 0).toList();
        long blank = good.stream().filter(t -> t.codePoints().allMatch(Character::isWhitespace)).count();
        long tokenless;
        try (Pipeline tokenizer = Pipeline.builder().inputLayers().add("tokenize.regex").build()) {
            tokenless = good.stream().filter(t -> tokenizer.process(new Document("t", t)).get(0).tokens().isEmpty()).count();
        }
        for (String format : List.of("jsonl", "csv", "tsv", "text", "conll", "bmes")) {
            Path output = dir.resolve("out." + format);
            RunSummary s = run(dir, in, "jsonl", output, format);
            long mismatches = -1;
            if (format.equals("jsonl") || format.equals("csv")) {
                List<String> back = Corpora.read(output, format, Map.of(), new ArrayList<BadRecord>()).stream().map(Document::text).toList();
                mismatches = back.equals(good) ? 0 : Math.max(1, countDifferent(back, good));
            }
            // a column file has no line for a text without a token (conll) or a character outside whitespace (bmes): refused, not lost
            long unwritable = lone + (format.equals("conll") ? tokenless : format.equals("bmes") ? blank : 0);
            out.add(new Result("jsonl -> " + format, documents, s.written(), s.failed(), unwritable, mismatches));
        }
        out.add(textLines(dir, random, documents));
        return out;
    }

    /** Plain text lines, some with invalid UTF-8 or a NUL byte: exactly those fail. */
    private static Result textLines(Path dir, RandomText random, int documents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long records = 0;
        long broken = 0;
        for (int i = 0; i < documents; i++) {
            String t = random.next().replace('\n', ' ').replace('\r', ' ');
            byte[] line = t.getBytes(StandardCharsets.UTF_8);
            boolean bad = random.oneIn(20);
            if (LoneSurrogates.find(t) >= 0) {
                bad = true;  // encoded as '?' by getBytes; make the line unreadable instead
                line = ("x" + (char) 0).getBytes(StandardCharsets.UTF_8);
            }
            if (!bad && t.isBlank()) {
                bytes.writeBytes(line);
                bytes.write('\n');
                continue;
            }
            records++;
            bytes.writeBytes(line);
            if (bad) {
                broken++;
                bytes.writeBytes(random.oneIn(2) ? new byte[] {(byte) 0xC3, '('} : new byte[] {0});
            }
            bytes.write('\n');
        }
        Path in = Files.write(dir.resolve("in.txt"), bytes.toByteArray());
        RunSummary s = run(dir, in, "text", dir.resolve("text-out.jsonl"), "jsonl");
        return new Result("text -> jsonl", records, s.written(), s.failed(), broken, -1);
    }

    private static RunSummary run(Path dir, Path in, String inFormat, Path out, String outFormat) throws IOException {
        Path yaml = Files.writeString(dir.resolve("fuzz.yaml"), "pipeline: fuzz\ninput: { path: '" + in + "', format: " + inFormat
                + " }\nstages:\n  - type: tokenize.regex\noutput: { path: '" + out + "', format: " + outFormat + " }\n");
        try (Pipeline p = Pipeline.fromYaml(yaml)) {
            return p.run(p.defaultRunOptions(false), null);
        }
    }

    private static long countDifferent(List<String> a, List<String> b) {
        long n = Math.abs(a.size() - b.size());
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            n += a.get(i).equals(b.get(i)) ? 0 : 1;
        }
        return n;
    }

    /** JSON string content with every non-ASCII or special character as {@code \\uXXXX}, lone surrogates included. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
