package dev.nlpipe.nn;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nlpipe.core.doc.DocumentJson;
import dev.nlpipe.core.io.AtomicFile;
import dev.nlpipe.core.io.TempNames;
import dev.nlpipe.core.model.ModelDirWriter;
import dev.nlpipe.core.model.Provenance;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The checkpoint directory of a training run ({@code MODEL_DIR.checkpoint} beside the model
 * directory): the weights and optimizer state after the last finished epoch, the best weights so
 * far, and {@code state.json} (epoch, step, best score, early-stopping counter, per-epoch history,
 * configuration fingerprint and, since 2026-12-06, the configuration itself: {@link RunConfiguration}).
 * Files carry their epoch in their name and {@code state.json} is replaced last, atomically, so a
 * crash at any moment leaves a consistent checkpoint.
 */
public final class Checkpoints {
    static final String STATE = "state.json";
    private final Path dir;

    /** The checkpoints kept in {@code dir} (created when the first epoch ends). */
    public Checkpoints(Path dir) {
        this.dir = dir;
    }

    /** The checkpoint directory for a model directory being trained. */
    public static Checkpoints beside(Path modelDir) {
        Path abs = modelDir.toAbsolutePath().normalize();
        return new Checkpoints(abs.resolveSibling(abs.getFileName() + ".checkpoint"));
    }

    /** The checkpoint directory. */
    public Path dir() {
        return dir;
    }

