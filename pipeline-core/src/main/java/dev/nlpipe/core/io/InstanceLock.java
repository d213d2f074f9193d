package dev.nlpipe.core.io;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.nlpipe.core.doc.DocumentJson;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes sure one process at a time uses a resource: one scheduler a state database or an output
 * directory, one training a model directory. It is an operating-system lock on a lock file, which
 * the kernel releases when its process dies however it dies, so a lock left by a killed process is
 * never an obstacle. The file also names its holder (process id, host, process start time), so a
 * second instance can say who is running, {@code schedule status} can tell a live holder from a
 * dead one, and a takeover from a killed holder is reported. The file is emptied, never deleted,
 * on release: deleting it would let two processes lock two different files of the same name.
 */
public final class InstanceLock implements AutoCloseable {

    /**
     * Who holds (or held) a lock.
     *
     * @param pid the process id
     * @param host the host name
     * @param processStart when that process started (tells a live holder from a reused id), or {@code null}
     * @param since when it took the lock
     */
    public record Owner(long pid, String host, Instant processStart, Instant since) {
        /** Whether this process still runs on this host (same id and start time). */
        public boolean isAlive() {
            if (!Objects.equals(host, hostName())) {
                return true;  // cannot check another host's processes; liveOwner asks the lock instead
            }
            return LiveProcesses.running(pid, processStart);
        }

        /** {@code pid 1234 on host-a since 2025-01-01T10:00:00Z}. */
        public String describe() {
            return "pid " + pid + " on " + host + " since " + since;
        }
    }

    /**
     * Thrown when another live process holds the lock: nothing was done (the command line exits 4).
     * An {@link IOException}, as a file that is busy is, so a training's I/O path carries it unchanged.
     */
    public static final class HeldException extends IOException {
        private final transient Owner owner;

        HeldException(Path lockFile, Owner owner, String what, String option) {
            super("another " + what
                    + (owner == null ? "" : " (" + owner.describe() + ")") + "; the lock is " + lockFile
                    + ". Wait for it to finish, stop it, or give this run another " + option + ".");
            this.owner = owner;
        }

        /** The holder, when it could be read. */
        public Optional<Owner> owner() {
            return Optional.ofNullable(owner);
        }
    }

    /**
     * The lock files this JVM holds, with their owners. A lock belongs to the process: closing any
     * channel of the file, even one opened only to read it, releases it. So this process never opens
     * a file it holds a lock on; it answers from here.
     */
    private static final Map<Path, Owner> HELD_HERE = new java.util.concurrent.ConcurrentHashMap<>();

    /** How often, and how far apart, taking a lock is tried before another holder is reported. */
    private static final int PROBE_RETRIES = 5;
    private static final long PROBE_WAIT_MS = 100;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Owner previous;

