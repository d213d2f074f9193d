package dev.nlpipe.nn;

/** Marks code that calls an API pom.xml's forbiddenapis rule forbids, on purpose (to show why it is forbidden). */
@interface SuppressForbidden {
}
