package dev.nlpipe.core.stage;

import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.io.WriterProvider;
import dev.nlpipe.core.model.TrainerProvider;

/**
 * All registered stages, readers, writers and trainers, loaded once per class loader.
 */
public final class Components {
    private static volatile Components defaults;

    private final Registry<StageProvider> stages;
    private final Registry<ReaderProvider> readers;
    private final Registry<WriterProvider> writers;
    private final Registry<TrainerProvider> trainers;

    private Components(ClassLoader loader) {
        this.stages = Registry.load(StageProvider.class, "stage type", loader);
        this.readers = Registry.load(ReaderProvider.class, "input format", loader);
        this.writers = Registry.load(WriterProvider.class, "output format", loader);
        this.trainers = Registry.load(TrainerProvider.class, "training task", loader);
    }

    /** The components visible to this library's class loader. */
    public static Components get() {
        Components c = defaults;
        if (c == null) {
            synchronized (Components.class) {
                c = defaults;
                if (c == null) {
                    c = new Components(Components.class.getClassLoader());
                    defaults = c;
                }
            }
        }
        return c;
    }

    /** The components visible to a specific class loader (plugins). */
    public static Components load(ClassLoader loader) {
        return new Components(loader);
    }

    public Registry<StageProvider> stages() {
        return stages;
    }

    public Registry<ReaderProvider> readers() {
        return readers;
    }

    public Registry<WriterProvider> writers() {
        return writers;
    }

    public Registry<TrainerProvider> trainers() {
        return trainers;
    }
}
