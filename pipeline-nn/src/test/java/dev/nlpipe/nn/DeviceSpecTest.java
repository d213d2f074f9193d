package dev.nlpipe.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceSpecTest {

    @Test
    void parsesEveryForm() {
        assertEquals(new DeviceSpec(DeviceSpec.Kind.CPU, 0), DeviceSpec.parse("cpu"));
        assertEquals(new DeviceSpec(DeviceSpec.Kind.GPU, 0), DeviceSpec.parse("gpu"));
        assertEquals(new DeviceSpec(DeviceSpec.Kind.GPU, 3), DeviceSpec.parse("GPU:3"));
        assertEquals(new DeviceSpec(DeviceSpec.Kind.AUTO, 0), DeviceSpec.parse("auto"));
        assertEquals("gpu:3", DeviceSpec.parse("cuda:3").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse("tpu"));
        assertTrue(e.getMessage().contains("cpu, gpu, gpu:N (or cuda, cuda:N) or auto"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse("gpu:-1"));
    }

    @Test
    void autoPicksTheGpuOnlyWhenOneIsVisibleAndLogsTheChoice() {
        List<String> log = new ArrayList<>();
        assertEquals(Device.cpu(), DeviceSpec.parse("auto").resolve(0, log::add));
        assertEquals(Device.gpu(0), DeviceSpec.parse("auto").resolve(2, log::add));
        assertEquals("device: cpu (auto: no GPU visible)", log.get(0));
        assertEquals("device: gpu:0 (auto: 2 GPU(s) visible)", log.get(1));
        assertEquals(Device.gpu(1), DeviceSpec.parse("gpu:1").resolve(2, log::add));
    }

    @Test
    void aMissingGpuIsAClearError() {
        NeuralEngineException none = assertThrows(NeuralEngineException.class, () -> DeviceSpec.parse("gpu").resolve(0, s -> { }));
        assertTrue(none.getMessage().contains("DJL sees no GPU"), none.getMessage());
        assertTrue(none.getMessage().contains("README"), none.getMessage());
        NeuralEngineException tooHigh = assertThrows(NeuralEngineException.class, () -> DeviceSpec.parse("gpu:2").resolve(2, s -> { }));
        assertTrue(tooHigh.getMessage().contains("only 2 GPU(s)"), tooHigh.getMessage());
        assertTrue(none.isSetting() && tooHigh.isSetting(), "a usage error (exit 2) on every command, not an engine failure");
    }
}
