package dev.nlpipe.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One {@code local[2]} session for every test class of the module: starting Spark costs seconds,
 * and surefire runs the classes in one JVM. A task may fail twice ({@code local[2,2]}), so
 * retries can be tested.
 */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2,2]")
                    .appName("nlpipe-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
