package dev.nlpipe.nn.bert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where a pretrained encoder comes from, as {@code nlpipe model import SOURCE} names it: a Hugging
 * Face model directory, an {@code .onnx} file (its tokenizer beside it), a Maven model jar holding
 * both (by path), or such a jar by its coordinates {@code GROUP:ARTIFACT:VERSION} in the local
 * Maven repository.
 *
 * @param kind {@code huggingface}, {@code onnx}
 * @param path the directory or {@code .onnx} file to read
 * @param tokenizer the {@code tokenizer.json} beside an ONNX model, or {@code null}
 * @param origin what the user named (a path or coordinates), for the provenance
 * @param jar the jar the files were taken from, or {@code null}
 */
public record EncoderSource(String kind, Path path, Path tokenizer, String origin, Path jar) {

    /**
     * Resolves what the user named.
     *
     * @param source a directory, an {@code .onnx} file, a {@code .jar} or {@code GROUP:ARTIFACT:VERSION}
     * @param tokenizer a {@code tokenizer.json} to use with an ONNX model or a jar, or {@code null} to look beside it (a
     *     directory, which holds its own, refuses one)
     * @param mavenRepository the local Maven repository for coordinates
     * @param scratch a directory to unpack a jar's files into
     * @throws IOException saying what is missing and how to get it
     */
    public static EncoderSource resolve(String source, Path tokenizer, Path mavenRepository, Path scratch) throws IOException {
        Path p = Path.of(source);
        if (!Files.exists(p) && source.split(":").length == 3 && !source.contains("/")) {
            return fromJar(jarOf(source, mavenRepository), source, tokenizer, scratch);
        }
        if (Files.isDirectory(p)) {
            if (tokenizer != null) {
                // a directory's tokenizer is its own tokenizer.json or vocab.txt; one given beside it would be dropped unseen
                throw new IOException("--tokenizer applies to an .onnx file or a model jar; a Hugging Face directory brings its own:"
                        + " put " + tokenizer.getFileName() + " into " + p + " as tokenizer.json instead");
            }
            if (Files.exists(p.resolve(dev.nlpipe.core.model.ModelDir.MODEL_JSON))) {
                // an nlpipe model (a fine-tuned classify.bert, ner.bert): checked as reading it anywhere checks it, or damaged
                // weights would be sealed under fresh checksums as a valid model
                try {
                    dev.nlpipe.core.model.ModelDir.read(p);
                } catch (dev.nlpipe.core.model.ModelException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            return new EncoderSource("huggingface", p, null, source, null);
        }
        if (!Files.isRegularFile(p)) {
            throw new IOException(source + " does not exist (expected a Hugging Face model directory, an .onnx file, a model jar or"
                    + " GROUP:ARTIFACT:VERSION)");
        }
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jar")) {
            return fromJar(p, source, tokenizer, scratch);
        }
        if (name.endsWith(".onnx")) {
            if (tokenizer != null) {
                requireFile(tokenizer, "");
            }
            return new EncoderSource("onnx", p, tokenizer != null ? tokenizer : tokenizerBeside(p), source, null);
        }
        throw new IOException(source + " is neither a directory, an .onnx file nor a .jar");
    }

    /** The jar of Maven coordinates in a local repository. */
    static Path jarOf(String coordinates, Path repository) throws IOException {
        String[] gav = coordinates.split(":");
        Path jar = repository.resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2]).resolve(gav[1] + "-" + gav[2] + ".jar");
        if (!Files.isRegularFile(jar)) {
            List<String> held = versionsHeld(jar.getParent().getParent(), gav[1]);
            throw new IOException(coordinates + " is not in the local Maven repository (" + jar + ")" + (held.isEmpty() ? ""
                    : "; it holds " + gav[0] + ":" + gav[1] + " " + String.join(", ", held) + " (a mistyped version?)")
                    + "; fetch it with `mvn dependency:get -Dartifact=" + coordinates + "`, give the jar's path, or name the"
                    + " repository Maven uses with --maven-repository DIR");
        }
        return jar;
    }

    /** The versions of artifact {@code name} whose jar the repository's {@code artifactDir} holds, sorted. */
    private static List<String> versionsHeld(Path artifactDir, String name) throws IOException {
        if (!Files.isDirectory(artifactDir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> versions = Files.list(artifactDir)) {
            return versions.filter(v -> Files.isRegularFile(v.resolve(name + "-" + v.getFileName() + ".jar")))
                    .map(v -> v.getFileName().toString()).sorted().toList();
        }
    }

    private static EncoderSource fromJar(Path jar, String origin, Path tokenizer, Path scratch) throws IOException {
        List<String> models = new ArrayList<>();
        List<String> tokenizers = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String n = e.nextElement().getName();
                if (n.endsWith(".onnx")) {
                    models.add(n);
                } else if (n.endsWith("tokenizer.json")) {
                    tokenizers.add(n);
                }
            }
            if (models.size() != 1) {
                throw new IOException(jar + " holds " + models.size() + " .onnx files " + models + "; a model jar holds one");
            }
            Path tok;
            if (tokenizer == null) {
                if (tokenizers.size() != 1) {
                    throw new IOException(jar + " holds " + tokenizers.size() + " tokenizer.json files " + tokenizers + "; name the"
                            + " one to use with --tokenizer: one of those entries, or a tokenizer.json file");
                }
                tok = extract(zip, tokenizers.get(0), scratch);
            } else {
                // the entry names the jar lists when it holds several: --tokenizer b/tokenizer.json takes that entry
                String entry = tokenizer.toString().replace('\\', '/');
                tok = !Files.isRegularFile(tokenizer) && tokenizers.contains(entry) ? extract(zip, entry, scratch)
                        : requireFile(tokenizer, ", nor is it an entry of " + jar + " " + tokenizers);
            }
            return new EncoderSource("onnx", extract(zip, models.get(0), scratch), tok, origin, jar);
        }
    }

    /**
     * The largest entry extracted: an ONNX file is memory-mapped, which Java limits to 2 GiB, so a
     * larger one (or a small jar that inflates without end) is refused before it fills the disk.
     */
    static final long MAX_ENTRY_BYTES = Integer.MAX_VALUE;

    private static Path extract(ZipFile zip, String entry, Path scratch) throws IOException {
        return extract(zip, entry, scratch, MAX_ENTRY_BYTES);
    }

    /** Extracts {@code entry} by its bare file name into {@code scratch}, refusing one that inflates past {@code limit} bytes. */
    static Path extract(ZipFile zip, String entry, Path scratch, long limit) throws IOException {
        Path out = scratch.resolve(Path.of(entry).getFileName().toString());
        try (InputStream in = zip.getInputStream(zip.getEntry(entry));
             java.io.OutputStream to = Files.newOutputStream(out)) {
            byte[] buffer = new byte[1 << 16];
            long copied = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                copied += n;
                if (copied > limit) {
                    throw new IOException(zip.getName() + ": " + entry + " inflates past " + limit + " bytes, more than an"
                            + " ONNX model or tokenizer nlpipe can read; the jar is damaged or not a model jar");
                }
                to.write(buffer, 0, n);
            }
        }
        return out;
    }

    /** Refuses a {@code --tokenizer} that is no file before anything is read, {@code elsewhere} saying where else it was looked for. */
    private static Path requireFile(Path tokenizer, String elsewhere) throws IOException {
        if (!Files.isRegularFile(tokenizer)) {
            throw new IOException("--tokenizer " + tokenizer + (Files.exists(tokenizer) ? " is not a file" : " does not exist") + elsewhere
                    + "; give the path of the model's tokenizer.json");
        }
        return tokenizer;
    }

    /** {@code tokenizer.json}, or {@code NAME-tokenizer.json} as the model jars name it, beside {@code NAME.onnx}. */
    private static Path tokenizerBeside(Path onnx) throws IOException {
        String stem = onnx.getFileName().toString().replaceFirst("(?i)\\.onnx$", "");
        for (Path candidate : List.of(onnx.resolveSibling(stem + "-tokenizer.json"), onnx.resolveSibling("tokenizer.json"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IOException("no tokenizer beside " + onnx + " (looked for " + stem + "-tokenizer.json and tokenizer.json); name it"
                + " with --tokenizer");
    }
}
