package dev.nlpipe.core.stage;

import dev.nlpipe.core.io.ReaderProvider;
import dev.nlpipe.core.io.WriterProvider;
import dev.nlpipe.core.model.ModelKind;
import dev.nlpipe.core.model.ModelKinds;
import dev.nlpipe.core.model.TrainerProvider;

/**
 * All registered stages, readers, writers, trainers and model kinds, loaded once per class loader.
 */
public final class Components {
    private static volatile Components defaults;

    private final Registry<StageProvider> stages;
    private final Registry<ReaderProvider> readers;
    private final Registry<WriterProvider> writers;
    private final Registry<TrainerProvider> trainers;
    private final ModelKinds kinds;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Components(ClassLoader loader) {
        this.stages = Registry.load(StageProvider.class, "stage type", loader);
        this.readers = Registry.load(ReaderProvider.class, "input format", loader);
        this.writers = Registry.load(WriterProvider.class, "output format", loader);
        this.trainers = Registry.load(TrainerProvider.class, "training task", loader);
        this.kinds = new ModelKinds(Registry.load(ModelKind.class, "model kind", loader));
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

    /** The installed model kinds, which load model directories by their {@code kind}. */
    public ModelKinds kinds() {
        return kinds;
    }
}
