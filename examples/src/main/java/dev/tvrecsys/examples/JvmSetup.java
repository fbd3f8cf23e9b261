package dev.tvrecsys.examples;

/**
 * System properties that every example main class sets first, before any DJL or logging class
 * loads: DJL's offline mode and tracking opt-out, headless AWT for the charts, and one log line
 * format.
 */
public final class JvmSetup {

    private JvmSetup() {}

    /** Sets the properties; a value the caller already passed with {@code -D} is kept. */
    public static void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("java.awt.headless", "true");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
