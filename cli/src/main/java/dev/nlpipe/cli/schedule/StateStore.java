package dev.nlpipe.cli.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteDataSource;

/**
 * The scheduler's memory: an embedded SQLite database with one row per input file ever seen
 * ({@code files}), one per tick ({@code runs}) and a few settings ({@code meta}). Write-ahead
 * logging lets {@code nlpipe schedule status} read while a scheduler writes, and every change is
 * its own transaction, so a process killed at any moment leaves the last committed state.
 * Times are milliseconds since the epoch. Not thread-safe: one thread per store.
 */
public final class StateStore implements AutoCloseable {
    /** The schema this code writes; a newer database is refused rather than misread. */
    static final int SCHEMA = 1;

    /** The error of an attempt that the process did not survive. */
    public static final String PROCESS_ENDED = "the process ended while processing it (killed, or crashed e.g. out of memory)";
    /** An attempt the process did not survive while this file alone was in progress: it counts, as the file may be the cause. */
    public static final String PROCESS_ENDED_ALONE = PROCESS_ENDED + "; it was the only file in progress";
    /**
     * The mark of an attempt in progress when a stop was asked for (SIGTERM, Ctrl-C): if the process
     * is killed before the file is done, the next start tells that apart from a crash.
     */
    public static final String PROCESS_STOPPING = "a stop was asked for (SIGTERM or Ctrl-C) while processing it";
    /**
     * An attempt this file alone was in when the process, asked to stop, was killed before finishing
     * it. It counts, as a crash does: a file that never finishes must still be quarantined.
     */
    public static final String STOP_TIMED_OUT_ALONE = "the process was asked to stop while processing it, then killed before the file"
            + " was done (it took longer than the stop timeout: systemd's TimeoutStopSec, a pod's terminationGracePeriodSeconds);"
            + " counted, so that a file that never finishes is still quarantined";
    /** An attempt the process did not survive with other files in progress: no one file can be blamed, so it does not count. */
    public static final String PROCESS_ENDED_SHARED = "the process ended while processing it and other files (stopped from outside?);"
            + " not counted as a failed attempt";

    private static final String FILE_COLUMNS = "path, size, mtime_ns, sha256, status, attempts, last_error, output_path, output_size,"
            + " config_hash, first_seen, processed_at, next_attempt_at, deleted_at, duration_ms, docs_in, docs_out, bad_records";

    private final Path file;
    private final Connection db;

