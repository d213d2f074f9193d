package dev.nlpipe.core.run;

/** What a bad record (unreadable, or failing in a stage) does to a run. */
public enum OnError {
    /** Write it to the errors file and go on; the run exits with code 1. */
    SKIP,
    /** Stop the run at the first one, publishing no output. */
    FAIL
}