    private InstanceLock(Path file, FileChannel channel, FileLock lock, Owner previous) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.previous = previous;
    }

    /** The lock file of a state database. */
    public static Path fileFor(Path state) {
        return state.resolveSibling(state.getFileName() + ".lock");
    }

    /** The lock file of an output directory: hidden, so it is never taken for an output or an input. */
    public static Path fileForOutput(Path outputDir) {
        return outputDir.resolve(".nlpipe-schedule.lock");
    }

    /**
     * Takes the lock of a state database without waiting.
     *
     * @throws HeldException when another process (or another scheduler in this one) holds it
     */
    public static InstanceLock acquire(Path state) throws IOException {
        return acquire(fileFor(state), "`nlpipe schedule` is using this state database", "--state");
    }

    /**
     * Takes the lock of an output directory without waiting, so that two schedulers with different
     * state databases never write (and clean up temporary files) in one directory at once.
     *
     * @throws HeldException when another process (or another scheduler in this one) holds it
     */
    public static InstanceLock acquireOutput(Path outputDir) throws IOException {
        return acquire(fileForOutput(outputDir), "`nlpipe schedule` is writing to this output directory", "--output");
    }

    /** The lock file of a model directory: hidden, beside it, as the directory itself is replaced when a model is published. */
    public static Path fileForModel(Path modelDir) {
        Path abs = modelDir.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".lock");
    }

    /**
     * Takes the lock of a model directory being trained without waiting: two trainings into one
     * directory would share its checkpoint, each deleting the other's epoch files, and the last to
     * finish would replace the first one's model.
     *
     * @throws HeldException when another process (or another training in this one) holds it
     */
    public static InstanceLock acquireModel(Path modelDir) throws IOException {
        return acquire(fileForModel(modelDir), "training is writing " + modelDir, "--output");
    }

    private static synchronized InstanceLock acquire(Path file, String what, String option) throws IOException {
        Owner mine = HELD_HERE.get(key(file));
        if (mine != null) {
            throw new HeldException(file, mine, what, option);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            // a `schedule status` probing the lock holds it for an instant: that is waited out, a scheduler is not
            for (int attempt = 0; attempt < PROBE_RETRIES && lock == null; attempt++) {
                if (attempt > 0) {
                    Thread.sleep(PROBE_WAIT_MS);
                }
                lock = ch.tryLock();
            }
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ch.close();
            throw new java.io.InterruptedIOException("interrupted while taking the lock " + file);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            Owner holder = read(ch);
            ch.close();
            throw new HeldException(file, holder, what, option);
        }
        // known as this JVM's before anything else is done with it, so no other thread here opens and closes the file meanwhile
        Instant since = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Path key = key(file);
        HELD_HERE.put(key, new Owner(ProcessHandle.current().pid(), hostName(), ProcessHandle.current().info().startInstant().orElse(null),
                since));
        try {
            return written(file, ch, lock, since);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(key);
            ch.close();
            throw e;
        }
    }

    /** Writes this process as the holder into a lock file it has just locked. */
    private static InstanceLock written(Path file, FileChannel ch, FileLock lock, Instant since) throws IOException {
        // A non-empty file under a free lock was left by a holder that died without releasing it.
        Owner previous = read(ch);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("pid", ProcessHandle.current().pid());
        me.put("host", hostName());
        me.put("processStart", ProcessHandle.current().info().startInstant().map(Instant::toString).orElse(null));
        me.put("since", since.toString());
        byte[] bytes = (DocumentJson.mapper().writeValueAsString(me) + "\n").getBytes(StandardCharsets.UTF_8);
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(bytes), 0);
        ch.force(true);
        return new InstanceLock(file, ch, lock, previous);
    }

    /** The file itself, whatever name reaches it (a linked directory): the lock belongs to the file. */
    private static Path key(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException notThereYet) {
            return file.toAbsolutePath().normalize();
        }
    }

    /**
     * The holder of a state database's lock if it still holds it. The lock itself is asked (a
     * shared lock tried for an instant, which the holder's exclusive one refuses), so a holder on
     * another host is judged as well as one here, wherever the file system's locks span hosts
     * (NFSv4, most cluster file systems); where the lock cannot be probed, the recorded process is
     * looked for on this host ({@link Owner#isAlive()}).
     */
    public static synchronized Optional<Owner> liveOwner(Path state) {
        Optional<Owner> recorded = recordedOwner(state);
        if (recorded.isEmpty()) {
            return recorded;
        }
        Optional<Boolean> held = probe(fileFor(state));
        return held.orElseGet(() -> recorded.get().isAlive()) ? recorded : Optional.empty();
    }

    /** Whether some process holds the lock now; empty when the file system cannot say. */
    private static Optional<Boolean> probe(Path file) {
        if (HELD_HERE.containsKey(key(file))) {
            return Optional.of(true);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock shared = ch.tryLock(0, Long.MAX_VALUE, true);
            if (shared == null) {
                return Optional.of(true);
            }
            shared.release();
            return Optional.of(false);
        } catch (OverlappingFileLockException heldHere) {
            return Optional.of(true);
        } catch (IOException | RuntimeException cannotTell) {
            return Optional.empty();
        }
    }

    /** The holder recorded in a state database's lock file, if any (it may be dead: check {@link #liveOwner}). */
    public static synchronized Optional<Owner> recordedOwner(Path state) {
        Path file = fileFor(state);
        Owner mine = HELD_HERE.get(key(file));
        if (mine != null) {
            return Optional.of(mine);
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return Optional.ofNullable(read(ch));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The holder that died without releasing the lock this process took over, if any. */
    public Optional<Owner> takenOverFrom() {
        return Optional.ofNullable(previous);
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    private static Owner read(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0 || size > 4096) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        ch.read(buf, 0);
        try {
            Map<String, Object> m = DocumentJson.mapper().readValue(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8),
                    new TypeReference<Map<String, Object>>() { });
            return new Owner(((Number) m.get("pid")).longValue(), String.valueOf(m.get("host")),
                    m.get("processStart") == null ? null : Instant.parse(m.get("processStart").toString()),
                    Instant.parse(m.get("since").toString()));
        } catch (IOException | RuntimeException unreadable) {
            return null;  // half-written by a holder killed mid-write: no one to name
        }
    }

    /** This machine's name, as lock files record it. */
    static String hostName() {
        try {
            Path proc = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(proc)) {
                return Files.readString(proc).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Empties the file and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
        } finally {
            channel.close();
            HELD_HERE.remove(key(file));
        }
    }
}
