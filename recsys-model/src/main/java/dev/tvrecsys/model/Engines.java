package dev.tvrecsys.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the DJL PyTorch engine without network access and picks the device.
 *
 * <p>DJL reads {@code ai.djl.offline} and {@code OPT_OUT_TRACKING} when the engine first starts;
 * without them it may try to download native libraries and send usage data. {@link #start()} sets
 * both system properties unless the caller already set them, so every entry point of this library
 * calls it before touching an NDManager.
 */
public final class Engines {

    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);

    private static volatile boolean logged;

    private Engines() {}

    /** Sets the offline properties if absent, starts the engine and returns it. */
    public static Engine start() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
        Engine engine = Engine.getInstance();
        if (!logged) {
            logged = true;
            LOG.info(
                    "Engine {} {} on {}; {} processors, intra-op threads {}, inter-op threads {},"
                            + " GPUs {}",
                    engine.getEngineName(),
                    engine.getVersion(),
                    defaultDevice(engine),
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("ai.djl.pytorch.num_threads", "engine default"),
                    System.getProperty("ai.djl.pytorch.num_interop_threads", "engine default"),
                    engine.getGpuCount());
        }
        return engine;
    }

    /** Returns the first GPU when the engine reports one, else the CPU. */
    public static Device defaultDevice() {
        return defaultDevice(start());
    }

    private static Device defaultDevice(Engine engine) {
        return engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /**
     * Parses a device name: {@code auto} (GPU when present), {@code cpu}, {@code gpu} or {@code
     * gpu:N}.
     *
     * @throws IllegalArgumentException for other names or a GPU that is not present
     */
    public static Device parseDevice(String name) {
        Engine engine = start();
        String value = name.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("auto")) {
            return defaultDevice(engine);
        }
        if (value.equals("cpu")) {
            return Device.cpu();
        }
        if (value.equals("gpu") || value.matches("gpu:[0-9]{1,4}")) {
            int id = value.equals("gpu") ? 0 : Integer.parseInt(value.substring(4));
            if (id >= engine.getGpuCount()) {
                throw new IllegalArgumentException(
                        "device "
                                + name
                                + " is not present: the engine sees "
                                + engine.getGpuCount()
                                + " GPUs; use cpu or auto");
            }
            return Device.gpu(id);
        }
        throw new IllegalArgumentException(
                "device must be one of auto, cpu, gpu, gpu:N, found '" + name + "'");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
