package dev.nlpipe.nn;

import ai.djl.Device;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A {@code device:} setting: {@code cpu}, {@code gpu} (the first GPU), {@code gpu:N}, or
 * {@code auto} (the first GPU when DJL sees one, else the CPU). Resolving it logs the choice.
 *
 * @param kind what was asked for
 * @param index the GPU index for {@link Kind#GPU}
 */
public record DeviceSpec(Kind kind, int index) {

    /** The kinds of setting. */
    public enum Kind { CPU, GPU, AUTO }

    /** The values a {@code device:} option accepts, for help texts. */
    public static final String HELP = "cpu, gpu, gpu:N (or cuda, cuda:N) or auto (a GPU when one is visible, else the CPU)";

    /** A device as {@code model.json} and load options name it: {@code cpu} or {@code gpu:N}. */
    public static String nameOf(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    /** Parses a setting, or throws {@link IllegalArgumentException} with the valid forms. */
    public static DeviceSpec parse(String text) {
        String s = text == null ? "auto" : text.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "cpu":
                return new DeviceSpec(Kind.CPU, 0);
            case "gpu":
            case "cuda":
                return new DeviceSpec(Kind.GPU, 0);
            case "auto":
            case "":
                return new DeviceSpec(Kind.AUTO, 0);
            default:
                break;
        }
        if (s.startsWith("gpu:") || s.startsWith("cuda:")) {
            try {
                int n = Integer.parseInt(s.substring(s.indexOf(':') + 1));
                if (n >= 0) {
                    return new DeviceSpec(Kind.GPU, n);
                }
            } catch (NumberFormatException ignored) {
                // fall through to the error
            }
        }
        throw new IllegalArgumentException("unknown device '" + text + "' (valid: " + HELP + ")");
    }

    /** Resolves against the engine's visible GPUs; logs the choice. */
    public Device resolve(Consumer<String> log) {
        return resolve(NeuralEngine.gpuCount(), log);
    }

    /**
     * Resolves against a given GPU count (for tests).
     *
     * @throws NeuralEngineException when a GPU is asked for and none (or not that one) is visible
     */
    public Device resolve(int gpus, Consumer<String> log) {
        Device d;
        String why;
        switch (kind) {
            case CPU -> {
                d = Device.cpu();
                why = "as configured";
            }
            case AUTO -> {
                d = gpus > 0 ? Device.gpu(0) : Device.cpu();
                why = gpus > 0 ? "auto: " + gpus + " GPU(s) visible" : "auto: no GPU visible";
            }
            default -> {
                if (gpus == 0) {
                    throw NeuralEngineException.ofSetting("device: " + this + " was requested, but DJL sees no GPU (the CPU build of "
                            + "the PyTorch natives is installed, or CUDA is not visible); use device: auto or cpu, or install "
                            + "a CUDA build of the natives (docs/training.md, section 'Using a GPU (CUDA)', linked from the README)");
                }
                if (index >= gpus) {
                    throw NeuralEngineException.ofSetting("device: " + this + " was requested, but DJL sees only " + gpus
                            + " GPU(s) (gpu:0.." + (gpus - 1) + ")");
                }
                d = Device.gpu(index);
                why = "as configured";
            }
        }
        log.accept("device: " + (d.isGpu() ? "gpu:" + d.getDeviceId() : "cpu") + " (" + why + ")");
        return d;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CPU -> "cpu";
            case AUTO -> "auto";
            case GPU -> "gpu:" + index;
        };
    }
}
