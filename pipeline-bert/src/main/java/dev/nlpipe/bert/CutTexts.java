package dev.nlpipe.bert;

import dev.nlpipe.core.io.TempNames;
import dev.nlpipe.nn.bert.BertEncoding;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once per loaded model, as a warning in the log, that a text was longer than the model's
 * {@code maxLength} and was cut: the model then reads only the text's start, which a user of a
 * vector or a label cannot tell from the output. Thread-safe.
 */
public final class CutTexts {
    private static final Logger LOG = LoggerFactory.getLogger(CutTexts.class);

    private final String model;
    private final int maxLength;
    private final String fix;
    private final AtomicBoolean said = new AtomicBoolean();

    /**
     * @param model the model directory, named in the warning as the directory it is published as
     *     (a training scores a staged copy under a hidden name)
     * @param maxLength the most word pieces per text, [CLS] and [SEP] included
     * @param fix how this user reads longer texts (the option to raise, and where it is set)
     */
    public CutTexts(Path model, int maxLength, String fix) {
        this.model = TempNames.target(model).toString();
        this.maxLength = maxLength;
        this.fix = fix;
    }

    /** The model the warning names: its output directory while a training scores the staged copy. */
    public String model() {
        return model;
    }

    /** What the warning tells the user to do. */
    public String advice() {
        return fix;
    }

    /**
     * Looks at a batch's encodings; warns at the first cut one this model meets.
     *
     * @return whether this call warned
     */
    public boolean check(List<BertEncoding> encodings) {
        if (said.get()) {
            return false; // said already: every later batch is spared the look
        }
        for (BertEncoding e : encodings) {
            if (e.truncated()) {
                if (said.compareAndSet(false, true)) {
                    LOG.warn("{}: a text longer than maxLength {} word pieces was cut to its start (this is said once; later"
                            + " texts may be cut too): {}", model, maxLength, fix);
                    return true;
                }
                return false;
            }
        }
        return false;
    }
}
