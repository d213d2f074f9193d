package dev.nlpipe.nn;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * OpenMP settings the PyTorch natives read once, when they load. By default OpenMP worker threads
 * spin while they wait for work; on a machine whose cores are busy with other processes (a shared
 * server, several runs at once) that spinning starves everyone, and two threads per operation ran
 * up to 40 times slower than one in our measurements. nlpipe therefore asks for the passive wait
 * policy (threads sleep) unless the user has set {@code OMP_WAIT_POLICY} already.
 */
final class OpenMpSettings {
    /** The variable and the value nlpipe sets when it is absent. */
    static final String WAIT_POLICY = "OMP_WAIT_POLICY";
    static final String PASSIVE = "PASSIVE";

    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private OpenMpSettings() {
    }

    /**
     * Sets the passive wait policy in this process's environment unless one is given; must run
     * before the natives load. Returns the policy in effect, or {@code null} where it cannot be set.
     */
    static String apply() {
        String given = System.getenv(WAIT_POLICY);
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (Platform.isWindows()) {
            return null;
        }
        try {
            LibC c = Native.load("c", LibC.class);
            return c.setenv(WAIT_POLICY, PASSIVE, 0) == 0 ? PASSIVE : null;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }
}
