package dev.nlpipe.core.io.format;

import dev.nlpipe.core.io.BadRecord;
import dev.nlpipe.core.io.BadRecordSink;
import java.util.ArrayList;
import java.util.List;

/** A sink for the readers' tests that keeps failures and warnings apart. */
final class CollectedRecords implements BadRecordSink {
    final List<BadRecord> bad = new ArrayList<>();
    final List<BadRecord> warnings = new ArrayList<>();

    @Override
    public void accept(BadRecord record) {
        bad.add(record);
    }

    @Override
    public void warn(BadRecord record) {
        warnings.add(record);
    }
}
