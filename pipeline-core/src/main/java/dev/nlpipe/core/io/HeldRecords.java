package dev.nlpipe.core.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Bad records and warnings held back in the order they came, to be passed on later
 * ({@link #passTo}): a parallel run reads and processes batches out of step, and holds each
 * batch's records so that the errors file, the summary and {@code onError: fail} see them in input
 * order, as a run on one thread does. Not thread-safe: one batch's work, one thread at a time.
 */
public final class HeldRecords implements BadRecordSink {
    private record Held(BadRecord record, boolean warning) {
    }

    private final List<Held> held = new ArrayList<>();

    @Override
    public void accept(BadRecord record) {
        held.add(new Held(record, false));
    }

    @Override
    public void warn(BadRecord record) {
        held.add(new Held(record, true));
    }

    /** Passes the held records on to {@code target}, in order, and forgets them; {@code target} may throw at one (onError: fail). */
    public void passTo(BadRecordSink target) {
        List<Held> all = List.copyOf(held);
        held.clear();
        for (Held h : all) {
            if (h.warning()) {
                target.warn(h.record());
            } else {
                target.accept(h.record());
            }
        }
    }
}
