package dev.nlpipe.cli.schedule;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A request to stop, set by SIGTERM or SIGINT (or by code), that the scheduler checks between
 * files and waits on between ticks.
 *
 * <p>The signals are caught with {@code sun.misc.Signal} rather than a shutdown hook: a hook runs
 * while the JVM is already exiting with status 143 and races the hooks that delete temporary
 * files, whereas a handler lets the scheduler finish the files in progress, record them, and
 * return normally with status 0. A second signal exits at once (the files in progress are then
 * abandoned; their temporary files are deleted and they stay pending). The API is looked up
 * reflectively so the build stays free of internal-API warnings; where it is missing, the JVM's
 * default handling (exit, temporary files removed) applies and nothing is lost either.
 */
public final class StopSignal {
    private String reason;

    /** Asks the scheduler to stop after the files in progress. */
    public synchronized void request(String why) {
        if (reason == null) {
            reason = why;
        }
        notifyAll();
    }

    /** Whether a stop was requested. */
    public synchronized boolean requested() {
        return reason != null;
    }

    /** Why (the signal's name), or {@code null}. */
    public synchronized String reason() {
        return reason;
    }

    /** Waits up to {@code timeout} for a stop request; returns whether one came. */
    public synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (reason == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            long ms = left / 1_000_000;
            wait(ms, (int) (left % 1_000_000));
        }
        return true;
    }

    /**
     * Routes SIGTERM and SIGINT to this stop request until the returned handle is closed, which
     * restores the previous handlers.
     *
     * @param log where "stopping..." is announced
     */
    public AutoCloseable trapSignals(PrintStream log) {
        List<Runnable> restore = new ArrayList<>();
        for (String name : List.of("TERM", "INT")) {
            try {
                restore.add(trap(name, log));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
                // No signal API, or this signal is reserved (INT under some debuggers, TERM on some
                // platforms): the JVM's default handling stays for it.
            }
        }
        return () -> restore.forEach(Runnable::run);
    }

    /** Routes one signal here; returns what puts the previous handler back. */
    private Runnable trap(String name, PrintStream log) throws ReflectiveOperationException {
        Class<?> signalClass = Class.forName("sun.misc.Signal");
        Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
        Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
        Object signal = signalClass.getConstructor(String.class).newInstance(name);
        InvocationHandler h = (proxy, method, args) -> switch (method.getName()) {
            case "handle" -> {
                onSignal(name, log);
                yield null;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> "nlpipe-schedule-SIG" + name;
        };
        Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, h);
        Object previous = handle.invoke(null, signal, handler);
        return () -> {
            try {
                handle.invoke(null, signal, previous);
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // the JVM is going away or the API vanished; nothing to restore
            }
        };
    }

    private void onSignal(String name, PrintStream log) {
        if (requested()) {
            log.println("SIG" + name + " again: exiting now; the files in progress stay pending for the next run");
            log.flush();
            System.exit(name.equals("INT") ? 130 : 143);
        }
        log.println("SIG" + name + " received: finishing the files in progress, then exiting (send it again to exit at once)");
        log.flush();
        request("SIG" + name);
    }
}
