package dev.nlpipe.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/** Copies of arrays into Java memory that leave nothing behind in the arrays' managers. */
public final class HostArrays {
    private HostArrays() {
    }

    /**
     * The values of {@code array} as floats. DJL reads an array on a GPU by copying it to the CPU
     * into the array's own manager, where the copy stays until that manager closes; for a weight,
     * whose manager lives as long as the model, every read (a decode, a checkpoint) would leave one
     * behind. Here the copy and any type conversion live in a scope of their own.
     */
    public static float[] floats(NDArray array) {
        if (array.getDevice().equals(Device.cpu()) && array.getDataType() == DataType.FLOAT32) {
            return array.toFloatArray();
        }
        try (NDManager scratch = array.getManager().newSubManager(Device.cpu())) {
            NDArray onHost = array.toDevice(Device.cpu(), true);
            onHost.attach(scratch);
            NDArray floats = onHost.toType(DataType.FLOAT32, false);
            floats.attach(scratch);
            return floats.toFloatArray();
        }
    }
}