    private StateStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens the database, creating it (and its directory) when missing. */
    public static StateStore open(Path file) throws IOException, SQLException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (Files.isDirectory(file)) {
            throw new NoSuchFileException(file.toString(), null, "is a directory, not a state database; give --state a file (by"
                    + " default OUTPUT_DIR/" + ScheduleSettings.DEFAULT_STATE_NAME + ")");
        }
        Connection db = null;
        try {
            db = connect(file);
            StateStore s = new StateStore(file, db);
            s.createSchema();
            return s;
        } catch (SQLException e) {
            if (db != null) {
                db.close();
            }
            if (e instanceof SQLiteException lite && lite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
                // another file named by mistake: SQLite's "file is not a database" says neither which nor what to give
                throw notAStateDatabase(file, " or a new file name");
            }
            throw e;
        }
    }

    /** Opens an existing database (for {@code status} and {@code retry}), never creating one. */
    public static StateStore openExisting(Path file) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no state database here; give the --state of a `nlpipe schedule` run"
                    + " (by default OUTPUT_DIR/" + ScheduleSettings.DEFAULT_STATE_NAME + ")");
        }
        return open(file);
    }

    /**
     * Opens an existing database only to read it ({@code status}): a user who may read but not write
     * it (a monitoring account) can, nothing is created in it, and a file that is no state database
     * (an empty lock file named by mistake) is refused rather than turned into one.
     */
    public static StateStore openReadOnly(Path file) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            return openExisting(file);
        }
        // without a write-ahead log no scheduler is writing: immutable needs no -shm file, which a reader may not create
        boolean writing = Files.exists(Path.of(file.toAbsolutePath() + "-wal"));
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath() + "?mode=ro" + (writing ? "" : "&immutable=1"));
        Connection db = ds.getConnection();
        StateStore s = new StateStore(file, db);
        try {
            boolean tables;
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'files')")) {
                tables = rs.next() && rs.getInt(1) == 2;
            }
            if (!tables) {
                throw notAStateDatabase(file, "");
            }
            s.checkSchema();
            return s;
        } catch (SQLException | IOException e) {
            db.close();
            if (e instanceof SQLiteException lite && lite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
                throw notAStateDatabase(file, "");
            }
            throw e;
        }
    }

    private static NoSuchFileException notAStateDatabase(Path file, String orElse) {
        return new NoSuchFileException(file.toString(), null, "is not an nlpipe state database; give --state the file a schedule run"
                + " wrote (by default OUTPUT_DIR/" + ScheduleSettings.DEFAULT_STATE_NAME + ")" + orElse);
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL under WAL survives a killed process (committed transactions are in the log); only
        // a power cut may lose the last ones, which then are simply processed again.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(30_000);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds.getConnection();
    }

    /** Creates the tables in one transaction, so a process killed while creating them leaves none or all. */
    private void createSchema() throws SQLException {
        checkSchema();
        transaction(() -> {
            try (Statement st = db.createStatement()) {
                st.executeUpdate("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                st.executeUpdate("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
                        + " sha256 TEXT, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, output_path TEXT,"
                        + " output_size INTEGER NOT NULL DEFAULT 0, config_hash TEXT, first_seen INTEGER NOT NULL, processed_at INTEGER,"
                        + " next_attempt_at INTEGER, deleted_at INTEGER, duration_ms INTEGER NOT NULL DEFAULT 0,"
                        + " docs_in INTEGER NOT NULL DEFAULT 0, docs_out INTEGER NOT NULL DEFAULT 0, bad_records INTEGER NOT NULL DEFAULT 0)");
                st.executeUpdate("CREATE INDEX IF NOT EXISTS files_status ON files(status)");
                // renames are looked up by content among deleted inputs (added to schema 1 databases as they are opened)
                st.executeUpdate("CREATE INDEX IF NOT EXISTS files_sha256 ON files(sha256)");
                // outputs left under an old name when their input's output name changed (a new output format)
                // without --prune, so that a later --prune still finds them (added to schema 1 databases as opened)
                st.executeUpdate("CREATE TABLE IF NOT EXISTS superseded (output TEXT PRIMARY KEY, input TEXT NOT NULL,"
                        + " since INTEGER NOT NULL)");
                st.executeUpdate("CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at INTEGER NOT NULL,"
                        + " finished_at INTEGER, trigger TEXT NOT NULL, pid INTEGER NOT NULL, status TEXT NOT NULL, config_hash TEXT,"
                        + " files_seen INTEGER NOT NULL DEFAULT 0, processed INTEGER NOT NULL DEFAULT 0, succeeded INTEGER NOT NULL DEFAULT 0,"
                        + " failed INTEGER NOT NULL DEFAULT 0, quarantined INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0,"
                        + " docs_in INTEGER NOT NULL DEFAULT 0, docs_out INTEGER NOT NULL DEFAULT 0, bad_records INTEGER NOT NULL DEFAULT 0,"
                        + " seconds REAL NOT NULL DEFAULT 0, message TEXT)");
            }
            if (meta("schema").isEmpty()) {
                setMeta("schema", Integer.toString(SCHEMA));
                setMeta("created_at", Long.toString(System.currentTimeMillis()));
            }
        });
    }

    private void checkSchema() throws SQLException {
        Optional<String> v = meta("schema");
        if (v.isPresent() && Integer.parseInt(v.get()) > SCHEMA) {
            throw new SQLException("the state database " + file + " was written by a newer nlpipe (schema " + v.get()
                    + "); use that version");
        }
    }

    public Path file() {
        return file;
    }

    /** A setting, if recorded. */
    public Optional<String> meta(String key) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void setMeta(String key, String value) throws SQLException {
        update("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
    }

    /** Every file row, by path (for tests and small databases: a tick reads {@link #rowsToPlan} instead). */
    public Map<String, FileRecord> files() throws SQLException {
        Map<String, FileRecord> out = new HashMap<>();
        for (FileRecord r : query("SELECT " + FILE_COLUMNS + " FROM files")) {
            out.put(r.path(), r);
        }
        return out;
    }

    /**
     * The rows a tick plans from, by path: every input not yet recorded deleted, the rows of the
     * present files whatever their status, and, when {@code keptOutputs}, deleted inputs whose
     * outputs are kept (for {@code --prune}). Rows of inputs deleted earlier stay on disk only:
     * a directory whose files rotate gathers millions of them, and reading them all on every tick
     * ran out of memory. Renames are matched against them by hash ({@link #firstDeletedWithHash}).
     */
    public Map<String, FileRecord> rowsToPlan(Collection<String> present, boolean keptOutputs) throws SQLException {
        Map<String, FileRecord> out = new HashMap<>();
        for (FileRecord r : query("SELECT " + FILE_COLUMNS + " FROM files WHERE status != 'deleted'"
                + (keptOutputs ? " OR output_path IS NOT NULL" : ""))) {
            out.put(r.path(), r);
        }
        try (PreparedStatement ps = db.prepareStatement("SELECT " + FILE_COLUMNS + " FROM files WHERE path = ?")) {
            for (String path : present) {
                if (!out.containsKey(path)) {
                    ps.setString(1, path);
                    read(ps).forEach(r -> out.put(r.path(), r));
                }
            }
        }
        return out;
    }

    /**
     * The first path, in path order, of an input recorded deleted with this content and not
     * {@code present} again: where a new file with that content was renamed from.
     */
    public Optional<String> firstDeletedWithHash(String sha256, Predicate<String> present) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT path FROM files WHERE sha256 = ? AND status = 'deleted' ORDER BY path")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!present.test(rs.getString(1))) {
                        return Optional.of(rs.getString(1));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The rows with any of these statuses, by path. */
    public List<FileRecord> withStatus(FileStatus... statuses) throws SQLException {
        StringBuilder in = new StringBuilder();
        for (FileStatus s : statuses) {
            in.append(in.isEmpty() ? "'" : ", '").append(s.key()).append('\'');
        }
        return query("SELECT " + FILE_COLUMNS + " FROM files WHERE status IN (" + in + ") ORDER BY path");
    }

    /**
     * Pending files whose last attempt, counted by {@link #recordStart}, the process did not finish
     * (it ended, or is still on the file).
     */
    public List<FileRecord> interrupted() throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT " + FILE_COLUMNS + " FROM files WHERE status = 'pending'"
                + " AND last_error IN (?, ?, ?, ?, ?) ORDER BY path")) {
            ps.setString(1, PROCESS_ENDED);
            ps.setString(2, PROCESS_ENDED_ALONE);
            ps.setString(3, PROCESS_ENDED_SHARED);
            ps.setString(4, PROCESS_STOPPING);
            ps.setString(5, STOP_TIMED_OUT_ALONE);
            return read(ps);
        }
    }

    /** The pending files whose last attempt the process did not survive with other files in progress (judged shared). */
    public Set<String> sharedInterruptions() throws SQLException {
        Set<String> paths = new TreeSet<>();
        for (FileRecord r : interrupted()) {
            if (PROCESS_ENDED_SHARED.equals(r.lastError())) {
                paths.add(r.path());
            }
        }
        return paths;
    }

    /**
     * Judges the attempts a dead process left unfinished (call once the lock is held, before the
     * first tick). A death with several files in progress says nothing about any one of them (an
     * operator's kill, the machine going down), so those attempts are given back; a death with one
     * file in progress still counts against it, so a file that crashes every process is quarantined
     * after {@code --max-attempts} deaths. Each death is judged once.
     *
     * @return how many attempts were given back
     */
    public int judgeInterruptedAttempts() throws SQLException {
        int[] forgiven = {0};
        transaction(() -> {
            int unjudged;
            try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM files WHERE status = 'pending' AND last_error IN (?, ?)")) {
                ps.setString(1, PROCESS_ENDED);
                ps.setString(2, PROCESS_STOPPING);
                try (ResultSet rs = ps.executeQuery()) {
                    unjudged = rs.next() ? rs.getInt(1) : 0;
                }
            }
            if (unjudged == 1) {
                update("UPDATE files SET last_error = CASE last_error WHEN ? THEN ? ELSE ? END WHERE status = 'pending'"
                        + " AND last_error IN (?, ?)", PROCESS_STOPPING, STOP_TIMED_OUT_ALONE, PROCESS_ENDED_ALONE, PROCESS_ENDED,
                        PROCESS_STOPPING);
            } else if (unjudged > 1) {
                forgiven[0] = update("UPDATE files SET last_error = ?, attempts = max(attempts - 1, 0) WHERE status = 'pending'"
                        + " AND last_error IN (?, ?)", PROCESS_ENDED_SHARED, PROCESS_ENDED, PROCESS_STOPPING);
            }
        });
        return forgiven[0];
    }

    /** One row, if present. */
    public Optional<FileRecord> file(String path) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT " + FILE_COLUMNS + " FROM files WHERE path = ?")) {
            ps.setString(1, path);
            List<FileRecord> rows = read(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    /** How many rows have each status (every status present, zero when none). */
    public Map<FileStatus, Long> counts() throws SQLException {
        Map<FileStatus, Long> out = new EnumMap<>(FileStatus.class);
        for (FileStatus s : FileStatus.values()) {
            out.put(s, 0L);
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT status, count(*) FROM files GROUP BY status")) {
            while (rs.next()) {
                out.put(FileStatus.of(rs.getString(1)), rs.getLong(2));
            }
        }
        return out;
    }

    /** Done files in which some records failed (skipped under {@code onError: skip}). */
    public long filesWithBadRecords() throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM files WHERE status = 'done' AND bad_records > 0")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private List<FileRecord> query(String sql) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            return read(ps);
        }
    }

    private static List<FileRecord> read(PreparedStatement ps) throws SQLException {
        List<FileRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new FileRecord(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), FileStatus.of(rs.getString(5)),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10), instant(rs, 11),
                        instant(rs, 12), instant(rs, 13), instant(rs, 14), rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getLong(18)));
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /**
     * Records the tick's plan in one transaction: the files about to be processed become pending
     * (with their scanned size, time and hash), and files whose time changed but whose content did
     * not get their new size and time. A row already pending keeps the lower attempt count: a
     * {@code schedule retry} that released it while the tick was planning is not undone.
     */
    public void recordPlan(List<WorkItem> work, List<ScannedFile> touched, Instant now) throws SQLException {
        transaction(() -> {
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO files(path, size, mtime_ns, sha256, status, attempts, first_seen)"
                    + " VALUES(?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT(path) DO UPDATE SET size = excluded.size,"
                    + " mtime_ns = excluded.mtime_ns, sha256 = excluded.sha256, status = 'pending', attempts = CASE"
                    + " WHEN files.status = 'pending' THEN MIN(files.attempts, excluded.attempts) ELSE excluded.attempts END,"
                    + " deleted_at = NULL")) {
                for (WorkItem w : work) {
                    ps.setString(1, w.file().relative());
                    ps.setLong(2, w.file().size());
                    ps.setLong(3, w.file().mtimeNanos());
                    ps.setString(4, w.sha256());
                    ps.setInt(5, w.attemptsBefore());
                    ps.setLong(6, now.toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = db.prepareStatement("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?")) {
                for (ScannedFile f : touched) {
                    ps.setLong(1, f.size());
                    ps.setLong(2, f.mtimeNanos());
                    ps.setString(3, f.relative());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /**
     * Records a published output; called only after its rename, so a row that says done always has
     * its file. An output recorded as superseded and now written again belongs to this input from then on.
     */
    public void recordSuccess(WorkItem w, FileOutcome o, String configHash, Instant at) throws SQLException {
        transaction(() -> {
            forgetSuperseded(o.output());
            update("UPDATE files SET size = ?, mtime_ns = ?, sha256 = ?, status = 'done', attempts = ?, last_error = NULL, output_path = ?,"
                        + " output_size = ?, config_hash = ?, processed_at = ?, next_attempt_at = NULL, deleted_at = NULL, duration_ms = ?,"
                        + " docs_in = ?, docs_out = ?, bad_records = ? WHERE path = ?",
                w.file().size(), w.file().mtimeNanos(), w.sha256(), w.attempt(), o.output(), o.outputSize(), configHash, at, o.millis(),
                o.docsIn(), o.docsOut(), o.badRecords(), w.file().relative());
        });
    }

    /**
     * Counts an attempt before the file is processed, so that an attempt the process does not
     * survive (killed, out of memory) still counts and the row says so: the file stays pending, and
     * {@code --max-attempts} such endings quarantine it instead of crashing every later run.
     */
    public void recordStart(WorkItem w) throws SQLException {
        update("UPDATE files SET attempts = ?, last_error = ? WHERE path = ?", w.attempt(), PROCESS_ENDED, w.file().relative());
    }

    /**
     * Takes back the attempt {@link #recordStart} counted for a file that was gone when its turn came
     * (moved away by a consumer while it waited): no attempt and no failure; the next scan records
     * it deleted.
     */
    public void recordVanished(WorkItem w) throws SQLException {
        update("UPDATE files SET attempts = ?, last_error = NULL WHERE path = ?", Math.max(0, w.attempt() - 1), w.file().relative());
    }

    /**
     * Marks the attempts in progress when a stop is asked for, so that a kill before they finish
     * (the stop timeout passing) is told apart from a crash by {@link #judgeInterruptedAttempts}.
     */
    public void recordStopping(Collection<WorkItem> inProgress) throws SQLException {
        for (WorkItem w : inProgress) {
            update("UPDATE files SET last_error = ? WHERE path = ? AND status = 'pending' AND last_error = ?", PROCESS_STOPPING,
                    w.file().relative(), PROCESS_ENDED);
        }
    }

    /**
     * Records a failure after {@code attempts} attempts: {@code failed} with the time of the next
     * try, or {@code quarantined}, under the configuration it failed with, so that a changed
     * configuration (the fix for it, often) retries it without waiting out its backoff.
     */
    public void recordFailure(WorkItem w, int attempts, String error, FileStatus status, Instant nextAttempt, String configHash)
            throws SQLException {
        update("UPDATE files SET size = ?, mtime_ns = ?, sha256 = ?, status = ?, attempts = ?, last_error = ?, next_attempt_at = ?,"
                + " config_hash = ? WHERE path = ?", w.file().size(), w.file().mtimeNanos(), w.sha256(), status.key(), attempts, error,
                nextAttempt, configHash, w.file().relative());
    }

    /**
     * Records an output kept under its old name after its input's output was written under a new
     * one (the output format changed without {@code --prune}), so a later {@code --prune} removes it.
     */
    public void recordSuperseded(String output, String input, Instant at) throws SQLException {
        update("INSERT INTO superseded(output, input, since) VALUES(?, ?, ?) ON CONFLICT(output) DO UPDATE SET input = excluded.input,"
                + " since = excluded.since", output, input, at);
    }

    /** The superseded outputs kept on disk, output → the input that wrote it, in output order. */
    public Map<String, String> superseded() throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT output, input FROM superseded")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** Forgets a superseded output: pruned, or written again by an input, which owns it from then on. */
    public void forgetSuperseded(String output) throws SQLException {
        update("DELETE FROM superseded WHERE output = ?", output);
    }

    /** Records an input found missing; {@code outputPath} is what is kept of its output ({@code null} when pruned). */
    public void recordDeleted(String path, String outputPath, Instant at) throws SQLException {
        update("UPDATE files SET status = 'deleted', deleted_at = ?, output_path = ?, next_attempt_at = NULL WHERE path = ?",
                at, outputPath, path);
    }

    /**
     * Releases failed and quarantined files for processing on the next tick, with their attempts
     * and last error reset (an error of a process that died would otherwise count the released file
     * among the interrupted ones): the given paths, or all of them when none is given.
     *
     * @return the paths released
     */
    public List<String> release(Collection<String> paths) throws SQLException {
        List<String> candidates = new ArrayList<>();
        for (FileRecord r : withStatus(FileStatus.FAILED, FileStatus.QUARANTINED)) {
            if (paths.isEmpty() || paths.contains(r.path())) {
                candidates.add(r.path());
            }
        }
        transaction(() -> {
            try (PreparedStatement ps = db.prepareStatement("UPDATE files SET status = 'pending', attempts = 0, next_attempt_at = NULL, last_error = NULL"
                    + " WHERE path = ? AND status IN ('failed', 'quarantined')")) {
                for (String p : candidates) {
                    ps.setString(1, p);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        return candidates;
    }

    /** Opens a run row for a tick; returns its id. */
    public long startRun(String trigger, Instant at) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO runs(started_at, trigger, pid, status)"
                + " VALUES(?, ?, ?, 'running')", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, trigger);
            ps.setLong(3, ProcessHandle.current().pid());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Closes a tick's run row with its counts. */
    public void finishRun(long id, TickSummary s, Instant at) throws SQLException {
        update("UPDATE runs SET finished_at = ?, status = ?, files_seen = ?, processed = ?, succeeded = ?, failed = ?, quarantined = ?,"
                        + " deleted = ?, docs_in = ?, docs_out = ?, bad_records = ?, seconds = ?, message = ?, config_hash = ? WHERE id = ?",
                at, s.error != null ? "error" : s.stopped ? "stopped" : "finished", s.seen, s.processed(), s.succeeded, s.failed,
                s.quarantined, s.deleted, s.docsIn, s.docsOut, s.badRecords, s.seconds, s.error, s.configHash, id);
    }

    /**
     * Marks runs left {@code running} by a process that died as {@code killed}; returns how many.
     * Call with the instance lock held and before this process starts a run: every run still
     * {@code running} then belongs to a dead process, even one whose id this process has now (in a
     * container every run is process 1).
     */
    public int closeAbandonedRuns() throws SQLException {
        return update("UPDATE runs SET status = 'killed' WHERE status = 'running'");
    }

    /** The most recent runs, newest first, as column maps (for {@code status}). */
    public List<Map<String, Object>> lastRuns(int n) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id, started_at, finished_at, trigger, pid, status, files_seen, processed,"
                + " succeeded, failed, quarantined, deleted, docs_in, docs_out, bad_records, seconds, message FROM runs ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(rs.getMetaData().getColumnName(c), rs.getObject(c));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** Runs one statement with its parameters (instants as epoch milliseconds); returns the rows changed. */
    private int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i] instanceof Instant t ? t.toEpochMilli() : params[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    void transaction(SqlWork work) throws SQLException {
        db.setAutoCommit(false);
        try {
            work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
