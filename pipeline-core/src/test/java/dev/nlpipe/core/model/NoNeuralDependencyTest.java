package dev.nlpipe.core.model;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** pipeline-core must not bring DJL or libtorch: an application that only segments or vectorizes does not download them. */
class NoNeuralDependencyTest {

    @Test
    void djlIsNotOnTheClassPathOfCore() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ai.djl.engine.Engine"));
    }

    @Test
    void jnaIsNotOnTheClassPathOfCore() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.sun.jna.Native"));
    }
}