    /**
     * The progress of a run as saved after an epoch.
     *
     * @param fingerprint the configuration it belongs to
     * @param epoch the last finished epoch (1-based)
     * @param step optimizer steps so far
     * @param bestEpoch the epoch with the best dev score (0 = none yet)
     * @param bestScore that score ({@code NaN} without dev data)
     * @param badEpochs epochs since the best one
     * @param history one record per finished epoch
     * @param config the configuration's values ({@link RunConfiguration#values}), or {@code null} (written before
     *     checkpoints kept them, or by a run known only by its fingerprint)
     */
    public record State(String fingerprint, int epoch, long step, int bestEpoch, double bestScore, int badEpochs,
                        List<Map<String, Object>> history, Map<String, Object> config) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fingerprint", fingerprint);
            m.put("epoch", epoch);
            m.put("step", step);
            m.put("bestEpoch", bestEpoch);
            m.put("bestScore", Double.isNaN(bestScore) ? null : bestScore);
            m.put("badEpochs", badEpochs);
            m.put("history", history);
            if (config != null) {
                m.put("config", config);
            }
            return m;
        }

        @SuppressWarnings("unchecked")
        static State fromMap(Map<String, Object> m) {
            Object best = m.get("bestScore");
            return new State((String) m.get("fingerprint"), ((Number) m.get("epoch")).intValue(),
                    ((Number) m.get("step")).longValue(), ((Number) m.get("bestEpoch")).intValue(),
                    best instanceof Number n ? n.doubleValue() : Double.NaN, ((Number) m.get("badEpochs")).intValue(),
                    new ArrayList<>((List<Map<String, Object>>) m.get("history")), (Map<String, Object>) m.get("config"));
        }
    }

    /** A checkpoint that cannot be read: continuing from it is no way out, starting over is. */
    public static final class DamagedException extends IOException {
        DamagedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The saved state, or {@code null} when there is no checkpoint.
     *
     * @throws DamagedException when its state or files cannot be read
     */
    public State read() throws IOException {
        Path f = dir.resolve(STATE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = DocumentJson.mapper().readValue(f.toFile(), LinkedHashMap.class);
            State s = State.fromMap(m);
            if (!Files.isRegularFile(lastWeights(s.epoch())) || !Files.isRegularFile(lastOptimizer(s.epoch()))) {
                throw new IOException("its files for epoch " + s.epoch() + " are missing");
            }
            return s;
        } catch (IOException | RuntimeException e) {
            throw new DamagedException("the checkpoint " + dir + " is damaged (" + e.getMessage() + "); delete it, or set"
                    + " train.resume: false, to start over", e);
        }
    }

    /** The weights after {@code epoch}. */
    public Path lastWeights(int epoch) {
        return dir.resolve("epoch-" + epoch + ".weights");
    }

    /** The optimizer state after {@code epoch}. */
    public Path lastOptimizer(int epoch) {
        return dir.resolve("epoch-" + epoch + ".optimizer");
    }

    /** The moving average of the weights after {@code epoch} (when training averages them). */
    public Path lastAverage(int epoch) {
        return dir.resolve("epoch-" + epoch + ".average");
    }

    /** The best weights, found at {@code epoch}. */
    public Path bestWeights(int epoch) {
        return dir.resolve("best-" + epoch + ".weights");
    }

    /**
     * Commits a finished epoch whose files ({@link #lastWeights}, {@link #lastOptimizer}, and
     * {@link #bestWeights} when it is the best) were written: replaces {@code state.json}, then
     * deletes the files of earlier epochs and the temporary files of killed runs.
     */
    public void commit(State state) throws IOException {
        try (AtomicFile f = AtomicFile.create(dir.resolve(STATE))) {
            Writer w = f.writer();
            DocumentJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValue(w, state.toMap());
            f.commit();
        }
        List<Path> keep = List.of(lastWeights(state.epoch()), lastOptimizer(state.epoch()), lastAverage(state.epoch()),
                bestWeights(state.bestEpoch()), dir.resolve(STATE));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (!keep.contains(p) && isEpochFile(n)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        // the half-written files of runs killed while writing a checkpoint (hundreds of MB for BERT), one per kill
        TempNames.removeAbandoned(dir);
    }

    /**
     * A fingerprint of a training configuration (SHA-256 of its JSON form): a checkpoint is resumed
     * only by a run with the same one. Leave out settings that may change between the interrupted
     * run and its continuation (epochs, patience, minEpochs, keep, threads, device). Numbers count by
     * value: a number option keeps the form it was written in ({@code 0} or {@code 0.0}), and
     * {@code --set train.averageDecay=0} must resume a run that took the default 0.0.
     */
    public static String fingerprint(Map<String, Object> config) {
        return Provenance.fingerprint(numbersByValue(config));
    }

    /** {@code value} with every number in it, however deep in maps and lists, as a double. */
    static Object numbersByValue(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, numbersByValue(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(Checkpoints::numbersByValue).toList();
        }
        return value;
    }

    /**
     * Refuses a checkpoint path that holds what training did not write: a file, or a directory with
     * other files than {@code state.json}, {@code metrics.jsonl}, epoch and best files and temporary files. Training deletes
     * or adopts that path, so a user's file there would be lost, or a file failed the run after its
     * first epoch.
     *
     * @throws IllegalStateException naming the path and what is in the way
     */
    public void checkOwned() throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException(dir + " is where this training keeps its checkpoint, but it is a file or link that training"
                    + " did not write; move it away, or give another --output");
        }
        try (Stream<Path> files = Files.list(dir)) {
            // hidden files are no one's work: temporary files, and what the system adds (.nfs*, .DS_Store)
            List<String> foreign = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.equals(STATE) && !n.equals(MetricsLog.FILE) && !isEpochFile(n)).sorted().toList();
            if (!foreign.isEmpty()) {
                throw new IllegalStateException(dir + " is where this training keeps its checkpoint, but it holds files training did not"
                        + " write (" + String.join(", ", foreign.subList(0, Math.min(5, foreign.size()))) + (foreign.size() > 5 ? ", ..." : "")
                        + "); move them away, or give another --output");
            }
        }
    }

    /** Whether a file name is one of an epoch's files ({@link #lastWeights}, {@link #bestWeights}...). */
    private static boolean isEpochFile(String name) {
        return name.startsWith("epoch-") || name.startsWith("best-");
    }

    /** Deletes the checkpoint directory. */
    public void delete() throws IOException {
        ModelDirWriter.deleteTree(dir);
    }
}
