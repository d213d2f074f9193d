package dev.nlpipe.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The nlpipe version, recorded in every model directory and printed by {@code nlpipe --version}. */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
