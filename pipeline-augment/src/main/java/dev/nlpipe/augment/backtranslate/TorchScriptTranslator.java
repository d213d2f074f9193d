package dev.nlpipe.augment.backtranslate;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import dev.nlpipe.nn.DeviceSpec;
import dev.nlpipe.nn.NeuralEngine;
import dev.nlpipe.nn.NeuralEngineException;
import dev.nlpipe.nn.ShutdownGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A translation model in a DJL model directory: {@code translator.pt}, a TorchScript module whose
 * {@code forward(lines: List[str], src: str, tgt: str) -> List[str]} returns one translation per
 * line. Tokenization and generation live inside the module (as in a scripted MarianMT or NLLB
 * wrapper), so any seq2seq model exported that way plugs in without Python at run time.
 */
public final class TorchScriptTranslator implements Translator {
    /** The TorchScript file the model directory must hold. */
    public static final String FILE = "translator.pt";
    private final Model model;
    private final PtSymbolBlock block;

    /**
     * Loads {@code dir/translator.pt} on the device a {@link DeviceSpec} names; the stage's entry
     * point, typed so that its caller names no DJL class.
     *
     * @param log where the device choice is reported
     * @throws IllegalArgumentException when the device is not valid or not available
     * @throws IOException when the file is missing or is not a loadable TorchScript module
     */
    public static Translator open(Path dir, String device, Consumer<String> log) throws IOException {
        Device d;
        try {
            d = DeviceSpec.parse(device).resolve(log);
        } catch (NeuralEngineException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new TorchScriptTranslator(dir, d);
    }

    /**
     * Loads {@code dir/translator.pt} onto {@code device}.
     *
     * @throws IOException when the file is missing or is not a loadable TorchScript module
     */
    public TorchScriptTranslator(Path dir, Device device) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " has no " + FILE + ": a translation model directory holds a TorchScript module "
                    + "with forward(lines: List[str], src: str, tgt: str) -> List[str]");
        }
        NeuralEngine.get();
        Model m = Model.newInstance("translator", device, NeuralEngine.NAME);
        try {
            m.load(dir, "translator");
        } catch (MalformedModelException | RuntimeException e) {
            m.close();
            throw new IOException(file + " is not a TorchScript module DJL can load: " + e.getMessage(), e);
        }
        if (!(m.getBlock() instanceof PtSymbolBlock b)) {
            m.close();
            throw new IOException(file + " did not load as a TorchScript module");
        }
        this.model = m;
        this.block = b;
    }

    @Override
    public List<String> translate(List<String> lines, String from, String to) throws IOException {
        if (lines.isEmpty()) {
            return List.of();
        }
        NeuralEngine.noGrad();
        List<IValue> owned = new ArrayList<>(lines.size() + 3);
        try (ShutdownGate.Registration step = ShutdownGate.global().step()) {
            IValue[] items = new IValue[lines.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = IValue.from(lines.get(i));
                owned.add(items[i]);
            }
            IValue list = IValue.listFrom(items);
            IValue src = IValue.from(from);
            IValue tgt = IValue.from(to);
            owned.addAll(List.of(list, src, tgt));
            IValue result = block.forward(list, src, tgt);
            owned.add(result);
            if (!result.isList()) {
                throw new IOException(FILE + " returned " + result.getType() + ", not List[str]");
            }
            IValue[] outs = result.toIValueArray();
            List<String> out = new ArrayList<>(outs.length);
            for (IValue v : outs) {
                owned.add(v);
                if (!v.isString()) {
                    throw new IOException(FILE + " returned a list of " + v.getType() + ", not of str");
                }
                out.add(v.toStringValue());
            }
            if (out.size() != lines.size()) {
                throw new IOException(FILE + " returned " + out.size() + " translations for " + lines.size() + " lines");
            }
            return out;
        } catch (RuntimeException e) {
            throw new IOException(FILE + " failed: " + e.getMessage(), e);
        } finally {
            owned.forEach(IValue::close);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
