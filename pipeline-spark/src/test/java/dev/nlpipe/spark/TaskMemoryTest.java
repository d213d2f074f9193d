package dev.nlpipe.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** A counting task's share of the heap: the executor's task slots count side by side in one JVM. */
class TaskMemoryTest {

    @Test
    void theSlotsAreTheExecutorsCoresOverEachTasksCores() {
        assertEquals(4, TaskMemory.slots(new SparkConf(false).set("spark.master", "yarn").set("spark.executor.cores", "4")));
        assertEquals(2, TaskMemory.slots(new SparkConf(false).set("spark.executor.cores", "4").set("spark.task.cpus", "2")));
        assertEquals(3, TaskMemory.slots(new SparkConf(false).set("spark.master", "local[3]")));
        assertEquals(2, TaskMemory.slots(new SparkConf(false).set("spark.master", "local[2,4]")));
        assertEquals(Runtime.getRuntime().availableProcessors(), TaskMemory.slots(new SparkConf(false).set("spark.master", "local[*]")));
        assertEquals(1, TaskMemory.slots(new SparkConf(false).set("spark.master", "local")));
        assertEquals(1, TaskMemory.slots(new SparkConf(false).set("spark.master", "yarn")), "YARN gives an executor one core by default");
        assertEquals(1, TaskMemory.slots(new SparkConf(false).set("spark.master", "k8s://https://host:6443")));
        // a standalone executor takes every core of its worker: as many tasks count side by side
        assertEquals(Runtime.getRuntime().availableProcessors(), TaskMemory.slots(new SparkConf(false).set("spark.master", "spark://m:7077")));
    }
}
