package dev.nlpipe.ner.bilstm;

import dev.nlpipe.core.config.TrainConfig;
import dev.nlpipe.core.model.TrainingJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs {@code nlpipe train} in-process for the tests and keeps its log. */
public final class Training {
    private Training() {
    }

    /** Writes {@code yaml} as the training file in {@code dir}, trains into {@code out}, returns the log. */
    public static String run(Path dir, String yaml, Path out, String... sets) throws IOException {
        Path cfg = dir.resolve("train-" + out.getFileName() + ".yaml");
        Files.writeString(cfg, yaml);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             TrainingJob job = TrainingJob.prepare(TrainConfig.load(cfg, List.of(sets)), out, log)) {
            job.run();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A tiny, fast character-model configuration over the given BMES files. */
    public static String chineseYaml(Path train, Path dev, Path test) {
        return "task: ner.bilstm-crf\n"
                + "data: { train: " + train + ", dev: " + dev + ", test: " + test + ", format: bmes }\n"
                // unkReplace 0: 80 synthetic sentences; the tests check offsets and stored files on the entities this small model
                // found before unkReplace became 0.5 by default
                + "model: { unit: char, charDim: 16, bigramDim: 8, hidden: 16, dropout: 0.1, unkReplace: 0 }\n"
                + "train: { epochs: 8, batchSize: 8, lr: 0.01, device: cpu, threads: 1, seed: 7, patience: 0 }\n";
    }
}
